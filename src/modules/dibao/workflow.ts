import { defineWorkflow } from '../../kernel/workflow/index.ts';
import { extendSpecial } from './commands/special-period.ts';
import { basisOfDay } from './law.ts';
import { DIBAO_TYPE } from './contract.ts';
import { applicationFacts } from './application-facts.ts';
import { loadApplication } from './load-application.ts';
import { notAccept } from './steps/not-accept.ts';
import { requestMaterials } from './steps/request-materials.ts';
import { accept } from './steps/accept.ts';
import { householdCheck } from './steps/household-check.ts';
import { investigate } from './steps/investigate.ts';
import { appraise } from './steps/appraise.ts';
import { townshipReview } from './steps/township-review.ts';
import { publicize, skipPublicity } from './steps/publicize.ts';
import { endPublicity } from './steps/end-publicity.ts';
import { objectionFounded, objectionUnfounded, registerObjection } from './steps/objection.ts';
import { confirm } from './steps/confirm.ts';
import { refuse, sendNotice } from './steps/refuse.ts';
import { withdraw } from './steps/withdraw.ts';
import { publish } from './steps/publication.ts';
import { countyVisit } from './steps/near-relative.ts';
// The re-check workflow and its daily sweep are loaded wherever this workflow is (worker.ts imports this file).
import './recheck/recheck-workflow.ts';

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
    request_materials: requestMaterials,
    accept,
    verify: householdCheck,
    investigate,
    appraise,
    review: townshipReview,
    publicize,
    object: registerObjection,
    objection_unfounded: objectionUnfounded,
    objection_founded: objectionFounded,
    end_publicity: endPublicity,
    skip_publicity: skipPublicity,
    confirm,
    refuse,
    send_notice: sendNotice,
    withdraw,
  },
  actions: { extend_special: extendSpecial, publish, county_visit: countyVisit },
  // The only hand-off of 低保 is the township's 报送县级确认 (民发〔2021〕57号: 乡镇审核后报县级民政部门确认).
  // There is no 交办 and no 转办 to another township: the application is made at, and handled by, the township
  // of the household's 户籍所在地 (民发〔2021〕57号, 申请; regulations.md §2.2). Where the county has delegated the
  // approval (§2.3, 隆德县 …) the township confirms itself and nothing is sent up; a 近亲属备案 case is still the
  // county's. One rule for the command (submit-county) and the case page (canHandoff).
  handoff: {
    from: ['awaiting_confirm'],
    kinds: ['transfer'],
    transferOnlyVia: '报送县级民政部门确认',
    closedFor: async (tx, c) => {
      const a = await loadApplication(tx, c.id);
      if (a.authority !== 'county' && !a.relative_of_staff) return '该县已将低保审批权下放乡镇（街道），由乡镇（街道）确认，无需报送县级';
      if (c.org_unit_id !== a.township_org_id) return '申请已报送县级民政部门，由县级民政部门确认';
      return null;
    },
    permission: 'dibao.handle',
    acknowledgeWithin: { unit: 'workdays', n: 3 },
    legalBasis: basisOfDay('乡镇（街道）审核后报县级民政部门确认', '乡镇审核后报县级民政部门审批'),
  },
  supervision: { permission: 'dibao.confirm', feedbackWithin: { unit: 'workdays', n: 5 }, legalBasis: basisOfDay('县级民政部门加强监督指导') },
});
