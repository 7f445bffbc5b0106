import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError, badRequest } from '../../platform/errors.ts';
import { chinaDate } from '../../platform/china-time.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { defineWorkflow, transition, type CaseRow, stopCaseClock, pathLevel } from '../../kernel/workflow/index.ts';
import { extendSpecial, stopSpecialClock } from './commands/special-period.ts';
import type { Actor } from '../../kernel/identity/index.ts';
import { readDibaoSettings } from './settings.ts';
import { basisOfDay } from './law.ts';
import { AUTHORITY_LABEL, DIBAO_TYPE, LEGAL, dateText } from './contract.ts';
import { yuanText } from '../../platform/money.ts';
import { addDaysIso, addMonthsClampedIso, firstOfNextMonthIso } from '../../kernel/calendar/index.ts';
import { regimeOn } from './delegation/regime.ts';
import { applicationFacts } from './application-facts.ts';
import { issueDocument } from '../../kernel/documents/index.ts';
import { DIBAO_DOCUMENTS } from './documents/index.ts';
import { placeOf, remedyText } from './documents/remedy.ts';
import { checkAgency, checkRequestOf } from './checks/check-agency.ts';
import { assessHousehold } from './commands/eligibility.ts';
import { householdSnapshot, writeHouseholdChange } from './commands/store-household.ts';
import { closeHousehold } from './commands/close-household.ts';
import { notAccept } from './steps/not-accept.ts';
import { verifyPortalMembers } from './steps/verify-members.ts';
import { startPublicity } from './steps/publicity.ts';
import { publish } from './steps/publication.ts';
import { countyVisit, relativeMustGoToCounty, requireCountyVisit } from './steps/near-relative.ts';
import { objectionFounded, objectionReviewClock, objectionUnfounded } from './steps/objection.ts';
// The re-check workflow and its daily sweep are loaded wherever this workflow is (worker.ts imports this file).
import './recheck/recheck-workflow.ts';

const M = LEGAL.measures;
const title = (t: string) => ({ title: t });

type App = {
  case_id: string;
  household_id: string;
  authority: 'county' | 'township';
  county_code: string;
  township_org_id: string;
  accepted_on: string | null;
  special: boolean;
  publicity_round: number;
  publicity_from: string | null;
  publicity_to: string | null;
  publicity_ended_round: number | null;
  township_opinion: { opinion: string } | null;
  income_unstable: boolean;
  objections: unknown[];
  investigation: { rounds?: unknown[] } | null;
  relative_of_staff: boolean;
};

export async function loadApplication(tx: AppContext, caseId: string): Promise<App> {
  const r = (
    await sql<App>`select case_id, household_id, authority, county_code, township_org_id, accepted_on::text as accepted_on, special, publicity_round,
      publicity_from::text as publicity_from, publicity_to::text as publicity_to, publicity_ended_round, township_opinion, income_unstable, objections, investigation, relative_of_staff
    from dibao.application where case_id = ${caseId}`.execute(tx.db)
  ).rows[0];
  if (!r) throw new AppError('DIBAO_APPLICATION_NOT_FOUND', 404, '低保申请不存在');
  return { ...r, township_opinion: typeof r.township_opinion === 'string' ? JSON.parse(r.township_opinion) : r.township_opinion };
}

const today = (tx: AppContext) => chinaDate(tx.clock.now());

/** The approving level must hold the case: the township under delegation, the county bureau otherwise. */
function mustBeApprovingLevel(c: CaseRow, a: App, what: string) {
  const level = pathLevel(c.area_path);
  if (a.relative_of_staff) {
    if (level !== 3) throw relativeMustGoToCounty(what);
    return;
  }
  if (a.authority === 'township' && level !== 4) {
    throw new AppError('DIBAO_WRONG_LEVEL', 409, `本案受理时该县实行「${AUTHORITY_LABEL.township}」，应由乡镇（街道）${what}，县级民政部门履行监督抽查职责`);
  }
  if (a.authority === 'county' && level !== 3) {
    throw new AppError(
      'DIBAO_WRONG_LEVEL',
      409,
      `本案受理时该县实行「${AUTHORITY_LABEL.county}」，乡镇（街道）审核、公示后须报送县级民政部门${what}（请点击「报送县级民政部门确认」）`,
    );
  }
}

// 受理 takes no choice of period: the special 45 working days are approved later, when the circumstance arises (extend_special).
const acceptInput = z.object({});
const materialsInput = z.object({
  missing: z
    .string()
    .trim()
    .min(2, '请列明需补齐的全部材料')
    .max(1000)
    .meta({ title: '需补齐的材料（一次性告知）', description: '一次列明全部缺少的材料，多项用顿号分隔' }),
});
const investigateInput = z.object({
  staff: z.string().trim().min(1, '请填写入户调查人员').max(200).meta({ title: '调查人员', description: '至少 2 名工作人员，姓名用顿号或逗号分隔' }),
  date: z.iso.date('调查日期格式应为 YYYY-MM-DD').meta(title('调查日期')),
  findings: z.string().trim().min(5, '请填写调查情况（不少于 5 字）').max(5000).meta(title('调查情况')),
  incomeStable: z.enum(['稳定', '不固定'], { message: '请选择收入是否稳定' }).meta(title('家庭收入来源')),
});
const appraiseInput = z.object({
  date: z.iso.date('评议日期格式应为 YYYY-MM-DD').meta(title('评议日期')),
  participants: z.number().int().min(3, '参加评议人数不少于 3 人').max(500).meta(title('参加人数')),
  result: z.enum(['同意', '不同意', '意见不一'], { message: '请选择评议结果' }).meta(title('评议结果')),
  note: z.string().trim().max(2000).optional().meta(title('评议记录')),
});
const reviewInput = z.object({
  opinion: z.enum(['拟同意', '拟不同意'], { message: '请选择审核意见' }).meta(title('乡镇审核意见')),
  text: z.string().trim().min(2, '请填写审核意见说明').max(2000).meta(title('意见说明')),
});
const objectInput = z.object({
  content: z.string().trim().min(5, '请填写异议内容（不少于 5 字）').max(2000).meta(title('异议内容')),
  objector: z.string().trim().max(50).optional().meta(title('异议人（可匿名）')),
});
const confirmInput = z.object({ note: z.string().trim().max(2000).optional().meta(title('确认意见')) });
const refuseInput = z.object({ reasons: z.string().trim().min(5, '请写明不予确认的理由（不少于 5 字）').max(2000).meta(title('不予确认理由')) });
const noticeInput = z.object({
  method: z.enum(['当面送达', '邮寄送达', '委托村（居）委会送达'], { message: '请选择送达方式' }).meta(title('送达方式')),
  date: z.iso.date('送达日期格式应为 YYYY-MM-DD').meta(title('送达日期')),
});

/** Labels of the application's facts on the case page (read from dibao.application by applicationFacts). */
const caseFacts = {
  channel: '申请渠道',
  approvingLevel: '审批层级',
  delegationDocument: '授权文件',
  acceptedOn: '受理日期',
  special: '特殊情况（45 个工作日）',
  townshipOpinion: '乡镇审核意见',
  eligible: '测算符合条件',
  publicityFrom: '公示开始',
  publicityTo: '公示截止',
  publicityRound: '公示轮次',
  objections: '公示异议（件）',
  decision: '审批决定',
  decidedOn: '决定日期',
  benefitYuan: '月保障金（元）',
  benefitFrom: '发放起始',
  notAccepted: '不予受理理由',
  duplicateFlag: '疑似重复（受理前核实）',
};

/**
 * 低保 审核确认 flow (民发〔2021〕57号; README.md has the diagram). Durations come from settings
 * (totalWorkdays/specialWorkdays, refusalNoticeWorkdays: clock rules read when the clock starts;
 * publicityDays: the 公示 clock is started by its effect, which needs its due date at once).
 * The approving level is the regime in force on the 受理 day.
 */
export const dibaoWorkflow = defineWorkflow({
  type: DIBAO_TYPE,
  label: '低保申请',
  refPrefix: 'DB',
  readPermission: 'dibao.read',
  states: {
    applied: { label: '已申请（待受理）' },
    supplementing: { label: '待补齐材料' },
    checking: { label: '家庭经济状况核对' },
    investigating: { label: '入户调查' },
    investigated: { label: '已调查（待评议或审核）' },
    appraised: { label: '已民主评议' },
    reviewed: { label: '乡镇已审核（待公示）' },
    publicizing: { label: '公示中' },
    reinvestigating: { label: '公示异议复查中' },
    awaiting_confirm: { label: '待确认' },
    confirmed: { label: '确认同意', terminal: true },
    refusing: { label: '不予确认（待书面告知）' },
    refused: { label: '不予确认', terminal: true },
    withdrawn: { label: '申请人撤回', terminal: true },
    not_accepted: { label: '不予受理', terminal: true },
  },
  initial: 'applied',
  // Registered through /api/dibao/applications (household, members, finances).
  create: { label: '登记低保申请', route: '/api/dibao/applications', who: { permission: 'dibao.apply' } },
  facts: caseFacts,
  readFacts: applicationFacts,
  transitions: {
    not_accept: notAccept,
    request_materials: transition({
      label: '一次性告知补齐材料',
      from: ['applied'],
      to: 'supplementing',
      who: { permission: 'dibao.handle' },
      input: materialsInput,
      effect: async ({ tx, case: c, input, actor }) => {
        const items = input.missing
          .split(/[、,，;；\n]+/)
          .map((s) => s.trim())
          .filter(Boolean);
        await sql`update dibao.application set missing_materials = ${JSON.stringify({ items, toldOn: today(tx) })}::jsonb where case_id = ${c.id}`.execute(
          tx.db,
        );
        await issueDocument(tx, { type: DIBAO_DOCUMENTS.materials, caseId: c.id, actor });
      },
    }),
    accept: transition({
      label: '受理',
      primary: true,
      from: ['applied', 'supplementing'],
      to: 'checking',
      who: { permission: 'dibao.handle' },
      input: acceptInput,
      effect: async ({ tx, case: c, actor }) => {
        const a = await loadApplication(tx, c.id);
        await verifyPortalMembers(tx, actor, c.id, a.household_id);
        const day = today(tx);
        const regime = await regimeOn(tx.db, a.county_code, day);
        await sql`update dibao.application set authority = ${regime.authority}, delegation_id = ${regime.delegationId}, accepted_on = ${day}::date,
          special = false, special_reason = null where case_id = ${c.id}`.execute(tx.db);
      },
      // The period comes from settings (30 working days), read as the clock starts; extend_special replaces it with 45 from 受理.
      clocks: {
        start: [
          {
            name: 'total',
            label: async (r, c, tx) => `审核确认总时限（${r.n} 个工作日${(await loadApplication(tx, c.id)).special ? '，特殊情况' : ''}）`,
            rule: async (tx, c) => {
              const s = await readDibaoSettings(tx.db);
              return { unit: 'workdays', n: (await loadApplication(tx, c.id)).special ? s.specialWorkdays : s.totalWorkdays };
            },
            legalBasis: basisOfDay(
              '自受理之日起 30 个工作日内完成审核确认，特殊情况可延长至 45 个工作日',
              '乡镇审核、县级审批分段办理（分段时限未核实，本平台按自受理之日起 30 个工作日计）',
            ),
          },
        ],
      },
    }),
    verify: {
      label: '家庭经济状况核对',
      primary: true,
      from: ['checking'],
      to: 'investigating',
      who: { permission: 'dibao.handle' },
      effect: async ({ tx, case: c }) => {
        const a = await loadApplication(tx, c.id);
        const agency = checkAgency();
        const results = await agency.check(await checkRequestOf(tx, a.household_id));
        await sql`update dibao.application set checks = ${JSON.stringify({ agency: agency.name, results })}::jsonb, checked_on = ${today(tx)}::date where case_id = ${c.id}`.execute(
          tx.db,
        );
      },
    },
    investigate: transition({
      label: '入户调查',
      primary: true,
      from: ['investigating'],
      to: 'investigated',
      who: { permission: 'dibao.handle' },
      input: investigateInput,
      effect: async ({ tx, case: c, input: i }) => {
        const s = await readDibaoSettings(tx.db);
        const staff = [
          ...new Set(
            i.staff
              .split(/[、,，;；\s]+/)
              .map((x) => x.trim())
              .filter(Boolean),
          ),
        ];
        if (staff.length < s.investigationMinStaff) {
          throw badRequest(
            'DIBAO_INVESTIGATION_STAFF',
            `「调查人员」入户调查须由不少于 ${s.investigationMinStaff} 名工作人员进行，目前填写 ${staff.length} 人（${M}）`,
            { field: 'staff' },
          );
        }
        if (i.date > today(tx)) throw badRequest('VALIDATION_FAILED', '「调查日期」不能晚于今天', { field: 'date' });
        const a = await loadApplication(tx, c.id);
        const prev = typeof a.investigation === 'string' ? JSON.parse(a.investigation) : a.investigation;
        const rounds = Array.isArray(prev?.rounds) ? prev.rounds : [];
        const round = { staff, date: i.date, findings: i.findings, incomeStable: i.incomeStable };
        await sql`update dibao.application set investigation = ${JSON.stringify({ ...round, rounds: [...rounds, round] })}::jsonb, income_unstable = ${i.incomeStable === '不固定'}
          where case_id = ${a.case_id}`.execute(tx.db);
      },
    }),
    appraise: transition({
      label: '民主评议',
      from: ['investigated'],
      to: 'appraised',
      who: { permission: 'dibao.handle' },
      input: appraiseInput,
      effect: async ({ tx, case: c, input }) => {
        await sql`update dibao.application set appraisal = ${JSON.stringify(input)}::jsonb where case_id = ${c.id}`.execute(tx.db);
      },
    }),
    review: transition({
      label: '乡镇审核意见',
      primary: true,
      from: ['investigated', 'appraised'],
      to: 'reviewed',
      who: { permission: 'dibao.handle' },
      input: reviewInput,
      effect: async ({ tx, case: c, input: i }) => {
        const a = await loadApplication(tx, c.id);
        const assessment = await assessHousehold(tx, a.household_id, today(tx));
        await sql`update dibao.application set township_opinion = ${JSON.stringify({ ...i, on: today(tx) })}::jsonb, eligibility = ${JSON.stringify(assessment)}::jsonb where case_id = ${c.id}`.execute(
          tx.db,
        );
      },
    }),
    publicize: {
      label: '张榜公示',
      primary: true,
      from: ['reviewed'],
      to: 'publicizing',
      who: { permission: 'dibao.handle' },
      effect: async ({ tx, case: c }) => {
        const a = await loadApplication(tx, c.id);
        if (a.township_opinion?.opinion !== '拟同意')
          throw new AppError('DIBAO_PUBLICITY_NOT_NEEDED', 409, '乡镇审核意见为「拟不同意」，不公示，请直接「报送确认」');
        await startPublicity(tx, c);
      },
    },
    object: transition({
      label: '登记公示异议（启动复查）',
      from: ['publicizing'],
      to: 'reinvestigating',
      who: { permission: 'dibao.handle' },
      input: objectInput,
      clocks: { start: [objectionReviewClock] },
      effect: async ({ tx, case: c, input: i }) => {
        const a = await loadApplication(tx, c.id);
        const obj = { id: uuidv7(), on: today(tx), content: i.content, objector: i.objector || '匿名', round: a.publicity_round };
        await sql`update dibao.application set objections = objections || ${JSON.stringify([obj])}::jsonb where case_id = ${c.id}`.execute(tx.db);
        await stopCaseClock(tx, c, `publicity-${a.publicity_round}`);
      },
    }),
    objection_unfounded: objectionUnfounded,
    objection_founded: objectionFounded,
    end_publicity: {
      label: '公示期满无异议',
      primary: true,
      nextLabel: '公示期满后结束公示',
      from: ['publicizing'],
      to: 'awaiting_confirm',
      who: { permission: 'dibao.handle' },
      effect: async ({ tx, case: c }) => {
        const a = await loadApplication(tx, c.id);
        if (a.publicity_to && today(tx) <= a.publicity_to) {
          throw new AppError('DIBAO_PUBLICITY_RUNNING', 409, `公示期至 ${a.publicity_to} 止，期满后（${addDaysIso(a.publicity_to, 1)} 起）才能结束公示`);
        }
        await stopCaseClock(tx, c, `publicity-${a.publicity_round}`);
        // Which round ended: 确认同意 needs the current round's 公示 completed (confirmApplication).
        await sql`update dibao.application set publicity_ended_round = ${a.publicity_round} where case_id = ${c.id}`.execute(tx.db);
      },
    },
    skip_publicity: {
      label: '报送确认（拟不同意，不公示）',
      from: ['reviewed'],
      to: 'awaiting_confirm',
      who: { permission: 'dibao.handle' },
      effect: async ({ tx, case: c }) => {
        const a = await loadApplication(tx, c.id);
        if (a.township_opinion?.opinion !== '拟不同意') throw new AppError('DIBAO_PUBLICITY_REQUIRED', 409, '乡镇审核意见为「拟同意」的，须先在村（社区）公示');
      },
    },
    confirm: transition({
      label: '确认同意',
      primary: true,
      nextLabel: '确认',
      from: ['awaiting_confirm'],
      to: 'confirmed',
      who: { permission: 'dibao.confirm' },
      input: confirmInput,
      clocks: { stop: ['total'] },
      effect: async ({ tx, case: c, input, actor }) => confirmApplication(tx, actor, c, input.note ?? null),
    }),
    refuse: transition({
      label: '不予确认',
      from: ['awaiting_confirm'],
      to: 'refusing',
      who: { permission: 'dibao.confirm' },
      input: refuseInput,
      clocks: {
        stop: ['total'],
        start: [
          {
            name: 'notice',
            label: (r) => `书面告知期限（${r.n} 个工作日）`,
            rule: async (tx) => ({ unit: 'workdays', n: (await readDibaoSettings(tx.db)).refusalNoticeWorkdays }),
            legalBasis: basisOfDay('不予确认的，应当在作出决定 3 个工作日内书面告知申请人并说明理由', '不予批准的，应当书面告知申请人并说明理由'),
          },
        ],
      },
      effect: async ({ tx, case: c, input: i, actor }) => {
        const a = await loadApplication(tx, c.id);
        mustBeApprovingLevel(c, a, '作出决定');
        await stopSpecialClock(tx, c);
        const day = today(tx);
        const org = (await sql<{ name: string }>`select name from core.org_unit where id = ${c.org_unit_id}`.execute(tx.db)).rows[0]?.name ?? '';
        const notice =
          `不予确认通知书：您于 ${a.accepted_on ?? day} 受理的最低生活保障申请（编号 ${c.ref_no}），经审核，${org}于 ${day} 决定不予确认。理由：${i.reasons}。` +
          remedyText(day, a.authority, await placeOf(tx, a.county_code));
        await sql`update dibao.application set decided_on = ${day}::date, decision = '不予确认', refusal_reasons = ${i.reasons}, notice = ${notice} where case_id = ${c.id}`.execute(
          tx.db,
        );
        await closeHousehold(tx, actor, { caseId: c.id, householdId: a.household_id }, 'refused', '不予确认', `不予确认：${i.reasons}`);
      },
    }),
    send_notice: transition({
      label: '送达不予确认通知书',
      primary: true,
      from: ['refusing'],
      to: 'refused',
      who: { permission: 'dibao.handle' },
      input: noticeInput,
      clocks: { stop: ['notice'] },
      effect: async ({ tx, case: c, input, actor }) => {
        await sql`update dibao.application set notice_sent_on = ${input.date}::date where case_id = ${c.id}`.execute(tx.db);
        await issueDocument(tx, { type: DIBAO_DOCUMENTS.refusal, caseId: c.id, actor });
      },
    }),
    withdraw: {
      label: '申请人撤回申请',
      from: ['applied', 'supplementing', 'checking', 'investigating', 'investigated', 'appraised', 'reviewed', 'publicizing', 'reinvestigating'],
      to: 'withdrawn',
      who: { permission: 'dibao.handle' },
      reasonRequired: true,
      clocks: { stop: ['total', 'objection_review'] },
      effect: async ({ tx, case: c, actor }) => {
        const a = await loadApplication(tx, c.id);
        await stopCaseClock(tx, c, `publicity-${a.publicity_round}`);
        await stopSpecialClock(tx, c);
        await closeHousehold(tx, actor, { caseId: c.id, householdId: a.household_id }, 'withdrawn', '撤回申请', '申请人撤回低保申请');
      },
    },
  },
  actions: { extend_special: extendSpecial, publish, county_visit: countyVisit },
  handoff: {
    from: ['awaiting_confirm'],
    permission: 'dibao.handle',
    acknowledgeWithin: { unit: 'workdays', n: 3 },
    legalBasis: basisOfDay('乡镇（街道）审核后报县级民政部门确认', '乡镇审核后报县级民政部门审批'),
  },
  supervision: { permission: 'dibao.confirm', feedbackWithin: { unit: 'workdays', n: 5 }, legalBasis: basisOfDay('县级民政部门加强监督指导') },
});

/**
 * 确认同意: compute the amount on the decision day (findStandard + settings), activate the household,
 * benefit from the month after, re-check cadence, 新增 benefit change, 确认通知书.
 */
async function confirmApplication(tx: AppContext, actor: Actor, c: CaseRow, note: string | null) {
  const a = await loadApplication(tx, c.id);
  mustBeApprovingLevel(c, a, '确认');
  mustHaveCompletedPublicity(a);
  await requireCountyVisit(tx, c.id);
  const s = await readDibaoSettings(tx.db);
  const day = today(tx);
  const assessment = await assessHousehold(tx, a.household_id, day);
  if (!assessment.standard || !assessment.benefit) throw new AppError('DIBAO_NO_STANDARD', 409, assessment.checks[0]?.detail ?? '当地未设置低保标准');
  // Only binding tests refuse; a limit whose legal text is unverified is a warning kept with the decision.
  const failed = assessment.checks.filter((k) => !k.ok && !k.advisory);
  if (failed.length) {
    throw new AppError(
      'DIBAO_NOT_ELIGIBLE',
      409,
      `不符合确认条件：${failed.map((f) => `${f.rule}(${f.detail})`).join(';')}。请核实家庭情况，或作出「不予确认」并说明理由`,
      { failed },
    );
  }
  const amount = assessment.benefit.amountCents;
  const from = firstOfNextMonthIso(day);
  const ableUnstable =
    a.income_unstable &&
    (
      await sql<{ n: number }>`select count(*)::int as n from dibao.member where household_id = ${a.household_id} and active
      and work_ability = '有' and birth_date is not null and birth_date > (${day}::date - interval '60 years') and birth_date <= (${day}::date - interval '16 years')`.execute(
        tx.db,
      )
    ).rows[0]!.n > 0;
  const cadence = ableUnstable ? 'half_yearly' : 'yearly';
  const next = addMonthsClampedIso(day, ableUnstable ? s.recheckMonthsUnstable : s.recheckMonthsStable);
  const before = await householdSnapshot(tx, a.household_id);
  await sql`update dibao.household set status = 'active', benefit_cents = ${amount}, insured_persons = ${assessment.insuredPersons}, benefit_from = ${from}::date,
    recheck_cadence = ${cadence}, next_recheck_on = ${next}::date, version = version + 1, updated_at = ${tx.clock.now()} where id = ${a.household_id}`.execute(
    tx.db,
  );
  await sql`insert into dibao.benefit_change (id, household_id, kind, before_cents, after_cents, insured_before, insured_after, effective_month, reason, case_id, actor_id, at)
    values (${uuidv7()}, ${a.household_id}, '新增', 0, ${amount}, 0, ${assessment.insuredPersons}, ${from}::date, ${`确认同意（${c.ref_no}）`}, ${c.id}, ${actor.userId}, ${tx.clock.now()})`.execute(
    tx.db,
  );
  await writeHouseholdChange(tx, {
    householdId: a.household_id,
    actorId: actor.userId,
    kind: '确认同意',
    caseId: c.id,
    summary: `确认同意，月保障金 ${yuanText(amount)} 元，保障 ${assessment.insuredPersons} 人，自 ${from} 起发放，${cadence === 'yearly' ? '每年' : '每半年'}复核`,
    before,
    after: await householdSnapshot(tx, a.household_id),
  });
  const org = (await sql<{ name: string }>`select name from core.org_unit where id = ${c.org_unit_id}`.execute(tx.db)).rows[0]?.name ?? '';
  const notice =
    `最低生活保障确认通知书：您的最低生活保障申请（编号 ${c.ref_no}）经${org}于 ${day} 确认同意。` +
    `核定月保障金 ${yuanText(amount)} 元，保障人口 ${assessment.insuredPersons} 人，自 ${from} 起按月发放。计算：${assessment.benefit.steps.join(';')}。` +
    `请如实报告家庭人口、收入和财产变化；将按${cadence === 'yearly' ? '年' : '半年'}复核（下次 ${next} 前后）。`;
  await sql`update dibao.application set decided_on = ${day}::date, decision = '确认', eligibility = ${JSON.stringify(assessment)}::jsonb,
    benefit = ${JSON.stringify({ amountCents: amount, insuredPersons: assessment.insuredPersons, benefitFrom: from, steps: assessment.benefit.steps, standard: assessment.standard, note })}::jsonb,
    notice = ${notice} where case_id = ${c.id}`.execute(tx.db);
  await stopSpecialClock(tx, c);
  await issueDocument(tx, { type: DIBAO_DOCUMENTS.confirmation, caseId: c.id, actor });
}

/**
 * No enrolment without 公示: 暂行办法 第十一条第二项 (初审意见 “在申请人所在村、社区公示后” 报审批).
 * The current round must have ended (公示期满, end_publicity); a case sent up without 公示
 * (拟不同意) may only be refused.
 */
function mustHaveCompletedPublicity(a: App) {
  if (a.publicity_round > 0 && a.publicity_ended_round === a.publicity_round) return;
  throw new AppError(
    'DIBAO_PUBLICITY_NOT_DONE',
    409,
    `未经公示不得确认同意（${LEGAL.interim}第十一条：初审意见在申请人所在村、社区公示后报审批）。本案${a.publicity_round > 0 ? `第 ${a.publicity_round} 次公示尚未期满结束` : '未经公示'}，只能作出「不予确认」；如认为应予保障，须重新审核并公示`,
  );
}

export { dateText };
