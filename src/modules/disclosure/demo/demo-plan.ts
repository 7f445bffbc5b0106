import { CATEGORIES } from '../contracts/labels.ts';
import type { AnswerKind, ApplicantKind, Channel } from '../contracts/labels.ts';

export type PlannedItem = {
  org: string;
  office: string;
  category: number;
  title: string;
  formedOn: string;
  lagDays: number;
  withdraw?: string;
  validity?: '有效' | '失效';
};

/** 2019: 189 items published over the region (民政厅 120, 银川市 25, 兴庆区 14, 平罗县 10, 西吉县 10, 隆德县 10). */
const OFFICES: Array<[string, string, number]> = [
  ['640000-mzt', '宁夏回族自治区民政厅', 120],
  ['640100-mzj', '银川市民政局', 25],
  ['640104-mzj', '兴庆区民政局', 14],
  ['640221-mzj', '平罗县民政局', 10],
  ['640422-mzj', '西吉县民政局', 10],
  ['640423-mzj', '隆德县民政局', 10],
];
const MONTHS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'];
const TITLES: Array<[number, (o: string, n: number) => string]> = [
  [11, (o, n) => `${o}2019年${MONTHS[n % 12]}月城乡最低生活保障资金发放情况公示`],
  [11, (o, n) => `${o}2019年${MONTHS[n % 12]}月特困人员救助供养情况公布`],
  [11, (o, n) => `${o}关于2019年第${(n % 4) + 1}季度临时救助情况的公示`],
  [1, (o, n) => `${o}关于印发《${['困难群众基本生活救助', '养老机构服务质量', '社会组织登记', '殡葬管理', '社区治理'][n % 5]}工作规程》的通知`],
  [5, (o, n) => `${o}社会团体成立登记准予许可决定（2019年第${n + 1}批）`],
  [6, (o, n) => `${o}行政处罚决定书公开（宁民罚〔2019〕${n + 1}号）`],
  [2, (o) => `${o}机构职能、内设机构及联系方式`],
  [7, (o) => `${o}2019年部门预算公开`],
  [3, (o, n) => `${o}${['养老服务体系建设', '社区服务体系建设', '殡葬事业发展', '救助管理'][n % 4]}专项规划（2019—2021年）`],
  [4, (o, n) => `${o}2019年第${(n % 4) + 1}季度民政事业统计数据`],
  [9, (o, n) => `${o}政府集中采购项目实施情况（2019年第${n + 1}号）`],
  [14, (o) => `${o}2019年公务员考试录用拟录用人员公示`],
  [15, (o, n) => `${o}“双随机、一公开”抽查结果公示（2019年第${n + 1}期）`],
];

export function demoItems2019(): PlannedItem[] {
  const out: PlannedItem[] = [];
  let k = 0;
  for (const [org, office, n] of OFFICES) {
    for (let i = 0; i < n; i++, k++) {
      const [category, title] = TITLES[i % TITLES.length]!;
      const day = 5 + Math.floor((i * 330) / n);
      const formed = new Date(Date.UTC(2019, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
      out.push({
        org,
        office,
        category,
        title: title(office, Math.floor(i / TITLES.length)),
        formedOn: formed,
        // Most within days; every 23rd item late (over 20 working days, 第二十六条).
        lagDays: k % 23 === 7 ? 34 : 2 + (k % 9),
        withdraw: k === 40 || k === 150 ? '内容有误，更正后重新发布' : undefined,
        validity: category === 1 && i % 3 === 0 ? '失效' : '有效',
      });
    }
  }
  return out;
}
export const categoryLabel = (n: number) => CATEGORIES[n - 1]!;

export type PlannedRequest = {
  org: string;
  receivedOn: string;
  channel: Channel;
  applicantKind: ApplicantKind;
  applicantName: string;
  content: string;
  answer?: AnswerKind;
  after: number;
  correction?: boolean;
  consult?: string;
};

const R = (
  org: string,
  receivedOn: string,
  channel: Channel,
  applicantKind: ApplicantKind,
  applicantName: string,
  content: string,
  answer: AnswerKind | undefined,
  after: number,
  extra: Partial<PlannedRequest> = {},
): PlannedRequest => ({ org, receivedOn, channel, applicantKind, applicantName, content, answer, after, ...extra });

/** The calendar day after receipt on which the demo answers a request (补正 and consultation take their days). */
export const answerDay = (p: PlannedRequest) => (p.answer === 'no_correction' ? 20 : p.after + (p.consult ? 10 : 0) + (p.correction ? 5 : 0));
export const answeredOn = (p: PlannedRequest) =>
  p.answer ? new Date(Date.parse(`${p.receivedOn}T00:00:00Z`) + answerDay(p) * 86_400_000).toISOString().slice(0, 10) : null;

/** Requests received in 2018–2019 (one carried into 2019, two carried into 2020 and answered in January), spread over five offices. */
export function demoRequests(): PlannedRequest[] {
  return [
    R('640000-mzt', '2018-12-20', '挂号信函', '自然人', '李某某', '2018年自治区城乡低保标准调整的文件', 'already_public', 12),
    R('640000-mzt', '2019-01-14', '网上申请', '自然人', '马某某', '2018年度自治区本级养老机构运营补贴发放名单', 'partial', 25, {
      consult: '银川市某某养老服务中心',
    }),
    R('640000-mzt', '2019-02-25', '当面提交', '自然人', '杨某某', '本人户籍所在村2018年低保评议记录', 'process', 15),
    R('640000-mzt', '2019-03-11', '网上申请', '商业企业', '宁夏某某殡葬服务有限公司', '2019年殡葬设施建设补助资金分配方案', 'open', 10),
    R('640000-mzt', '2019-03-27', '平常信函', '自然人', '王某某', '关于我父亲低保被取消一事的处理意见', 'petition', 6),
    R('640000-mzt', '2019-04-15', '网上申请', '法律服务机构', '宁夏某某律师事务所', '某社会组织2018年度检查结论及依据', 'open', 14, { correction: true }),
    R('640000-mzt', '2019-05-20', '网上申请', '自然人', '李某某', '2018年自治区城乡低保标准调整的文件', 'repeat', 5),
    R('640000-mzt', '2019-06-17', '传真', '科研机构', '宁夏某某社会科学研究所', '2014—2018年全区特困人员供养人数统计', 'must_create', 16),
    R('640000-mzt', '2019-07-08', '网上申请', '自然人', '张某某', '某养老院2018年消防检查记录', 'not_ours', 12),
    R('640000-mzt', '2019-08-19', '网上申请', '社会公益组织', '宁夏某某公益服务中心', '2019年福彩公益金资助项目名单', 'open', 9),
    R('640000-mzt', '2019-09-09', '当面提交', '自然人', '丁某某', '2010年以前本人婚姻登记档案中的介绍信原件', 'not_held', 11),
    R('640000-mzt', '2019-10-21', '网上申请', '自然人', '刘某某', '某区2019年第三季度临时救助对象名单', 'partial', 20, { consult: '名单所列救助对象' }),
    R('640000-mzt', '2019-11-18', '网上申请', '其他', '某村民委员会', '区划地名调整的请示报告', 'internal', 14, { correction: true }),
    R('640000-mzt', '2019-12-23', '挂号信函', '自然人', '海某某', '2019年全区低保资金审计整改情况', 'open', 18),
    R('640100-mzj', '2019-03-04', '网上申请', '自然人', '周某某', '银川市2019年低保标准', 'already_public', 4),
    R('640100-mzj', '2019-06-03', '当面提交', '商业企业', '银川某某养老服务有限公司', '银川市养老机构运营补贴标准及申领程序', 'open', 8),
    R('640100-mzj', '2019-09-16', '网上申请', '自然人', '何某某', '某小区居民委员会选举的全部选票', 'no_correction', 0, { correction: true }),
    R('640104-mzj', '2019-05-06', '网上申请', '自然人', '沙某某', '兴庆区2019年高龄津贴发放名单', 'third_party', 22, { consult: '名单所列老年人' }),
    R('640104-mzj', '2019-12-26', '网上申请', '法律服务机构', '宁夏某某律师事务所', '兴庆区某社区2019年低保审核审批材料', 'open', 20),
    R('640221-mzj', '2019-04-22', '平常信函', '自然人', '田某某', '平罗县2018年农村低保资金发放明细', 'partial', 18),
    R('640422-mzj', '2019-07-22', '当面提交', '自然人', '马某某', '西吉县2019年临时救助标准', 'open', 3),
    R('640423-mzj', '2019-10-14', '网上申请', '自然人', '苏某某', '要求确认本人已获取的低保审批表是否真实', 'confirm', 7),
  ];
}
