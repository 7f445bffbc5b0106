import { sql } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { inScope, type Actor } from '../../../kernel/identity/index.ts';
import { orgsDb } from '../db.ts';
import { dateText, type CreditList } from '../contract.ts';
import type { ListOrgsQuery, OrgPage } from '../contracts/http.ts';
import { escapeLike, noRows } from './authority.ts';
import { nameMatches, nameRank } from './name-search.ts';
import { inspectionNextSteps } from '../inspection/inspection-next-step.ts';

/** The registry in the actor's orgs.read scope (an authority sees what it and the authorities below it register). */
export async function listOrgs(ctx: AppContext, actor: Actor, q: z.infer<typeof ListOrgsQuery>): Promise<z.infer<typeof OrgPage>> {
  const db = orgsDb(ctx.db);
  const today = chinaDate(ctx.clock.now());
  let base = db.selectFrom('orgs.organization as o').where(inScope(actor, 'orgs.read', { areaPath: 'o.authority_area_path' }));
  if (q.kind) base = base.where('o.kind', '=', q.kind);
  if (q.status && !q.asOf) base = base.where('o.status', '=', q.status);
  if (q.asOf) {
    const d = q.asOf;
    base = base.where('o.registered_on', '<=', d).where((eb) => eb.or([eb('o.status', '=', 'normal'), eb('o.status_on', '>', d)]));
  }
  if (q.authority) base = base.where('o.authority_org_unit_id', '=', q.authority);
  if (q.area) {
    const a = await db.selectFrom('core.area').select('path').where('code', '=', q.area).executeTakeFirst();
    base = a
      ? base.where((eb) => eb.or([eb('o.authority_area_path', '=', a.path), eb('o.authority_area_path', 'like', `${escapeLike(a.path)}.%`)]))
      : base.where(noRows);
  }
  if (q.list) {
    const list = q.list;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('orgs.credit_listing as l')
          .select(sql`1`.as('one'))
          .whereRef('l.organization_id', '=', 'o.id')
          .where('l.list', '=', list)
          .where('l.listed_on', '<=', today)
          .where((w) => w.or([w('l.removed_on', 'is', null), w('l.removed_on', '>', today)])),
      ),
    );
  }
  if (q.q) {
    const text = q.q;
    base = base.where((eb) => eb.or([nameMatches('o.name', text)(eb), eb('o.uscc', '=', text.toUpperCase()), eb('o.legal_representative', '=', text)]));
  }
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .innerJoin('core.org_unit as u', 'u.id', 'o.authority_org_unit_id')
    .select([
      'o.id',
      'o.kind',
      'o.name',
      'o.uscc',
      'o.authority_org_unit_id',
      'u.name as authority_name',
      'o.authority_area_path',
      'o.legal_representative',
      'o.status',
      'o.rating',
      sql<string>`o.registered_on::text`.as('registered_on'),
      sql<string | null>`o.status_on::text`.as('status_on'),
    ])
    // A name search lists the closest names first (pg_trgm), otherwise the newest registrations.
    .$call((x) => (q.q ? x.orderBy(nameRank('o.name', q.q), 'desc') : x))
    .orderBy('o.registered_on', 'desc')
    .orderBy('o.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const lists = await openLists(
    ctx,
    rows.map((r) => r.id),
    today,
  );
  const steps = await inspectionNextSteps(
    ctx,
    actor,
    rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      status: r.status,
      registeredOn: dateText(r.registered_on)!,
      statusOn: dateText(r.status_on),
      authorityOrgUnitId: r.authority_org_unit_id,
      authorityName: r.authority_name,
    })),
    today,
  );
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      name: r.name,
      uscc: r.uscc,
      authorityOrgUnitId: r.authority_org_unit_id,
      authorityName: r.authority_name,
      areaPath: r.authority_area_path,
      legalRepresentative: r.legal_representative,
      registeredOn: dateText(r.registered_on)!,
      status: r.status,
      rating: r.rating,
      lists: lists.get(r.id) ?? [],
      nextStep: steps.get(r.id) ?? null,
    })),
  };
}

/** The lists each organization is on today (open listings). */
export async function openLists(ctx: AppContext, ids: string[], today: string): Promise<Map<string, CreditList[]>> {
  const out = new Map<string, CreditList[]>();
  if (!ids.length) return out;
  const rows = await orgsDb(ctx.db)
    .selectFrom('orgs.credit_listing')
    .select(['organization_id', 'list'])
    .where('organization_id', 'in', ids)
    .where('listed_on', '<=', today)
    .where((w) => w.or([w('removed_on', 'is', null), w('removed_on', '>', today)]))
    .execute();
  for (const r of rows) {
    const l = out.get(r.organization_id) ?? [];
    if (!l.includes(r.list)) l.push(r.list);
    out.set(r.organization_id, l);
  }
  return out;
}
