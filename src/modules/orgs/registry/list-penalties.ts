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
      suspendedUntil: z.string().nullable(),
      dismissal: z.boolean(),
      listingIds: z.array(z.string()),
    }),
  ),
});

/** GET /api/orgs/:id/penalties: the decisions recorded for an organization in the actor's scope. */
export async function listPenalties(ctx: AppContext, actor: Actor, id: string): Promise<z.infer<typeof PenaltyList>> {
  await orgInScope(ctx, actor, id, 'orgs.read');
  return { items: await penaltiesOf(ctx, id) };
}
