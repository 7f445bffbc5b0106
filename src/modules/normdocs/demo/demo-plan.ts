/**
 * The demo plan: 2019 documents of the 厅's divisions and of 银川市民政局, all through 备案, and a
 * few of the current year at different stages. Each step is a day offset from the start.
 */
export type Stage = 'drafting' | 'consulting' | 'reviewing' | 'reviewed' | 'signed' | 'published' | 'filed';
export type PlannedDoc = { org: string; title: string; startOn: string; upTo: Stage };

/** Day offsets from the start: 征求意见 30 日 from day 1, then the later gates (合法性审核 ≥ 5 working days after 送审). */
export const OFFSETS = {
  consult: 1,
  comment: 10,
  dispose: 33,
  submit: 33,
  review: 47,
  meeting: 50,
  heads: 50,
  legalSign: 51,
  sign: 52,
  number: 53,
  publish: 55,
  file: 65,
} as const;

export const PLAN_2019: PlannedDoc[] = [
  { org: '640000-mzt-jzc', title: '宁夏回族自治区最低生活保障审核确认办法', startOn: '2019-02-18', upTo: 'filed' },
  { org: '640000-mzt-ylfwc', title: '宁夏回族自治区养老机构等级评定暂行办法', startOn: '2019-03-11', upTo: 'filed' },
  { org: '640000-mzt-shzzj', title: '宁夏回族自治区社会组织登记管理实施办法', startOn: '2019-05-06', upTo: 'filed' },
  { org: '640100-mzj', title: '银川市城乡低保一体化实施细则', startOn: '2019-04-08', upTo: 'filed' },
  { org: '640000-mzt-qhdm', title: '宁夏回族自治区地名管理办法实施细则', startOn: '2019-08-05', upTo: 'filed' },
];

/** The current year's documents, started this many days before today. */
export const PLAN_NOW: Array<{ org: string; title: string; daysAgo: number; upTo: Stage }> = [
  { org: '640000-mzt-jzc', title: '宁夏回族自治区特困人员认定办法', daysAgo: 120, upTo: 'filed' },
  { org: '640000-mzt-ylfwc', title: '宁夏回族自治区居家和社区养老服务补贴试行办法', daysAgo: 75, upTo: 'published' },
  { org: '640000-mzt-jczq', title: '宁夏回族自治区城乡社区工作者管理办法', daysAgo: 55, upTo: 'reviewed' },
  { org: '640000-mzt-shzzj', title: '宁夏回族自治区社会组织评估管理办法', daysAgo: 40, upTo: 'reviewing' },
  { org: '640000-mzt-fgc', title: '宁夏回族自治区民政行政执法程序规定', daysAgo: 12, upTo: 'consulting' },
  { org: '640100-mzj', title: '银川市困难群众临时救助实施细则', daysAgo: 5, upTo: 'drafting' },
];

/** The 厅's 2019 clean-up: every 宁民规发 document in force at the as-of date, all 继续有效. */
export const CLEANUP_2019 = {
  name: '2019年度自治区民政厅行政规范性文件清理',
  basis: '国办发〔2018〕37号「定期清理」；自治区司法厅关于开展2019年度行政规范性文件清理工作的通知',
  asOf: '2019-12-16',
  closeOn: '2019-12-27',
  reason: '与现行法律法规和国家政策一致，符合民政工作实际，继续有效。',
};
