import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { orgsDb } from '../db.ts';
import { CREDIT_LIST_LABEL, CREDIT_LISTS, ORG_KIND_LABEL, ORG_STATUS_LABEL } from '../contract.ts';
import { nameMatches, nameRank } from '../registry/name-search.ts';
import { reasonLabel } from './credit-rules.ts';

export const PublicLookupQuery = z.object({
  q: z.string('请输入社会组织名称或统一社会信用代码').trim().min(4, '请至少输入4个字的名称，或18位统一社会信用代码').max(60, '查询内容不能超过60个字'),
});
export const PublicOrg = z.object({
  name: z.string(),
  uscc: z.string(),
  kind: z.string(),
  authority: z.string(),
  registeredOn: z.string(),
  status: z.string(),
  statusOn: z.string().nullable(),
  rating: z.string().nullable(),
  ratingUntil: z.string().nullable(),
  lists: z.array(z.object({ list: z.enum(CREDIT_LISTS), label: z.string(), reason: z.string(), listedOn: z.string() })),
});
export const PublicLookup = z.object({ total: z.number(), items: z.array(PublicOrg) });
export type PublicLookup = z.output<typeof PublicLookup>;

/**
 * 信用信息公示 on the portal: by 统一社会信用代码 (exact) or by name (every term contained, or trigram word-similar; closest first), at most 10 results —
 * registration facts, 评估等级 and the lists in force today, nothing personal beyond the registered name.
 */
export async function publicCreditLookup(ctx: AppContext, q: z.infer<typeof PublicLookupQuery>): Promise<PublicLookup> {
  const today = chinaDate(ctx.clock.now());
  const code = q.q.toUpperCase();
  const db = orgsDb(ctx.db);
  const base = db.selectFrom('orgs.organization as o').where((eb) => (/^[0-9A-Z]{18}$/.test(code) ? eb('o.uscc', '=', code) : nameMatches('o.name', q.q)(eb)));
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .innerJoin('core.org_unit as u', 'u.id', 'o.authority_org_unit_id')
    .select([
      'o.id',
      'o.name',
      'o.uscc',
      'o.kind',
      'o.status',
      'o.rating',
      'u.name as authority',
      sql<string>`o.registered_on::text`.as('registered_on'),
      sql<string | null>`o.status_on::text`.as('status_on'),
      sql<string | null>`o.rating_until::text`.as('rating_until'),
    ])
    .$call((x) => (/^[0-9A-Z]{18}$/.test(code) ? x : x.orderBy(nameRank('o.name', q.q), 'desc')))
    .orderBy('o.name')
    .limit(10)
    .execute();
  const ids = rows.map((r) => r.id);
  const lists = ids.length
    ? await db
        .selectFrom('orgs.credit_listing')
        .select(['organization_id', 'list', 'reason', sql<string>`listed_on::text`.as('listed_on')])
        .where('organization_id', 'in', ids)
        .where('listed_on', '<=', today)
        .where((w) => w.or([w('removed_on', 'is', null), w('removed_on', '>', today)]))
        .orderBy('listed_on')
        .execute()
    : [];
  return {
    total,
    items: rows.map((r) => ({
      name: r.name,
      uscc: r.uscc,
      kind: ORG_KIND_LABEL[r.kind],
      authority: r.authority,
      registeredOn: r.registered_on,
      status: ORG_STATUS_LABEL[r.status],
      statusOn: r.status_on,
      rating: r.rating && r.rating_until && r.rating_until >= today ? r.rating : null,
      ratingUntil: r.rating && r.rating_until && r.rating_until >= today ? r.rating_until : null,
      lists: lists
        .filter((l) => l.organization_id === r.id)
        .map((l) => ({ list: l.list, label: CREDIT_LIST_LABEL[l.list], reason: reasonLabel(l.list, l.reason), listedOn: l.listed_on })),
    })),
  };
}
