import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { inScope, requirePermission, userRef, type Actor } from '../../../kernel/identity/index.ts';
import { petitionsDb } from '../db.ts';

const Day = z.iso.date('日期格式应为 YYYY-MM-DD');
export const ReceptionLogInput = z.object({
  day: Day.meta({ title: '接待日期' }),
  kind: z.enum(['来信', '来访'], { message: '接待类型须为来信或来访' }).meta({ title: '类型' }),
  batches: z.number({ message: '批次应为整数' }).int('批次应为整数').min(1, '批次至少为 1').max(10000, '批次不超过 10000').meta({ title: '批次' }),
  persons: z.number({ message: '人次应为整数' }).int('人次应为整数').min(1, '人次至少为 1').max(100000, '人次不超过 100000').meta({ title: '人次' }),
  note: z.string().trim().max(500, '说明不超过 500 字').optional(),
  /** The receiving unit; defaults to the clerk's own. */
  orgUnitId: z.uuid('接待单位 ID 格式不正确').optional(),
});
export const ReceptionLogQuery = z.object({
  from: Day.optional(),
  to: Day.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * 接待登记: how many 批 / 人次 of letters and visits a unit received on a day — counted apart from
 * 件 (信访事项) in the report. Needs petition.register at that unit.
 */
export async function recordReception(ctx: AppContext, actor: Actor, input: z.output<typeof ReceptionLogInput>) {
  const orgUnitId = input.orgUnitId ?? actor.orgUnitId;
  if (input.day > chinaDate(ctx.clock.now())) throw badRequest('VALIDATION_FAILED', '「接待日期」不能晚于今天', { field: 'day' });
  if (input.persons < input.batches) throw badRequest('VALIDATION_FAILED', '「人次」不能少于「批次」', { field: 'persons' });
  const org = await ctx.db.selectFrom('core.org_unit').select(['id', 'name', 'area_path']).where('id', '=', orgUnitId).executeTakeFirst();
  if (!org) throw new AppError('ORG_UNIT_NOT_FOUND', 400, '接待单位不存在', { field: 'orgUnitId' });
  if (!actor.grants.some((g) => g.orgUnitId === org.id && g.permissions.includes('petition.register')))
    throw new AppError('FORBIDDEN', 403, '只能为本单位登记接待情况（须有登记信访事项权限）');
  const id = uuidv7();
  const at = ctx.clock.now();
  await sql`insert into petitions.reception_log (id, org_unit_id, area_path, day, kind, batches, persons, note, recorded_by, recorded_by_name, recorded_at)
    values (${id}, ${org.id}, ${org.area_path}, ${input.day}::date, ${input.kind}, ${input.batches}, ${input.persons}, ${input.note ?? null}, ${userRef(actor)}, ${actor.displayName}, ${at})`.execute(
    ctx.db,
  );
  return {
    id,
    orgUnitName: org.name,
    areaPath: org.area_path,
    day: input.day,
    kind: input.kind,
    batches: input.batches,
    persons: input.persons,
    note: input.note ?? null,
    recordedByName: actor.displayName,
    recordedAt: at.toISOString(),
  };
}

const dateText = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

/** The log within the reader's petition.read scope, newest first, with the 批/人次 totals of letters and visits. */
export async function listReceptionLog(ctx: AppContext, actor: Actor, q: z.output<typeof ReceptionLogQuery>) {
  requirePermission(actor, 'petition.read');
  const db = petitionsDb(ctx.db);
  let base = db.selectFrom('petitions.reception_log as r').where(inScope(actor, 'petition.read', { areaPath: 'r.area_path', orgUnitId: 'r.org_unit_id' }));
  if (q.from) base = base.where('r.day', '>=', q.from);
  if (q.to) base = base.where('r.day', '<=', q.to);
  const [rows, totals] = await Promise.all([
    base
      .innerJoin('core.org_unit as o', 'o.id', 'r.org_unit_id')
      .select(['r.id', 'o.name as org_name', 'r.area_path', 'r.day', 'r.kind', 'r.batches', 'r.persons', 'r.note', 'r.recorded_by_name', 'r.recorded_at'])
      .orderBy('r.day', 'desc')
      .orderBy('r.recorded_at', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base
      .select([
        'r.kind',
        sql<number>`count(*)::int`.as('n'),
        sql<number>`coalesce(sum(r.batches), 0)::int`.as('batches'),
        sql<number>`coalesce(sum(r.persons), 0)::int`.as('persons'),
      ])
      .groupBy('r.kind')
      .execute(),
  ]);
  const of = (k: string) => totals.find((t) => t.kind === k);
  return {
    total: totals.reduce((n, t) => n + Number(t.n), 0),
    page: q.page,
    pageSize: q.pageSize,
    totals: {
      letters: { batches: Number(of('来信')?.batches ?? 0), persons: Number(of('来信')?.persons ?? 0) },
      visits: { batches: Number(of('来访')?.batches ?? 0), persons: Number(of('来访')?.persons ?? 0) },
    },
    items: rows.map((r) => ({
      id: r.id,
      orgUnitName: r.org_name,
      areaPath: r.area_path,
      day: dateText(r.day),
      kind: r.kind,
      batches: r.batches,
      persons: r.persons,
      note: r.note,
      recordedByName: r.recorded_by_name,
      recordedAt: new Date(r.recorded_at).toISOString(),
    })),
  };
}
