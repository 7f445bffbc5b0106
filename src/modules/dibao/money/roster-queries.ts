import { sql } from 'kysely';
import { z } from 'zod';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { requirePermission, userRef, type Actor, inScope, recordInScope } from '../../../kernel/identity/index.ts';

import { checkRosterRows, ROSTER_PROBLEMS } from './check-roster.ts';
import { moneyDb, type RosterStatus } from './db.ts';
import type { RosterDetail, RosterSummary } from '../contracts/money.ts';

export const ListRostersQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/, '「month」月份格式应为 YYYY-MM')
    .optional(),
  countyCode: z
    .string()
    .regex(/^\d{6}$/, '「countyCode」应为 6 位区划代码')
    .optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export type { RosterSummary };

/** The columns summaryCols selects. */
type SummaryRow = {
  id: string;
  county_code: string;
  county_name: string;
  county_path: string;
  month: string;
  status: RosterStatus;
  version: number;
  households: number | string;
  persons: number | string;
  total_cents: number | string;
  problems: number | null;
  checked_version: number | null;
  generated_at: Date | string;
  checked_at: Date | string | null;
  approved_at: Date | string | null;
  approved_by_name: string | null;
};

const summaryCols = sql`r.id, r.county_code, a.name as county_name, r.county_path, to_char(r.month, 'YYYY-MM') as month, r.status, r.version, r.households, r.persons,
  r.total_cents, r.problems, r.checked_version, r.generated_at, r.checked_at, r.approved_at, u.display_name as approved_by_name`;

function summary(r: SummaryRow): RosterSummary {
  return {
    id: r.id,
    countyCode: r.county_code,
    countyName: r.county_name,
    countyPath: r.county_path,
    areaPath: r.county_path,
    month: r.month,
    status: r.status,
    version: r.version,
    households: Number(r.households),
    persons: Number(r.persons),
    totalCents: Number(r.total_cents),
    problems: r.problems,
    checkedCurrent: r.checked_version === r.version,
    generatedAt: new Date(r.generated_at).toISOString(),
    checkedAt: r.checked_at ? new Date(r.checked_at).toISOString() : null,
    approvedAt: r.approved_at ? new Date(r.approved_at).toISOString() : null,
    approvedByName: r.approved_by_name ?? null,
  };
}

/** 发放名册 list within the actor's dibao.read scope (by county path), newest month first. */
export async function listRosters(ctx: AppContext, actor: Actor, q: z.infer<typeof ListRostersQuery>) {
  requirePermission(actor, 'dibao.read');
  let base = moneyDb(ctx.db)
    .selectFrom('dibao.roster as r')
    .where(inScope(actor, 'dibao.read', { areaPath: 'r.county_path' }));
  if (q.month) base = base.where('r.month', '=', `${q.month}-01`);
  if (q.countyCode) base = base.where('r.county_code', '=', q.countyCode);
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .innerJoin('core.area as a', 'a.code', 'r.county_code')
    .leftJoin('core.app_user as u', 'u.id', 'r.approved_by')
    .select(summaryCols as never)
    .orderBy('r.month', 'desc')
    .orderBy('r.county_code')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { total, page: q.page, pageSize: q.pageSize, items: (rows as unknown as SummaryRow[]).map(summary) };
}

export const RosterDetailQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
  problemsOnly: z.enum(['0', '1']).optional(),
});

/** One roster: summary, a page of lines with their problems, the problem counts and the changes. */
export async function getRoster(
  ctx: AppContext,
  actor: Actor,
  id: string,
  q: z.infer<typeof RosterDetailQuery> = { page: 1, pageSize: 100 },
): Promise<RosterDetail> {
  requirePermission(actor, 'dibao.read');
  const r = await rosterSummary(ctx, actor, id);
  const db = moneyDb(ctx.db);
  let lines = db.selectFrom('dibao.roster_line as l').innerJoin('core.area as a', 'a.code', 'l.area_code').where('l.roster_id', '=', id);
  if (q.problemsOnly === '1')
    lines = lines.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('dibao.roster_problem as p').select('p.code').whereRef('p.roster_id', '=', 'l.roster_id').whereRef('p.household_id', '=', 'l.household_id'),
      ),
    );
  const lineTotal = Number((await lines.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const page = await lines
    .select([
      'l.household_id',
      'l.line_no',
      'l.area_code',
      'a.name as area_name',
      'l.kind',
      'l.head_name',
      'l.head_id_masked',
      'l.address',
      'l.insured_persons',
      'l.amount_cents',
      'l.gradual_exit',
    ])
    .orderBy('l.line_no')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const ids = page.map((l) => l.household_id);
  const problems = ids.length
    ? await db
        .selectFrom('dibao.roster_problem')
        .select(['household_id', 'code', 'message'])
        .where('roster_id', '=', id)
        .where('household_id', 'in', ids)
        .execute()
    : [];
  const byCode = await db
    .selectFrom('dibao.roster_problem')
    .select(['code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('roster_id', '=', id)
    .groupBy('code')
    .execute();
  const changes = await db
    .selectFrom('dibao.roster_change')
    .select(['household_id', 'kind', 'before_cents', 'after_cents', 'head_name', 'reason'])
    .where('roster_id', '=', id)
    .orderBy('kind')
    .orderBy('head_name')
    .limit(1000)
    .execute();
  const changeCounts = await db
    .selectFrom('dibao.roster_change')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('roster_id', '=', id)
    .groupBy('kind')
    .execute();
  return {
    ...r,
    lines: {
      total: lineTotal,
      page: q.page,
      pageSize: q.pageSize,
      items: page.map((l) => ({
        householdId: l.household_id,
        lineNo: l.line_no,
        areaCode: l.area_code,
        areaName: l.area_name,
        kind: l.kind,
        headName: l.head_name,
        headIdMasked: l.head_id_masked,
        address: l.address,
        insuredPersons: l.insured_persons,
        amountCents: l.amount_cents,
        gradualExit: l.gradual_exit,
        problems: problems
          .filter((p) => p.household_id === l.household_id)
          .map((p) => ({ code: p.code, label: ROSTER_PROBLEMS[p.code as keyof typeof ROSTER_PROBLEMS] ?? p.code, message: p.message })),
      })),
    },
    problemCounts: byCode.map((p) => ({ code: p.code, label: ROSTER_PROBLEMS[p.code as keyof typeof ROSTER_PROBLEMS] ?? p.code, n: Number(p.n) })),
    changes: {
      counts: Object.fromEntries(changeCounts.map((c) => [c.kind, Number(c.n)])),
      items: changes.map((c) => ({
        householdId: c.household_id,
        kind: c.kind,
        beforeCents: c.before_cents,
        afterCents: c.after_cents,
        headName: c.head_name,
        reason: c.reason,
      })),
    },
  };
}

/** The roster's summary when the actor may read it; 404 otherwise (existence does not leak). */
export async function rosterSummary(ctx: AppContext, actor: Actor, id: string, permission = 'dibao.read'): Promise<RosterSummary> {
  const row = await moneyDb(ctx.db)
    .selectFrom('dibao.roster as r')
    .innerJoin('core.area as a', 'a.code', 'r.county_code')
    .leftJoin('core.app_user as u', 'u.id', 'r.approved_by')
    .select(summaryCols as never)
    .where('r.id', '=', id)
    .executeTakeFirst();
  const r = row as SummaryRow | undefined;
  if (!r || !recordInScope(actor, permission, { areaPath: r.county_path })) throw notFound('发放名册', 'ROSTER_NOT_FOUND');
  return summary(r);
}

/**
 * 审批名册 (dibao.roster_approve in scope). The check is run again first (and kept); while it
 * finds problems the approval is refused with their count.
 */
export async function approveRoster(ctx: AppContext, actor: Actor, id: string, input: { version?: number } = {}) {
  requirePermission(actor, 'dibao.roster_approve');
  const r = await rosterSummary(ctx, actor, id, 'dibao.roster_approve');
  if (r.status === 'approved') throw conflict('ROSTER_APPROVED', '名册已审批');
  if (input.version !== undefined && input.version !== r.version) throw conflict('VERSION_CONFLICT', '名册已重新生成，请刷新后再审批');
  if (!r.checkedCurrent) throw conflict('ROSTER_NOT_CHECKED', '名册尚未校验（或重新生成后未校验），请先校验');
  // The approver sees the current facts: the check runs again (its result is kept either way).
  const recheck = await withTx(ctx, (tx) => checkRosterRows(tx, id, userRef(actor)));
  if (recheck.problems > 0)
    throw conflict('ROSTER_PROBLEMS_OPEN', `名册校验发现 ${recheck.problems} 个问题，处理并重新生成、校验后才能审批`, { problems: recheck.problems });
  return withTx(ctx, async (tx) => {
    const upd = await moneyDb(tx.db)
      .updateTable('dibao.roster')
      .set({ status: 'approved', approved_at: tx.clock.now(), approved_by: userRef(actor) })
      .where('id', '=', id)
      .where('version', '=', r.version)
      .where('status', '=', 'checked')
      .where('problems', '=', 0)
      .executeTakeFirst();
    if (Number(upd.numUpdatedRows) !== 1) throw conflict('VERSION_CONFLICT', '名册已被他人修改，请刷新后重试');
    await recordAudit(tx, {
      actor,
      action: 'dibao.roster.approve',
      entityType: 'dibao_roster',
      entityId: id,
      areaCode: r.countyCode,
      areaPath: r.countyPath,
      after: { version: r.version, households: r.households, totalCents: r.totalCents },
    });
    return { ...r, status: 'approved' as const };
  });
}
