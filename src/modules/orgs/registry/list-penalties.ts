import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { penaltiesOf } from '../credit/penalty-store.ts';
import { orgInScope } from './get-org.ts';

export const PenaltyList = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      decidedOn: z.string(),
      article: z.string(),
      basis: z.string(),
      documentNo: z.string().nullable(),
      facts: z.string(),
      warning: z.boolean(),
      fineCents: z.number().nullable(),
      confiscationCents: z.number().nullable(),
      confiscated: z.boolean().meta({ description: '没收违法所得（行政执法案件的决定不载金额时 confiscationCents 为 null）' }),
      suspendedUntil: z.string().nullable(),
      dismissal: z.boolean(),
      caseId: z.uuid().nullable().meta({ description: '作出决定的行政执法案件（/cases/:id）；在本模块直接记录的为 null' }),
      listingIds: z.array(z.string()),
    }),
  ),
});

/** GET /api/orgs/:id/penalties: the decisions recorded for an organization in the actor's scope. */
export async function listPenalties(ctx: AppContext, actor: Actor, id: string): Promise<z.infer<typeof PenaltyList>> {
  await orgInScope(ctx, actor, id, 'orgs.read');
  return { items: await penaltiesOf(ctx, id) };
}
