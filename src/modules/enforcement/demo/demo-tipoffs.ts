import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { receiveTipoff } from '../tipoffs/receive-tipoff.ts';
import { decideTipoff, replyTipoff, verifyTipoff } from '../tipoffs/handle-tipoff.ts';

type Step = [day: string, text: string];
type DemoTipoff = {
  org: string;
  channel: '来访' | '来电' | '来信';
  received: string;
  party: string;
  content: string;
  informant?: [string, string];
  verify?: Step;
  /** 立案 links the demo penalty case of that party; 不予立案 gives the reasons. */
  decide?: [day: string, outcome: '立案' | '不予立案', reason: string];
  reply?: Step;
};

const NO_CASE = '经核查，举报反映的问题查无实据，不符合立案条件，决定不予立案。';
const replyNo = '您反映的问题经核查查无实据，决定不予立案。感谢您对社会组织监督管理工作的支持。';
const replyYes = '您反映的问题经核查属实，已依法立案查处。感谢您对社会组织监督管理工作的支持。';

/**
 * The report's 举报 of 2019: 12 received over the 民政厅 and five city/county bureaus, 8 closed (答复) within
 * the year and 4 still in progress on 31 December (one of them replied in January 2020). Two led to the demo
 * penalty cases of 2019; the rest were 不予立案 with reasons. Informants are invented; some are anonymous.
 */
export const DEMO_TIPOFFS: DemoTipoff[] = [
  {
    org: '640000-mzt-shzzj',
    channel: '来信',
    received: '2019-04-10',
    party: '宁夏某某行业协会',
    content: '该协会以年度评比达标为名，向会员单位收取评比费用，每家 3000 元。',
    informant: ['王某某', '13900000001'],
    verify: ['2019-04-26', '调取收费凭证 21 份，询问会员单位 5 家，收取评比费用属实。'],
    decide: ['2019-05-08', '立案', '违规收取评比达标费用的事实有证据初步证明，属于本机关管辖，在追责时效内。'],
    reply: ['2019-05-10', replyYes],
  },
  {
    org: '640000-mzt-shzzj',
    channel: '来电',
    received: '2019-06-03',
    party: '宁夏某某促进会',
    content: '该促进会负责人长期不召开会员大会，财务不公开，会员无法了解经费使用情况。',
    verify: ['2019-06-14', '查阅该会会议纪要和财务报告，2018 年已召开会员代表大会并公开年度财务报告。'],
    decide: ['2019-06-17', '不予立案', NO_CASE],
    reply: ['2019-06-18', replyNo],
  },
  {
    org: '640000-mzt-shzzj',
    channel: '来访',
    received: '2019-12-16',
    party: '宁夏某某基金会',
    content: '该基金会将定向捐赠款挪作他用，未按捐赠协议用于助学项目。',
    informant: ['李某某', '13900000002'],
    verify: ['2019-12-27', '已调取捐赠协议和项目支出凭证，正在核对资金流向。'],
  },
  {
    org: '640100-mzj',
    channel: '来信',
    received: '2019-03-12',
    party: '银川市某某联谊会',
    content: '该联谊会未经登记以分会名义在各县区开展活动并收取会费。',
    informant: ['张某某', '13900000003'],
    verify: ['2019-03-26', '该会未设立分支机构，举报所称“分会”系会员自发聚会，未收取会费。'],
    decide: ['2019-03-28', '不予立案', NO_CASE],
    reply: ['2019-04-01', replyNo],
  },
  {
    org: '640100-mzj',
    channel: '来电',
    received: '2019-12-20',
    party: '银川市某某文化研究会',
    content: '该研究会举办培训班收取高额费用，与章程规定的业务范围不符。',
  },
  {
    org: '640104-mzj',
    channel: '来访',
    received: '2019-10-16',
    party: '兴庆区某某商会',
    content: '该商会面向社会公开招生举办收费培训，超出章程规定的业务范围。',
    informant: ['刘某某', '13900000004'],
    verify: ['2019-10-30', '现场检查培训场所，查阅招生简章和收费记录，超范围开展培训属实。'],
    decide: ['2019-11-05', '立案', '超出章程规定的业务范围开展培训的事实有证据初步证明，属于本机关管辖。'],
    reply: ['2019-11-07', replyYes],
  },
  {
    org: '640104-mzj',
    channel: '来信',
    received: '2019-08-05',
    party: '兴庆区某某社区服务中心',
    content: '该中心住所长期无人办公，怀疑已停止活动。',
    verify: ['2019-08-16', '实地核查，该中心已迁至新址并办理住所变更登记，正常开展活动。'],
    decide: ['2019-08-19', '不予立案', NO_CASE],
    reply: ['2019-08-20', replyNo],
  },
  {
    org: '640422-mzj',
    channel: '来电',
    received: '2019-05-20',
    party: '西吉县某某种植协会',
    content: '该协会向会员强行摊派购买农资，不买不给发放补贴。',
    informant: ['马某某', '13900000005'],
    verify: ['2019-06-04', '询问会员 12 户，未发现强行摊派；补贴由乡镇政府发放，与协会无关。'],
    decide: ['2019-06-05', '不予立案', NO_CASE],
    reply: ['2019-06-06', replyNo],
  },
  {
    org: '640422-mzj',
    channel: '来访',
    received: '2019-12-23',
    party: '西吉县某某养老服务中心',
    content: '该中心实际开展经营活动并向股东分配收益。',
    informant: ['苏某某', '13900000006'],
    verify: ['2019-12-30', '查阅财务账簿，未发现向出资人分配收益；餐费收入用于中心运营。'],
    decide: ['2020-01-03', '不予立案', NO_CASE],
    reply: ['2020-01-06', replyNo],
  },
  {
    org: '640423-mzj',
    channel: '来信',
    received: '2019-07-08',
    party: '隆德县某某书画协会',
    content: '该协会换届未按章程选举，负责人超龄连任。',
    verify: ['2019-07-19', '查阅换届材料，换届经会员大会选举，负责人年龄符合章程规定。'],
    decide: ['2019-07-22', '不予立案', NO_CASE],
    reply: ['2019-07-23', replyNo],
  },
  {
    org: '640221-mzj',
    channel: '来电',
    received: '2019-09-09',
    party: '平罗县某某协会',
    content: '该协会以协会名义对外签订合同，为个人牟利。',
    informant: ['田某某', '13900000007'],
    verify: ['2019-09-23', '调取合同 3 份，均为协会开展章程规定活动所签，资金入协会账户。'],
    decide: ['2019-09-24', '不予立案', NO_CASE],
    reply: ['2019-09-25', replyNo],
  },
  {
    org: '640300-mzj',
    channel: '来信',
    received: '2019-12-26',
    party: '吴忠市某某联合会',
    content: '该联合会连续两年未参加年度检查，仍以联合会名义开展活动。',
  },
];

/** The demo 举报 through the real steps, each on its own day (`at` sets the clock); `caseOf` gives the party's penalty case. */
export async function seedDemoTipoffs(
  tx: AppContext,
  actorFor: (org: string) => Actor,
  at: (day: string) => void,
  caseOf: (party: string) => string | undefined,
) {
  let n = 0;
  for (const d of DEMO_TIPOFFS) {
    const actor = actorFor(d.org);
    at(d.received);
    const [informantName, informantPhone] = d.informant ?? [];
    const r = await receiveTipoff(
      tx,
      actor,
      { channel: d.channel, receivedOn: d.received, reportedParty: d.party, content: d.content, informantName, informantPhone },
      { demo: true },
    );
    n++;
    if (d.verify) {
      at(d.verify[0]);
      await verifyTipoff(tx, actor, r.id, { verifiedOn: d.verify[0], findings: d.verify[1] });
    }
    if (d.decide) {
      at(d.decide[0]);
      const [decidedOn, outcome, reason] = d.decide;
      await decideTipoff(tx, actor, r.id, { decidedOn, outcome, reason, caseId: outcome === '立案' ? caseOf(d.party) : undefined });
    }
    if (d.reply && d.decide) {
      at(d.reply[0]);
      await replyTipoff(tx, actor, r.id, { repliedOn: d.reply[0], reply: d.reply[1] });
    }
  }
  return n;
}
