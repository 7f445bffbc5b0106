import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { action } from '../../../kernel/workflow/index.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { inScope } from '../../../kernel/identity/index.ts';
import { readDibaoSettings } from '../settings.ts';
import { dateText } from '../contract.ts';
import type { StaffRelativeInput } from '../contracts/steps.ts';

/** Registration: a declared near relative gets the 备案 row (in the registration's transaction). */
export async function fileRelative(
  tx: AppContext,
  r: { caseId: string; householdId: string; countyCode: string; areaPath: string; isDemo?: boolean },
  declared: boolean,
  detail: StaffRelativeInput | undefined,
) {
  if (!declared && !detail) return false;
  if (!detail)
    throw badRequest('VALIDATION_FAILED', '「近亲属备案」申请人为经办人员或村（居）委会成员的近亲属的，须写明工作人员姓名、身份和关系', {
      field: 'staffRelative',
    });
  await sql`insert into dibao.relative_filing (case_id, household_id, county_code, area_path, staff_name, staff_post, relation, filed_on, is_demo, created_at)
    values (${r.caseId}, ${r.householdId}, ${r.countyCode}, ${r.areaPath}, ${detail.staffName}, ${detail.staffPost}, ${detail.relation},
      ${chinaDate(tx.clock.now())}::date, ${r.isDemo ?? false}, ${tx.clock.now()})`.execute(tx.db);
  return true;
}

const CountyVisitInput = z.object({
  staff: z.string().trim().min(1, '请填写核查人员').max(200).meta({ title: '县级核查人员', description: '至少 2 名工作人员，姓名用顿号或逗号分隔' }),
  date: z.iso.date('核查日期格式应为 YYYY-MM-DD').meta({ title: '入户核查日期' }),
  result: z.enum(['属实', '不属实'], { message: '请选择核查结论' }).meta({ title: '核查结论（与申报是否一致）' }),
  findings: z.string().trim().min(5, '请填写核查情况（不少于 5 字）').max(5000).meta({ title: '核查情况' }),
});
export { CountyVisitInput };

/** 县级入户核查 of a 近亲属备案 case: by county (or higher) staff, before the county decides. */
export const countyVisit = action({
  label: '县级入户核查（近亲属备案）',
  from: ['checking', 'investigating', 'investigated', 'appraised', 'reviewed', 'publicizing', 'reinvestigating', 'awaiting_confirm'],
  who: { permission: 'dibao.handle', party: ['holder', 'supervisor'], levels: [1, 2, 3] },
  input: CountyVisitInput,
  effect: async ({ tx, case: c, input, actor }) => {
    const f = (await sql<{ case_id: string }>`select case_id from dibao.relative_filing where case_id = ${c.id}`.execute(tx.db)).rows[0];
    if (!f) throw new AppError('DIBAO_NOT_FILED', 409, '本案不是近亲属备案案件，无需县级入户核查');
    const s = await readDibaoSettings(tx.db);
    const staff = [
      ...new Set(
        input.staff
          .split(/[、,，;；\s]+/)
          .map((x) => x.trim())
          .filter(Boolean),
      ),
    ];
    if (staff.length < s.investigationMinStaff)
      throw badRequest(
        'DIBAO_INVESTIGATION_STAFF',
        `「县级核查人员」入户核查须由不少于 ${s.investigationMinStaff} 名工作人员进行，目前填写 ${staff.length} 人`,
        {
          field: 'staff',
        },
      );
    if (input.date > chinaDate(tx.clock.now())) throw badRequest('VALIDATION_FAILED', '「入户核查日期」不能晚于今天', { field: 'date' });
    const visit = { ...input, staff, by: actor.displayName, on: chinaDate(tx.clock.now()) };
    await sql`update dibao.relative_filing set county_visit = ${JSON.stringify(visit)}::jsonb where case_id = ${c.id}`.execute(tx.db);
    return { ok: true as const };
  },
});

/** A 近亲属备案 case is decided by the county even where approval is delegated to the township. */
export const relativeMustGoToCounty = (what: string) =>
  new AppError(
    'DIBAO_WRONG_LEVEL',
    409,
    `本案为经办人员或村（居）委会成员近亲属的申请（单独登记备案），乡镇（街道）不得自行${what}，即使已下放审批权；须报送县级民政部门入户核查后${what}（请点击「报送县级民政部门确认」）`,
  );

/** Before the county confirms a 近亲属备案 case, its own home visit must be on record. */
export async function requireCountyVisit(tx: AppContext, caseId: string) {
  const f = (await sql<{ county_visit: unknown }>`select county_visit from dibao.relative_filing where case_id = ${caseId}`.execute(tx.db)).rows[0];
  if (f && f.county_visit == null)
    throw new AppError('DIBAO_COUNTY_VISIT_REQUIRED', 409, '本案为近亲属单独登记备案案件，县级民政部门须先入户核查（「县级入户核查」），才能确认');
}

export const ListFilingsQuery = z.object({
  visited: z.enum(['yes', 'no']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** 近亲属备案 list in the actor's dibao.read scope (the household's area). */
export async function listFilings(ctx: AppContext, actor: Actor, q: z.infer<typeof ListFilingsQuery>) {
  let base = (ctx.db as any)
    .selectFrom('dibao.relative_filing as f')
    .innerJoin('core.case as c', 'c.id', 'f.case_id')
    .innerJoin('dibao.application as p', 'p.case_id', 'f.case_id')
    .innerJoin('core.org_unit as t', 't.id', 'p.township_org_id')
    .where(inScope(actor, 'dibao.read', { areaPath: 'f.area_path' }));
  if (q.visited === 'yes') base = base.where('f.county_visit', 'is not', null);
  if (q.visited === 'no') base = base.where('f.county_visit', 'is', null);
  const rows: any[] = await base
    .select([
      'f.case_id',
      'c.ref_no',
      'c.title',
      'c.state',
      'f.household_id',
      'f.area_path',
      't.name as township',
      'f.staff_name',
      'f.staff_post',
      'f.relation',
      sql<string>`f.filed_on::text`.as('filed_on'),
      'f.county_visit',
      'p.decision',
      sql<number>`count(*) over ()`.as('total'),
    ])
    .orderBy('f.filed_on', 'desc')
    .orderBy('f.case_id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const visit = (v: unknown) => (v == null ? null : ((typeof v === 'string' ? JSON.parse(v) : v) as { date: string; result: '属实' | '不属实'; by: string }));
  return {
    total: Number(rows[0]?.total ?? 0),
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => {
      const v = visit(r.county_visit);
      return {
        caseId: r.case_id as string,
        refNo: r.ref_no as string,
        title: r.title as string,
        state: r.state as string,
        householdId: r.household_id as string,
        areaPath: r.area_path as string,
        township: r.township as string,
        staffName: r.staff_name as string,
        staffPost: r.staff_post as string,
        relation: r.relation as string,
        filedOn: dateText(r.filed_on)!,
        countyVisit: v ? { date: v.date, result: v.result, by: v.by } : null,
        decision: r.decision as '确认' | '不予确认' | null,
      };
    }),
  };
}
