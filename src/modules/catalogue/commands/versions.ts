import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { AppError, badRequest, forbidden } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { grantsFor, userRef, type Actor } from '../../../kernel/identity/index.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { CATALOGUE_ERRORS, CreateVersionInput, ItemInput, ReviewInput } from '../contracts/catalogue.ts';

const REGION = '640000';

/** The basic catalogue is the region's: the permission must be held at the region with subtree scope. */
export function requireRegion(actor: Actor, permission: string) {
  if (!grantsFor(actor, permission).some((g) => g.areaPath === REGION && g.scope === 'subtree')) throw forbidden(CATALOGUE_ERRORS.REGION_ONLY);
}

async function loadVersion(ctx: AppContext, id: string, lock = false) {
  const r = await sql<{ id: string; status: string; drafted_by: string | null; number: number }>`
    select id, status, drafted_by, number from catalogue.version where id = ${id} ${lock ? sql`for update` : sql``}`.execute(ctx.db);
  if (!r.rows[0]) throw new AppError('CATALOGUE_VERSION_NOT_FOUND', 404, CATALOGUE_ERRORS.VERSION_NOT_FOUND);
  return r.rows[0];
}

async function upsertItems(ctx: AppContext, versionId: string, items: ItemInput[]) {
  for (const [i, it] of items.entries())
    await sql`insert into catalogue.item (id, version_id, base_code, parent_code, kind, name, type_code, legal_basis, levels, sort)
      values (${randomUUID()}, ${versionId}, ${it.baseCode}, ${it.parentCode}, ${it.kind}, ${it.name}, ${it.typeCode}, ${it.legalBasis},
        ${it.levels}::text[], ${i})
      on conflict (version_id, base_code) do update set parent_code = excluded.parent_code, kind = excluded.kind, name = excluded.name,
        type_code = excluded.type_code, legal_basis = excluded.legal_basis, levels = excluded.levels`.execute(ctx.db);
}

/** 编制: a new draft version, optionally copied from a published one, with items added or replaced. */
export async function createVersion(ctx: AppContext, actor: Actor, raw: unknown, opts: { demo?: boolean } = {}) {
  requireRegion(actor, 'catalogue.draft');
  const input = parseInput(CreateVersionInput, raw);
  return withTx(ctx, async (tx) => {
    const id = randomUUID();
    const n = (await sql<{ n: number }>`select coalesce(max(number), 0) + 1 as n from catalogue.version`.execute(tx.db)).rows[0]!.n;
    await sql`insert into catalogue.version (id, number, title, effective_on, status, note, drafted_by, drafted_by_name, is_demo, created_at)
      values (${id}, ${n}, ${input.title}, ${input.effectiveOn}, 'draft', ${input.note}, ${userRef(actor)}, ${actor.displayName},
        ${!!opts.demo}, ${tx.clock.now()})`.execute(tx.db);
    if (input.copyFrom) {
      const from = await loadVersion(tx, input.copyFrom);
      if (from.status !== 'published') throw badRequest('CATALOGUE_COPY_UNPUBLISHED', '只能从已发布的版本复制（copy from a published version）');
      await sql`insert into catalogue.item (id, version_id, base_code, parent_code, kind, name, type_code, legal_basis, levels, sort)
        select gen_random_uuid(), ${id}, base_code, parent_code, kind, name, type_code, legal_basis, levels, sort
        from catalogue.item where version_id = ${input.copyFrom}`.execute(tx.db);
    }
    await upsertItems(tx, id, input.items);
    await recordAudit(tx, {
      actor,
      action: 'catalogue.version.create',
      entityType: 'catalogue_version',
      entityId: id,
      after: { number: n, title: input.title },
    });
    return { id, number: n };
  });
}

/** Adds or replaces items of a draft (by base code). */
export async function putItems(ctx: AppContext, actor: Actor, versionId: string, raw: unknown) {
  requireRegion(actor, 'catalogue.draft');
  const items = parseInput(ItemInput.array().min(1, '至少提交一个事项').max(5000), raw);
  return withTx(ctx, async (tx) => {
    const v = await loadVersion(tx, versionId, true);
    if (v.status !== 'draft' && v.status !== 'rejected') throw new AppError('CATALOGUE_NOT_DRAFT', 409, CATALOGUE_ERRORS.NOT_DRAFT);
    await upsertItems(tx, versionId, items);
    return { id: versionId, count: items.length };
  });
}

/** 提交审核. Checks every 子项 / 业务办理项 names a parent present in the version. */
export async function submitVersion(ctx: AppContext, actor: Actor, versionId: string) {
  requireRegion(actor, 'catalogue.draft');
  return withTx(ctx, async (tx) => {
    const v = await loadVersion(tx, versionId, true);
    if (v.status !== 'draft' && v.status !== 'rejected') throw new AppError('CATALOGUE_NOT_DRAFT', 409, CATALOGUE_ERRORS.NOT_DRAFT);
    const c = await sql<{ n: number; orphans: string[] }>`select count(*)::int as n,
      coalesce(array_agg(i.base_code) filter (where i.parent_code is not null and p.id is null), '{}') as orphans
      from catalogue.item i left join catalogue.item p on p.version_id = i.version_id and p.base_code = i.parent_code
      where i.version_id = ${versionId}`.execute(tx.db);
    const { n, orphans } = c.rows[0]!;
    if (!n) throw badRequest('CATALOGUE_EMPTY', CATALOGUE_ERRORS.EMPTY);
    if (orphans.length)
      throw badRequest('CATALOGUE_PARENT_MISSING', `${CATALOGUE_ERRORS.PARENT_MISSING}：${orphans.slice(0, 10).join('、')}`, { baseCodes: orphans });
    await sql`update catalogue.version set status = 'pending', submitted_at = ${tx.clock.now()} where id = ${versionId}`.execute(tx.db);
    await recordAudit(tx, { actor, action: 'catalogue.version.submit', entityType: 'catalogue_version', entityId: versionId, after: { items: n } });
    return { id: versionId, status: 'pending', items: n };
  });
}

/** 审核发布 (or 退回): by another person than the drafter. */
export async function reviewVersion(ctx: AppContext, actor: Actor, versionId: string, raw: unknown) {
  requireRegion(actor, 'catalogue.publish');
  const input = parseInput(ReviewInput, raw);
  return withTx(ctx, async (tx) => {
    const v = await loadVersion(tx, versionId, true);
    if (v.status !== 'pending') throw new AppError('CATALOGUE_NOT_PENDING', 409, CATALOGUE_ERRORS.NOT_PENDING);
    if (v.drafted_by && v.drafted_by === actor.userId) throw new AppError('CATALOGUE_SELF_REVIEW', 403, CATALOGUE_ERRORS.SELF_REVIEW);
    const status = input.approve ? 'published' : 'rejected';
    await sql`update catalogue.version set status = ${status}, reviewed_by = ${userRef(actor)}, reviewed_by_name = ${actor.displayName},
      reviewed_at = ${tx.clock.now()}, review_note = ${input.note} where id = ${versionId}`.execute(tx.db);
    await recordAudit(tx, {
      actor,
      action: input.approve ? 'catalogue.version.publish' : 'catalogue.version.reject',
      entityType: 'catalogue_version',
      entityId: versionId,
      before: { status: 'pending' },
      after: { status, note: input.note },
    });
    return { id: versionId, status };
  });
}
