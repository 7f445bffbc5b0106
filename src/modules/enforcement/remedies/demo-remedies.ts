import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { addDaysIso } from '../../../kernel/calendar/index.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { PENALTY_TYPE } from '../contracts/labels.ts';
import type { RemedyInput } from '../contracts/remedy-inputs.ts';
import { createRemedy } from './record-remedy.ts';
import { createCoercion } from './record-coercion.ts';

type Plan = Omit<RemedyInput, 'afterReview' | 'acceptedOn' | 'resultOn'> & { org: string; link?: 'disclosure'; lag: number; days?: number; after?: boolean };

/** 2019 cases: those on 信息公开 答复 link the office's answered request of 2019 (the 30号 table 四 counts them). */
const PLANS: Plan[] = [
  { org: '640000-mzt', link: 'disclosure', kind: '行政复议', applicant: '马某', body: '宁夏回族自治区人民政府', lag: 20, days: 55, result: '结果维持' },
  {
    org: '640000-mzt',
    link: 'disclosure',
    kind: '行政诉讼',
    after: true,
    applicant: '马某',
    body: '银川市金凤区人民法院',
    lag: 90,
    days: 80,
    result: '结果维持',
  },
  {
    org: '640100-mzj',
    link: 'disclosure',
    kind: '行政复议',
    applicant: '李某',
    body: '银川市人民政府',
    lag: 25,
    days: 50,
    result: '结果纠正',
    resultNote: '撤销答复，责令重新答复',
  },
  { org: '640104-mzj', link: 'disclosure', kind: '行政诉讼', applicant: '宁夏某物业服务有限公司', body: '银川市兴庆区人民法院', lag: 30, result: '尚未审结' },
  {
    org: '640221-mzj',
    kind: '行政复议',
    matter: '行政处罚',
    decisionText: '平罗县民政局对平罗县某协会的行政处罚决定（警告）',
    applicant: '平罗县某协会',
    body: '平罗县人民政府',
    lag: 0,
    days: 40,
    result: '其他结果',
    resultNote: '申请人撤回申请，复议终止',
  },
  {
    org: '640422-mzj',
    kind: '行政复议',
    matter: '最低生活保障',
    decisionText: '西吉县民政局不予批准最低生活保障的决定',
    applicant: '王某',
    body: '西吉县人民政府',
    lag: 0,
    days: 45,
    result: '结果纠正',
    resultNote: '撤销原决定，责令重新核查',
  },
  {
    org: '640423-mzj',
    kind: '行政诉讼',
    matter: '最低生活保障',
    decisionText: '隆德县民政局停发最低生活保障金的决定',
    applicant: '张某',
    body: '隆德县人民法院',
    lag: 0,
    days: 70,
    result: '结果维持',
  },
];
const FALLBACK_DAY = ['2019-04-08', '2019-06-17', '2019-09-09'];

/**
 * The 复议诉讼 register and 行政强制 decisions of the 2019 demo (run after the disclosure and penalty demos):
 * seven cases over six offices — four on 信息公开 答复 (维持, 复议后起诉 维持, 纠正, 尚未审结), three on
 * other decisions — and two 行政强制 measures, one on a penalty case. Entered through the commands; `actorFor` is a clerk (read, handle) of the office.
 */
export async function seedDemoRemedies(ctx: AppContext, actorFor: (code: string) => Actor) {
  if ((await sql`select 1 from enforcement.remedy where is_demo limit 1`.execute(ctx.db)).rows.length) return { remedies: 0, coercions: 0 };
  const orgs = new Map((await ctx.db.selectFrom('core.org_unit').select(['id', 'code']).execute()).map((o) => [o.code, o.id]));
  let remedies = 0;
  for (const [i, p] of PLANS.entries()) {
    const orgId = orgs.get(p.org);
    if (!orgId) continue;
    const actor = actorFor(p.org);
    const answered = p.link
      ? (
          await sql<{ id: string; day: string }>`select id, (closed_at at time zone 'Asia/Shanghai')::date::text as day from core.case
            where type = 'disclosure_request' and terminal and org_unit_id = ${orgId} and closed_at < '2019-09-01' and closed_at >= '2019-01-01'
            order by closed_at, id limit 1`.execute(ctx.db)
        ).rows[0]
      : undefined;
    const base = answered?.day ?? FALLBACK_DAY[i % FALLBACK_DAY.length]!;
    const acceptedOn = addDaysIso(base, p.lag);
    const { org: _o, link: _l, lag: _g, days, after, ...rest } = p;
    await createRemedy(
      ctx,
      actor,
      {
        ...rest,
        ...(answered ? { decisionCaseId: answered.id } : { matter: p.matter ?? '政府信息公开', decisionText: p.decisionText ?? '政府信息公开申请答复书' }),
        afterReview: !!after,
        acceptedOn,
        resultOn: days ? addDaysIso(acceptedOn, days) : undefined,
      },
      { demo: true },
    );
    remedies++;
  }
  const penalty = (
    await sql<{ org: string; id: string }>`select u.code as org, c.id from core.case c join core.org_unit u on u.id = c.org_unit_id
      where c.type = ${PENALTY_TYPE} order by c.created_at limit 1`.execute(ctx.db)
  ).rows[0];
  const coercions = [
    {
      org: penalty?.org ?? '640000-mzt',
      penaltyCaseId: penalty?.id,
      party: '宁夏某联谊会（未经登记）',
      measure: '查封场所、设施或者财物' as const,
      object: '活动场所一处及办公设备',
      basis: '《取缔非法民间组织暂行办法》（民政部令第21号）',
      documentNo: '宁民强字〔2019〕1号',
      decidedOn: '2019-07-16',
    },
    {
      org: '640104-mzj',
      party: '银川某养生协会（未经登记）',
      measure: '扣押财物' as const,
      object: '宣传资料、收款凭证',
      basis: '《取缔非法民间组织暂行办法》（民政部令第21号）',
      documentNo: '兴民强字〔2019〕1号',
      decidedOn: '2019-10-22',
    },
  ];
  for (const { org, ...c } of coercions) if (orgs.get(org)) await createCoercion(ctx, actorFor(org), c, { demo: true });
  return { remedies, coercions: coercions.length };
}
