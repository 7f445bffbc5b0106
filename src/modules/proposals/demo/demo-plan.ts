/**
 * The demo plan: 2019 as the department's 建议提案 report gives it (7 人大代表建议, all 主办; 47
 * 政协提案, 21 主办 and 26 协办; all answered on time, all rated 满意), spread over the divisions,
 * and a few current items in progress.
 */
export type PlannedItem = {
  org: string;
  kind: '人大代表建议' | '政协提案';
  role: '主办' | '协办' | '会办' | '分办';
  number: string;
  session: string;
  deputies: string;
  delegation: string;
  title: string;
  leadOffice?: string;
  /** 交办 date. */
  receivedOn: string;
  category: 'A' | 'B' | 'C' | 'D';
};

export const SESSION_NPC_2019 = '自治区十二届人大二次会议';
export const SESSION_CPPCC_2019 = '自治区政协十一届二次会议';

const DIVISIONS = ['640000-mzt-jzc', '640000-mzt-ylfwc', '640000-mzt-shzzj', '640000-mzt-jczq', '640000-mzt-qhdm', '640000-mzt-fgc', '640000-mzt-bgs'];
const TOPICS = [
  ['社会救助', '关于提高农村低保标准、完善社会救助兜底保障的建议', '640000-mzt-jzc'],
  ['养老服务', '关于加快发展农村互助养老服务的建议', '640000-mzt-ylfwc'],
  ['社会组织', '关于支持社会组织参与乡村振兴的建议', '640000-mzt-shzzj'],
  ['社区治理', '关于加强城乡社区工作者队伍建设的建议', '640000-mzt-jczq'],
  ['区划地名', '关于规范地名标志设置管理的建议', '640000-mzt-qhdm'],
  ['殡葬改革', '关于推进节地生态安葬的建议', '640000-mzt-fgc'],
  ['儿童福利', '关于加强农村留守儿童关爱服务的建议', '640000-mzt-jzc'],
] as const;
const LEADS = ['自治区财政厅', '自治区人力资源和社会保障厅', '自治区卫生健康委员会', '自治区住房和城乡建设厅', '自治区农业农村厅', '自治区教育厅'];
const SECTORS = ['社会福利和社会保障界', '农业界', '医药卫生界', '无党派人士', '中国民主同盟', '九三学社'];
const DELEGATIONS = ['银川市代表团', '石嘴山市代表团', '吴忠市代表团', '固原市代表团', '中卫市代表团'];
const NAMES = ['马学礼', '王秀兰', '李建华', '杨海燕', '张志刚', '丁桂芳', '海玉梅', '田志军', '苏红霞', '刘振宇'];

const day = (d: number) => new Date(Date.UTC(2019, 2, 4 + d)).toISOString().slice(0, 10);
const categoryOf = (i: number): PlannedItem['category'] => (i % 9 === 4 ? 'B' : i % 17 === 8 ? 'C' : i % 23 === 11 ? 'D' : 'A');

export function demoPlan2019(): PlannedItem[] {
  const out: PlannedItem[] = [];
  for (let i = 0; i < 7; i++) {
    const [topic, title, org] = TOPICS[i]!;
    out.push({
      org,
      kind: '人大代表建议',
      role: '主办',
      number: `第${String(101 + i * 23).padStart(4, '0')}号`,
      session: SESSION_NPC_2019,
      deputies: `${NAMES[i % NAMES.length]}等 ${3 + (i % 4)} 名代表`,
      delegation: DELEGATIONS[i % DELEGATIONS.length]!,
      title: `${title}（${topic}）`,
      receivedOn: day(i * 2),
      category: categoryOf(i),
    });
  }
  for (let i = 0; i < 47; i++) {
    const lead = i < 21;
    const [topic, title] = TOPICS[i % TOPICS.length]!;
    out.push({
      org: lead ? TOPICS[i % TOPICS.length]![2] : DIVISIONS[i % DIVISIONS.length]!,
      kind: '政协提案',
      role: lead ? '主办' : '协办',
      number: `第${String(12 + i * 7).padStart(4, '0')}号`,
      session: SESSION_CPPCC_2019,
      deputies: `${NAMES[(i + 3) % NAMES.length]}委员${i % 3 ? '等' : ''}`,
      delegation: SECTORS[i % SECTORS.length]!,
      title: `${title.replace('建议', '提案')}（${topic}）`,
      leadOffice: lead ? undefined : LEADS[i % LEADS.length],
      receivedOn: day(1 + (i % 30)),
      category: categoryOf(i + 7),
    });
  }
  return out;
}
