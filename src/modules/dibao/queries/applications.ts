import { duplicateFlagText } from '../application-facts.ts';
import { sql } from 'kysely';
import { pageTotal } from '../../../platform/db/paging.ts';
import { applicationDb } from '../application-db.ts';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { caseReadable, workflowOf, getCase, caseNotFound } from '../../../kernel/workflow/index.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { AUTHORITY_LABEL, DIBAO_TYPE, dateText, type CHANNELS } from '../contract.ts';
import { ApplicationJson, DibaoFacts, Eligibility, type ApplicationDetail } from '../contracts/applications.ts';
import type { Authority, HouseholdKind, HouseholdStatus } from '../db.ts';
import { assessHousehold } from '../commands/eligibility.ts';
import { extendSpecial, isCountyApprover } from '../commands/special-period.ts';
import '../workflow.ts';

export const ListApplicationsQuery = z.object({
  state: z.string().max(40).optional(),
  authority: z.enum(['county', 'township']).optional(),
  decision: z.enum(['确认', '不予确认']).optional(),
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
/** 近亲属单独登记备案: the county decides whatever the regime (steps/near-relative.ts). */
const RELATIVE_LEVEL = `${AUTHORITY_LABEL.county}（近亲属单独登记备案）`;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

/** 低保申请 in the actor's scope (the kernel's case read rule). */
export async function listApplications(ctx: AppContext, actor: Actor, q: z.infer<typeof ListApplicationsQuery>) {
  const db = applicationDb(ctx.db);
  let base = db
    .selectFrom('core.case as c')
    .innerJoin('dibao.application as p', 'p.case_id', 'c.id')
    .where('c.type', '=', DIBAO_TYPE)
    .where(caseReadable(actor, 'dibao.read'));
  if (q.state) base = base.where('c.state', '=', q.state);
  if (q.authority) base = base.where('p.authority', '=', q.authority);
  if (q.decision) base = base.where('p.decision', '=', q.decision);
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    base = base.where((eb) => eb.or([eb('c.title', 'like', like), eb('c.ref_no', 'like', like)]));
  }
  // Page and total in one statement: one pool connection, one round trip.
  const rows = await base
    .innerJoin('core.org_unit as o', 'o.id', 'c.org_unit_id')
    .innerJoin('dibao.household as h', 'h.id', 'p.household_id')
    .innerJoin('core.area as a', 'a.code', 'h.area_code')
    .select([
      'c.id',
      'c.ref_no',
      'c.title',
      'c.state',
      'c.due_date',
      'c.clock_state',
      'c.created_at',
      'c.area_path',
      'c.org_unit_id',
      'c.created_by',
      'o.name as org_name',
      'p.authority',
      'p.relative_of_staff',
      'p.channel',
      'p.decision',
      sql<string | null>`p.accepted_on::text`.as('accepted_on'),
      sql<string | null>`p.decided_on::text`.as('decided_on'),
      'h.id as household_id',
      'a.name as area_name',
      'h.kind',
      'h.benefit_cents',
      'p.duplicate_flag',
      sql<
        string | null
      >`(select m.id_number_masked from dibao.member m where m.household_id = h.id and m.relation = '申请人' order by m.created_at limit 1)`.as(
        'applicant_id_masked',
      ),
      sql<string>`count(*) over ()`.as('total'),
    ])
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const total = await pageTotal(rows, q.page, async () => (await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const def = workflowOf(DIBAO_TYPE);
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => ({
      id: r.id,
      refNo: r.ref_no,
      title: r.title,
      state: r.state,
      stateLabel: def.states[r.state as never]?.label ?? r.state,
      dueDate: dateText(r.due_date),
      clockState: r.clock_state,
      createdAt: r.created_at.toISOString(),
      areaPath: r.area_path,
      orgUnitId: r.org_unit_id,
      createdBy: r.created_by,
      orgUnitName: r.org_name,
      authority: r.authority,
      approvingLevel: r.relative_of_staff ? RELATIVE_LEVEL : AUTHORITY_LABEL[r.authority as 'county'],
      channel: r.channel,
      decision: r.decision,
      acceptedOn: r.accepted_on,
      decidedOn: r.decided_on,
      householdId: r.household_id,
      areaName: r.area_name,
      kind: r.kind,
      benefitCents: r.benefit_cents,
      applicantIdMasked: r.applicant_id_masked,
      duplicateFlag: duplicateFlagText(r.duplicate_flag),
    })),
  };
}

/** A JSON column as stored (PGlite may hand back text), read through its contract schema. */
const json = <T extends z.ZodType>(schema: T, v: unknown): z.output<T> | null => (v == null ? null : schema.parse(typeof v === 'string' ? JSON.parse(v) : v));

type ApplicationRow = {
  authority: Authority;
  delegation_id: string | null;
  county_code: string;
  township_org_id: string;
  household_id: string;
  channel: (typeof CHANNELS)[number];
  decision: '确认' | '不予确认' | null;
  special: boolean;
  special_reason: string | null;
  relative_of_staff: boolean;
  income_unstable: boolean;
  publicity_round: number;
  notice: string | null;
  refusal_reasons: string | null;
  missing_materials: unknown;
  checks: unknown;
  investigation: unknown;
  appraisal: unknown;
  township_opinion: unknown;
  objections: unknown;
  eligibility: unknown;
  benefit: unknown;
  accepted_t: string | null;
  decided_t: string | null;
  checked_t: string | null;
  pf: string | null;
  pt: string | null;
  notice_sent_t: string | null;
  d_from: string | null;
  d_doc: string | null;
  township_name: string;
  county_name: string;
  na_on: string | null;
  not_accepted_code: string | null;
  not_accepted_reason: string | null;
};
type HouseholdRow = {
  id: string;
  kind: HouseholdKind;
  address: string;
  status: HouseholdStatus;
  benefit_cents: number;
  insured_persons: number;
  benefit_from: string | null;
  area_name: string;
  area_path: string;
};
type MemberRow = {
  name: string;
  relation: string;
  id_number_masked: string;
  disability: string;
  health: string;
  work_ability: string;
  insured: boolean;
  active: boolean;
  birth_date: string | null;
};

/** The county approver may approve the special 45-working-day period while the case is being examined (commands/special-period.ts). */
async function mayExtendSpecial(ctx: AppContext, actor: Actor, state: string, p: Pick<ApplicationRow, 'special' | 'accepted_t' | 'county_code'>) {
  return !p.special && !!p.accepted_t && (extendSpecial.from as readonly string[]).includes(state) && (await isCountyApprover(ctx, actor, p.county_code));
}

/** The case page plus the application: regime, household summary (masked), checks, investigation, publicity, objections, benefit. */
export async function getApplication(ctx: AppContext, actor: Actor, id: string): Promise<ApplicationDetail> {
  const c = await getCase(ctx, actor, id);
  if (c.type !== DIBAO_TYPE) throw caseNotFound();
  const p = (
    await sql<ApplicationRow>`select p.authority, p.delegation_id, p.county_code, p.township_org_id, p.household_id, p.channel, p.decision, p.special, p.special_reason,
      p.relative_of_staff, p.income_unstable, p.publicity_round, p.notice, p.refusal_reasons, p.missing_materials, p.checks, p.investigation, p.appraisal,
      p.township_opinion, p.objections, p.eligibility, p.benefit,
      p.accepted_on::text as accepted_t, p.decided_on::text as decided_t, p.checked_on::text as checked_t, p.publicity_from::text as pf, p.publicity_to::text as pt,
      p.notice_sent_on::text as notice_sent_t, p.not_accepted_on::text as na_on, p.not_accepted_code, p.not_accepted_reason, d.effective_from::text as d_from, d.document as d_doc, t.name as township_name, ca.name as county_name
    from dibao.application p left join dibao.delegation d on d.id = p.delegation_id join core.org_unit t on t.id = p.township_org_id join core.area ca on ca.code = p.county_code
    where p.case_id = ${id}`.execute(ctx.db)
  ).rows[0];
  if (!p) throw caseNotFound();
  const h = (
    await sql<HouseholdRow>`select h.id, h.kind, h.address, h.status, h.benefit_cents, h.insured_persons, h.benefit_from::text as benefit_from, a.name as area_name, h.area_path
    from dibao.household h join core.area a on a.code = h.area_code where h.id = ${p.household_id}`.execute(ctx.db)
  ).rows[0]!;
  const members = (
    await sql<MemberRow>`select name, relation, id_number_masked, disability, health, work_ability, insured, active, birth_date::text as birth_date from dibao.member where household_id = ${p.household_id} order by created_at, id`.execute(
      ctx.db,
    )
  ).rows;
  const income = (await sql<{ monthly_cents: number }>`select monthly_cents from dibao.income where household_id = ${p.household_id}`.execute(ctx.db)).rows;
  const filing = (
    await sql<{ staff_name: string; staff_post: string; relation: string; filed_on: string; county_visit: unknown }>`select staff_name, staff_post, relation,
      filed_on::text as filed_on, county_visit from dibao.relative_filing where case_id = ${id}`.execute(ctx.db)
  ).rows[0];
  const county =
    (
      await sql<{
        id: string;
        name: string;
      }>`select id, name from core.org_unit where area_code = ${p.county_code} and kind = 'bureau' and active limit 1`.execute(ctx.db)
    ).rows[0] ?? null;
  const open = !p.decision && !['withdrawn', 'not_accepted'].includes(c.state);
  const assessment = p.decision ? json(Eligibility, p.eligibility) : open ? await assessHousehold(ctx, p.household_id, chinaDate(ctx.clock.now())) : null;
  return {
    ...c,
    dibao: {
      authority: p.authority,
      approvingLevel: p.relative_of_staff ? RELATIVE_LEVEL : AUTHORITY_LABEL[p.authority],
      delegation: p.delegation_id ? { id: p.delegation_id, effectiveFrom: p.d_from!, document: p.d_doc! } : null,
      countyCode: p.county_code,
      countyName: p.county_name,
      townshipOrgId: p.township_org_id,
      townshipName: p.township_name,
      countyBureau: county,
      channel: p.channel,
      acceptedOn: p.accepted_t,
      decidedOn: p.decided_t,
      decision: p.decision,
      special: p.special,
      specialReason: p.special_reason,
      canExtendSpecial: await mayExtendSpecial(ctx, actor, c.state, p),
      relativeOfStaff: p.relative_of_staff,
      missingMaterials: json(ApplicationJson.missingMaterials, p.missing_materials),
      checks: json(ApplicationJson.checks, p.checks),
      checkedOn: p.checked_t,
      investigation: json(ApplicationJson.investigation, p.investigation),
      incomeUnstable: p.income_unstable,
      appraisal: json(ApplicationJson.appraisal, p.appraisal),
      townshipOpinion: json(ApplicationJson.townshipOpinion, p.township_opinion),
      publicity: { round: p.publicity_round, from: p.pf, to: p.pt },
      objections: json(ApplicationJson.objections, p.objections) ?? [],
      eligibility: assessment,
      benefit: json(ApplicationJson.benefit, p.benefit),
      notice: p.notice,
      noticeSentOn: p.notice_sent_t,
      refusalReasons: p.refusal_reasons,
      relativeFiling: filing
        ? {
            staffName: filing.staff_name,
            staffPost: filing.staff_post,
            relation: filing.relation,
            filedOn: filing.filed_on,
            countyVisit: json(DibaoFacts.shape.relativeFiling.unwrap().shape.countyVisit.unwrap(), filing.county_visit),
          }
        : null,
      notAccepted: p.na_on ? { on: p.na_on, code: p.not_accepted_code ?? '', reason: p.not_accepted_reason ?? '' } : null,
      household: {
        id: h.id,
        kind: h.kind,
        address: h.address,
        status: h.status,
        areaName: h.area_name,
        benefitCents: h.benefit_cents,
        insuredPersons: h.insured_persons,
        benefitFrom: h.benefit_from,
        members: members.map((m) => ({
          name: m.name,
          relation: m.relation,
          idNumberMasked: m.id_number_masked,
          disability: m.disability,
          health: m.health,
          workAbility: m.work_ability,
          insured: m.insured,
          active: m.active,
          birthDate: m.birth_date,
        })),
        incomeCents: income.reduce((s, i) => s + Number(i.monthly_cents), 0),
      },
    },
  };
}
