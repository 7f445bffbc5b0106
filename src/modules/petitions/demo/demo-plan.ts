import { residentIdCheckChar } from '../../../kernel/codes/index.ts';

/**
 * The demo year of 信访 (2019, the report's year) as a plan: which org registers each petition,
 * when, with what input, and which moves follow on which days. Pure and deterministic (seeded
 * PRNG), so the figures are the same on every installation; `seed-demo-petitions.ts` drives the
 * plan through the real kernel commands with a manual clock.
 *
 * The 63 petitions registered by the department (政策法规处, reference XF-640000-2019-…) between
 * January and mid-November reproduce the report's paragraph exactly: 63 件; 来信来访 53 批 153 人次
 * (the report says 150余); 40 transferred by 自治区信访局, 19 by 民政部; all concluded. The other
 * petitions are registered by cities, counties and townships across the whole area tree.
 */

export type Move =
  | { kind: 'handoff'; to: string; by: string; transfer: boolean }
  | { kind: 'ack'; by: string }
  | { kind: 't'; name: string; by: string; role?: 'clerk' | 'lead' | 'supervisor' | 'portal' | 'upper'; input?: unknown; comment?: string }
  | { kind: 'rate'; satisfaction: '满意' | '基本满意' | '不满意' };

export type PlannedStep = { day: number; minute: number; move: Move };
export type PlannedPetition = {
  key: number;
  /** Registering org code; `recent` petitions are dated relative to the real clock. */
  org: string;
  recent: boolean;
  /** Registration: day of the year 2019 (0 = 1 January) or, when recent, days before today. */
  day: number;
  minute: number;
  input: Record<string, unknown>;
  steps: PlannedStep[];
};

/** mulberry32: a small deterministic PRNG. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof prng>;

const SURNAMES = ['马', '杨', '王', '李', '张', '刘', '海', '丁', '田', '苏', '何', '周', '赵', '金', '冯', '拓', '虎', '纳', '韩', '罗'];
const GIVEN = [
  '建军',
  '秀兰',
  '学文',
  '玉梅',
  '志强',
  '海燕',
  '国福',
  '小红',
  '永福',
  '桂兰',
  '文斌',
  '晓燕',
  '德明',
  '春花',
  '占林',
  '金花',
  '有福',
  '淑珍',
  '忠义',
  '凤英',
];

/** Counties and districts (all of ningxia-areas.csv) with their city and a weight for how many petitions they get. */
export const COUNTIES: ReadonlyArray<[string, string, number]> = [
  ['640104', '640100', 9],
  ['640105', '640100', 5],
  ['640106', '640100', 5],
  ['640121', '640100', 4],
  ['640122', '640100', 4],
  ['640181', '640100', 4],
  ['640202', '640200', 4],
  ['640205', '640200', 3],
  ['640221', '640200', 7],
  ['640302', '640300', 5],
  ['640303', '640300', 3],
  ['640323', '640300', 3],
  ['640324', '640300', 4],
  ['640381', '640300', 3],
  ['640402', '640400', 5],
  ['640422', '640400', 4],
  ['640423', '640400', 8],
  ['640424', '640400', 2],
  ['640425', '640400', 3],
  ['640502', '640500', 4],
  ['640521', '640500', 3],
  ['640522', '640500', 4],
];
export const CITIES = ['640100', '640200', '640300', '640400', '640500'] as const;
/** Demo townships (sample-areas.csv) of the three pilot counties, with their office codes. */
export const TOWNSHIPS: Record<string, string[]> = {
  '640104': ['640104001', '640104002', '640104003', '640104005', '640104100', '640104101', '640104200'],
  '640423': ['640423100', '640423101', '640423102', '640423200', '640423203', '640423206'],
  '640221': ['640221100', '640221101', '640221102', '640221104', '640221200', '640221205'],
  '640422': ['640422100'],
};

type Subject = '低保' | '特困' | '养老服务' | '社会组织' | '婚姻登记' | '殡葬' | '区划地名' | '其他';
const MATTERS: Record<Subject, Array<[string, string, string]>> = {
  低保: [
    ['申请恢复低保待遇', '申诉求决', '我家低保待遇今年被取消，家中两位老人长期患病无劳动能力，收入没有变化，请求重新核查家庭经济状况并恢复低保待遇。'],
    ['反映低保评定不公', '检举控告', '村里有人家庭条件较好却享受低保，而真正困难的农户未被纳入，请求对本村低保评议过程进行调查并公开结果。'],
    ['咨询低保申请条件', '建议意见', '本人因病失业，家庭收入下降，想了解城市低保的申请条件、所需材料和办理时限，建议在社区公开办理流程。'],
    ['低保金发放不及时', '申诉求决', '近三个月低保金没有按时发放到账，多次询问乡镇未得到答复，请求查明原因尽快补发。'],
  ],
  特困: [
    ['申请特困供养', '申诉求决', '本人年过七旬无子女，无劳动能力无生活来源，多次申请特困人员救助供养未获批准，请求依法审核。'],
    ['敬老院供养条件差', '检举控告', '乡镇敬老院冬季取暖不足、伙食差，特困供养人员反映强烈，请求民政部门检查整改。'],
  ],
  养老服务: [
    ['高龄津贴未发放', '申诉求决', '父亲已满八十周岁，按政策应享受高龄津贴，但至今未发放，请求核实并补发。'],
    ['社区养老服务站建设建议', '建议意见', '建议在小区增设日间照料中心，为空巢老人提供助餐、助浴服务，并公开收费标准。'],
    ['养老机构收费不合理', '检举控告', '某民办养老院擅自提高床位费和护理费且未提前告知，请求主管部门查处。'],
  ],
  社会组织: [
    ['举报社会组织违规收费', '检举控告', '某协会以评比表彰名义向会员单位收取费用，涉嫌违规收费，请求登记管理机关调查处理。'],
    ['社会组织年检咨询', '建议意见', '我单位是民办非企业单位，想咨询年度检查的材料要求和时间安排，建议网上办理。'],
  ],
  婚姻登记: [
    ['婚姻登记信息错误', '申诉求决', '婚姻登记档案中本人姓名有误，影响办理其他业务，请求婚姻登记机关予以更正。'],
    ['撤销婚姻登记', '申诉求决', '对方冒用他人身份办理结婚登记，请求依法撤销该婚姻登记。'],
  ],
  殡葬: [
    ['公墓收费过高', '检举控告', '经营性公墓墓穴价格和管理费偏高，且收费项目未公示，请求核查并规范收费。'],
    ['惠民殡葬政策咨询', '建议意见', '咨询基本殡葬服务费用减免政策的适用对象和申请方式，建议加强宣传。'],
  ],
  区划地名: [
    ['村庄撤并意见', '建议意见', '对本村撤并方案有不同意见，认为撤并后村民办事距离过远，建议重新论证并听取村民意见。'],
    ['地名标志设置错误', '申诉求决', '街道地名标志牌拼写有误且位置不当，请求更正。'],
  ],
  其他: [
    ['流浪乞讨人员救助', '建议意见', '车站附近长期有流浪人员露宿，建议救助站主动巡查救助。'],
    ['残疾人两项补贴', '申诉求决', '本人为二级肢体残疾，申请重度残疾人护理补贴未获批准，请求复核。'],
  ],
};
const SUBJECT_WEIGHTS: Array<[Subject, number]> = [
  ['低保', 34],
  ['特困', 10],
  ['养老服务', 16],
  ['社会组织', 8],
  ['婚姻登记', 8],
  ['殡葬', 7],
  ['区划地名', 7],
  ['其他', 10],
];
const weighted = <T>(r: Rng, xs: Array<[T, number]>): T => {
  let x = r.next() * xs.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of xs) if ((x -= w) < 0) return v;
  return xs[0]![0];
};
const OPINION_TEXT: Record<string, string> = {
  支持: '经调查核实，信访人反映的问题属实，诉求合理，予以支持，已责成有关单位限期落实。',
  解释说明: '经调查核实，相关工作符合政策规定，已向信访人解释说明有关政策和办理依据。',
  不予支持: '经调查核实，信访人的诉求不符合有关政策规定，不予支持，并告知其救济途径。',
};

/** 被检举对象 of the demo's 检举控告 matters (outside bodies, so no org id). */
const ACCUSED: Record<string, string> = {
  反映低保评定不公: '村民委员会低保评议小组',
  敬老院供养条件差: '乡镇敬老院',
  养老机构收费不合理: '某民办养老院',
  举报社会组织违规收费: '某行业协会',
  公墓收费过高: '某经营性公墓',
};
const COMPLAINED: Record<string, string> = { '640104': '兴庆区民政局', '640423': '隆德县民政局', '640221': '平罗县民政局', '640422': '西吉县民政局' };
const FORMS = ['来信', '网上信访', '来访', '电话'] as const;

/**
 * The intake facts the register asks for beyond the matter (no draws from the generator, so the
 * demo year stays the same): the original form of an item 上级转来, 被检举对象, 被投诉机关, and 重大紧急
 * for large group visits.
 */
function intakeExtras(i: number, m: { title: string; category: string }, county: string, channel: string, persons: number | null): Record<string, unknown> {
  return {
    ...(channel === '上级转来' ? { originalForm: FORMS[i % FORMS.length] } : {}),
    ...(m.category === '检举控告' && ACCUSED[m.title] ? { accusedName: ACCUSED[m.title] } : {}),
    ...(m.category === '申诉求决' && i % 3 === 1 ? { complainedOrg: COMPLAINED[county] ?? '所在乡镇人民政府' } : {}),
    ...(channel === '来访' && (persons ?? 0) >= 20 ? { urgent: true, urgentNote: `群体来访 ${persons} 人，情绪激动，可能造成社会影响，已安排现场接待。` } : {}),
  };
}

/** A valid 18-digit 身份证号 for a person from `county`, born in `year`. */
export function demoIdNumber(county: string, year: number, r: Rng): string {
  const body = `${county}${year}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}${String(r.int(100, 999))}`;
  return body + residentIdCheckChar(body);
}

type Flow = 'self' | 'simple' | 'refuse' | 'review' | 'final' | 'late';

/** The concluding moves for a petition held at `holder` from day `d` on. Returns the steps and the last day. */
function conclude(r: Rng, holder: string, upper: string, flow: Flow, d: number, group: boolean): PlannedStep[] {
  const s: PlannedStep[] = [];
  const at = (day: number, move: Move) => s.push({ day, minute: r.int(0, 420), move });
  if (flow === 'refuse') {
    const picked = r.pick(['statutory_route', 'not_competent', 'statutory_route']);
    // Above the county a lower 民政局 is competent: that is a 转送, not a refusal (第二十三条第一款).
    const aboveCounty = holder === '640000-mzt-fgc' || CITIES.some((c) => holder === bureau(c));
    const reasonCode = picked === 'not_competent' && aboveCounty ? 'statutory_route' : picked;
    at(d + r.int(2, 10), { kind: 't', name: 'refuse', by: holder, input: { reasonCode } });
    return s;
  }
  at((d += r.int(1, 6)), { kind: 't', name: 'accept', by: holder, input: {} });
  const simple = flow === 'simple' && !group;
  if (simple) at((d += r.int(0, 2)), { kind: 't', name: 'simplify', by: holder, input: { factsClear: true } });
  else at((d += r.int(0, 3)), { kind: 't', name: 'start', by: holder });
  const opinion = r.pick(['支持', '解释说明', '解释说明', '解释说明', '不予支持', '支持']);
  d += flow === 'late' ? r.int(62, 75) : simple ? r.int(3, 8) : r.int(12, 45);
  at(d, { kind: 't', name: 'draft', by: holder, input: { opinion, text: OPINION_TEXT[opinion] } });
  at((d += r.int(0, 2)), { kind: 't', name: 'approve', by: holder, role: 'lead' });
  at((d += r.int(0, 2)), { kind: 't', name: 'deliver', by: holder, input: { method: r.pick(['当面送达', '邮寄送达', '网上答复', '电话告知']), date: '' } });
  const satisfaction =
    flow === 'review' || flow === 'final' ? '不满意' : r.chance(0.72) ? (r.chance(0.78) ? '满意' : r.chance(0.6) ? '基本满意' : '不满意') : null;
  if (satisfaction) at(d + r.int(1, 6), { kind: 'rate', satisfaction });
  if (flow === 'review' || flow === 'final') {
    // 复查 by the level directly above the holder ('supervisor'), its opinion served; 复核 by the level above that ('upper').
    at((d += r.int(8, 20)), { kind: 't', name: 'request_review', by: holder, role: 'portal', comment: '对处理意见不服，申请复查' });
    at((d += r.int(1, 4)), { kind: 't', name: 'start_review', by: holder, role: 'supervisor' });
    const o = r.pick(['解释说明', '不予支持']);
    at((d += r.int(10, 25)), {
      kind: 't',
      name: 'conclude_review',
      by: holder,
      role: 'supervisor',
      input: { opinion: o, text: `复查意见：维持原处理意见。${OPINION_TEXT[o]}` },
    });
    at((d += r.int(1, 3)), {
      kind: 't',
      name: 'deliver_review',
      by: holder,
      role: 'supervisor',
      input: { method: r.pick(['当面送达', '邮寄送达']), date: '' },
    });
    if (flow === 'final') {
      at((d += r.int(5, 15)), { kind: 't', name: 'request_recheck', by: holder, role: 'portal', comment: '对复查意见不服，申请复核' });
      const opinion = { opinion: '不予支持', text: '复核意见：维持复查意见，本信访事项复核终结。' };
      if (CITY_BUREAU.test(holder)) {
        // The 复查 was the department's (民政厅): no level above it in the platform, the 复核 goes to 自治区人民政府.
        at((d += r.int(1, 4)), { kind: 't', name: 'refer_recheck', by: holder, role: 'supervisor', input: { body: '宁夏回族自治区人民政府', referredOn: '' } });
        at((d += r.int(15, 25)), { kind: 't', name: 'record_recheck_outcome', by: holder, role: 'supervisor', input: { ...opinion, decidedOn: '' } });
        at((d += r.int(1, 3)), { kind: 't', name: 'deliver_recheck', by: holder, role: 'supervisor', input: { method: '邮寄送达', date: '' } });
      } else {
        at((d += r.int(1, 4)), { kind: 't', name: 'start_recheck', by: holder, role: 'upper' });
        at((d += r.int(10, 25)), { kind: 't', name: 'conclude_recheck', by: holder, role: 'upper', input: opinion });
        at((d += r.int(1, 3)), { kind: 't', name: 'deliver_recheck', by: holder, role: 'upper', input: { method: '邮寄送达', date: '' } });
      }
      return s;
    }
  }
  // 办结 once the 复查 (or 复核) window has run out: 30 日 from receipt, rolled over at most a 春节 or 国庆 week.
  at(d + r.int(42, 50), { kind: 't', name: 'close', by: holder });
  void upper;
  return s;
}

/** A city bureau (e.g. 640100-mzj): its level above is the department, above which the platform has no body. */
const CITY_BUREAU = /^\d{4}00-mzj$/;

/** Moves up to (and including) an open state; used for the petitions still in progress. */
const OPEN_STATES = [
  'registered',
  'handed_off',
  'accepted',
  'simple',
  'handling',
  'drafted',
  'approved',
  'delivered',
  'review_requested',
  'reviewing',
  'reviewed',
  'recheck_requested',
  'rechecking',
] as const;
export type OpenState = (typeof OPEN_STATES)[number];
function openMoves(r: Rng, holder: string, state: OpenState, d: number): PlannedStep[] {
  const full = conclude(
    r,
    holder,
    '',
    state === 'simple' ? 'simple' : state.includes('recheck') || state === 'reviewed' ? 'final' : state.includes('review') ? 'review' : 'self',
    d,
    false,
  );
  const until: Record<OpenState, string | null> = {
    registered: null,
    handed_off: null,
    accepted: 'accept',
    simple: 'simplify',
    handling: 'start',
    drafted: 'draft',
    approved: 'approve',
    delivered: 'deliver',
    review_requested: 'request_review',
    reviewing: 'start_review',
    reviewed: 'conclude_review',
    recheck_requested: 'request_recheck',
    rechecking: 'start_recheck',
  };
  const last = until[state];
  if (!last) return [];
  const i = full.findIndex((x) => x.move.kind === 't' && x.move.name === last);
  return full.slice(0, i + 1);
}

function person(r: Rng, county: string) {
  return {
    name: r.pick(SURNAMES) + r.pick(GIVEN),
    idNumber: demoIdNumber(county, r.int(1940, 1995), r),
    phone: `139${String(r.int(10000000, 99999999))}`,
    address: '宁夏',
  };
}

function matter(r: Rng, subject?: Subject) {
  const s = subject ?? weighted(r, SUBJECT_WEIGHTS);
  const [title, category, content] = r.pick(MATTERS[s]);
  return { subject: s, title, category, content };
}

const countyOf = (area: string) => area.slice(0, 6);
const cityOf = (county: string) => COUNTIES.find((c) => c[0] === county)?.[1] ?? `${county.slice(0, 4)}00`;
const bureau = (area: string) => `${area}-mzj`;

/** The whole plan: department items, lower-level items, open ones in December and recent ones. */
export function demoPlan(opts: { lowerItems?: number } = {}): PlannedPetition[] {
  const r = prng(20191231);
  const plan: PlannedPetition[] = [];
  let key = 0;
  const add = (p: Omit<PlannedPetition, 'key'>) => plan.push({ ...p, key: key++ });

  // 1. The department's 63 (report paragraph). Sources: 40 自治区信访局, 19 民政部, 4 direct.
  // Channels: 44 来信 (38 single + 6 joint letters = 56 人次), 9 来访 (97 人次), 7 网上信访, 3 电话.
  const sources = [...Array(40).fill('自治区信访局'), ...Array(19).fill('民政部'), ...Array(4).fill(null)] as Array<string | null>;
  const channels = [
    ...Array(30).fill('来信'),
    ...Array(6).fill('来访'),
    ...Array(4).fill('网上信访'),
    ...Array(14).fill('来信'),
    ...Array(2).fill('来访'),
    ...Array(3).fill('网上信访'),
    '来访',
    '电话',
    '电话',
    '电话',
  ] as string[];
  const letterPersons = [...Array(38).fill(1), 2, 2, 3, 3, 4, 4];
  const visitPersons = [25, 18, 15, 12, 10, 8, 5, 3, 1];
  // Visits about a county matter reach the department over two levels: 越级 (flagged by detectFlags).
  const skipVisit = new Set([1, 3, 4, 6, 7]);
  let li = 0;
  let vi = 0;
  const deptFlows: Flow[] = [
    ...Array(4).fill('refuse'),
    ...Array(3).fill('review'),
    'final',
    ...Array(4).fill('late'),
    ...Array(14).fill('simple'),
    ...Array(37).fill('self'),
  ];
  for (let i = 0; i < 63; i++) {
    const channel = channels[i]!;
    const source = sources[i];
    const county = r.pick(COUNTIES)[0];
    const persons = channel === '来信' ? letterPersons[li++]! : channel === '来访' ? visitPersons[vi++]! : null;
    const visitIdx = channel === '来访' ? vi - 1 : -1;
    const concerned = channel === '来访' && !skipVisit.has(visitIdx) ? (r.chance(0.5) ? '640000' : cityOf(county)) : r.chance(0.3) ? cityOf(county) : county;
    const m = matter(r);
    const people = persons && persons > 1 ? Array.from({ length: Math.min(persons, 5) }, () => person(r, county)) : [person(r, county)];
    const day = Math.floor((i * 318) / 63) + r.int(0, 3);
    const flow = deptFlows[(i * 37) % 63]!;
    const input: Record<string, unknown> = {
      title: m.title,
      channel,
      category: m.category,
      subject: m.subject,
      concernedAreaCode: concerned,
      content: m.content,
      petitioners: people.map((p, k) => ({ ...p, role: persons && persons > 5 && k < 5 ? '代表' : '信访人' })),
      ...(source ? { sourceBody: source, sourceRef: source === '民政部' ? `民信转〔2019〕${100 + i}号` : `宁信转〔2019〕${300 + i}号` } : {}),
      ...intakeExtras(i, m, county, channel, persons),
      ...(channel === '来访'
        ? { visitBatch: 1, visitPersons: persons, ...(persons! > 5 ? { representatives: 5 } : {}) }
        : channel === '来信'
          ? { visitPersons: persons }
          : {}),
    };
    const steps: PlannedStep[] = [];
    let holder = '640000-mzt-fgc';
    let d = day;
    // About 40 %: 转送 to the city bureau; half of those go on down to the county (each hop signed for).
    const down = flow !== 'refuse' && concerned !== '640000' && r.chance(0.35);
    if (down) {
      const city = bureau(cityOf(county));
      steps.push({ day: (d += r.int(1, 3)), minute: r.int(0, 400), move: { kind: 'handoff', to: city, by: holder, transfer: true } });
      steps.push({ day: (d += r.int(0, 2)), minute: r.int(0, 400), move: { kind: 'ack', by: city } });
      holder = city;
      if (concerned !== cityOf(county) && r.chance(0.55)) {
        steps.push({ day: (d += r.int(1, 3)), minute: r.int(0, 400), move: { kind: 'handoff', to: bureau(county), by: holder, transfer: true } });
        steps.push({ day: (d += r.int(0, 2)), minute: r.int(0, 400), move: { kind: 'ack', by: bureau(county) } });
        holder = bureau(county);
      }
    }
    // 复查/复核 go to the level above the holder: only for items held below the department.
    const f: Flow = (flow === 'review' || flow === 'final') && holder === '640000-mzt-fgc' ? 'self' : flow;
    steps.push(...conclude(r, holder, '', f, d, (persons ?? 1) > 1));
    add({ org: '640000-mzt-fgc', recent: false, day, minute: r.int(0, 400), input, steps });
  }
  // Make sure the department's 复查 and 复核 examples exist: force a few transferred items through them.
  const transferred = plan.filter((p) => p.steps.some((s) => s.move.kind === 'ack'));
  for (const [i, p] of transferred.slice(0, 3).entries()) {
    const holder = [...p.steps].reverse().find((s) => s.move.kind === 'ack')!.move as { by: string };
    const first = p.steps.findIndex((s) => s.move.kind === 't' && s.move.name === 'accept');
    const start = p.steps[first]!.day - 1;
    p.steps = [...p.steps.slice(0, first), ...conclude(r, holder.by, '', i === 0 ? 'final' : 'review', start, false)];
  }

  // 2. Cities, counties and townships (registered there; 2019-01 … 2019-12-20).
  const lower = opts.lowerItems ?? 75;
  const weights = COUNTIES.map(([c, , w]) => [c, w] as [string, number]);
  for (let i = 0; i < lower; i++) {
    const county = i < COUNTIES.length ? COUNTIES[i]![0] : weighted(r, weights);
    const townships = TOWNSHIPS[county];
    const atCity = !townships && i % 9 === 4;
    const atTownship = !!townships && r.chance(0.35);
    const township = townships ? r.pick(townships) : null;
    const org = atCity ? bureau(cityOf(county)) : atTownship ? `${township}-gov` : bureau(county);
    const concerned = atTownship ? township! : townships && r.chance(0.6) ? township! : county;
    const channel = weighted(r, [
      ['来信', 30],
      ['来访', 34],
      ['网上信访', 12],
      ['电话', 12],
      ['上级转来', 12],
    ] as Array<[string, number]>);
    const source =
      channel === '上级转来'
        ? weighted(r, [
            ['12345', 6],
            ['自治区信访局', 3],
            ['其他', 2],
          ] as Array<[string, number]>)
        : channel === '电话' && r.chance(0.4)
          ? '12345'
          : null;
    const persons = channel === '来访' ? (r.chance(0.2) ? r.int(6, 30) : r.int(1, 3)) : channel === '来信' ? (r.chance(0.1) ? r.int(2, 6) : 1) : null;
    const m = matter(r);
    const people = Array.from({ length: Math.min(persons ?? 1, 5) }, () => person(r, county));
    const day = r.int(3, 340);
    const input: Record<string, unknown> = {
      title: m.title,
      channel,
      category: m.category,
      subject: m.subject,
      concernedAreaCode: concerned,
      content: m.content,
      petitioners: people.map((p, k) => ({ ...p, role: (persons ?? 1) > 5 && k < 5 ? '代表' : '信访人' })),
      ...(source ? { sourceBody: source, sourceRef: source === '12345' ? `12345-2019-${String(10000 + i)}` : `转〔2019〕${i}号` } : {}),
      ...intakeExtras(i, m, county, channel, persons),
      ...(channel === '来访'
        ? { visitBatch: 1, visitPersons: persons, ...(persons! > 5 ? { representatives: 5 } : {}) }
        : channel === '来信'
          ? { visitPersons: persons }
          : {}),
    };
    const flow = weighted(r, [
      ['simple', 42],
      ['self', 22],
      ['refuse', 24],
      ['late', 6],
      ['review', 4],
      ['final', 2],
    ] as Array<[Flow, number]>);
    const steps: PlannedStep[] = [];
    let holder = org;
    let d = day;
    if (atCity) {
      steps.push({ day: (d += r.int(1, 3)), minute: r.int(0, 400), move: { kind: 'handoff', to: bureau(county), by: org, transfer: true } });
      steps.push({ day: (d += r.int(0, 2)), minute: r.int(0, 400), move: { kind: 'ack', by: bureau(county) } });
      holder = bureau(county);
    } else if (townships && !atTownship && concerned !== county && r.chance(0.4)) {
      const to = `${concerned}-gov`;
      steps.push({ day: (d += r.int(1, 3)), minute: r.int(0, 400), move: { kind: 'handoff', to, by: org, transfer: false } });
      steps.push({ day: (d += r.int(0, 2)), minute: r.int(0, 400), move: { kind: 'ack', by: to } });
      holder = to;
    }
    // Reviews need a level above the holder inside the tree (a township's county, a county's city).
    steps.push(...conclude(r, holder, '', flow, d, (persons ?? 1) > 1));
    add({ org, recent: false, day, minute: r.int(0, 400), input, steps });
  }

  // Every demo township office handles at least one (the scope tests probe each holder).
  for (const [county, towns] of Object.entries(TOWNSHIPS)) {
    for (const town of towns.slice(0, 1)) {
      const m = matter(r, '低保');
      const day = r.int(20, 300);
      const input = {
        title: m.title,
        channel: '来访',
        category: m.category,
        subject: m.subject,
        concernedAreaCode: town,
        content: m.content,
        petitioners: [person(r, county)],
        visitBatch: 1,
        visitPersons: 1,
      };
      add({ org: `${town}-gov`, recent: false, day, minute: r.int(0, 400), input, steps: conclude(r, `${town}-gov`, '', 'simple', day, false) });
    }
  }

  // 3. 重信重访: the same person on the same matter again, months later (detected at registration).
  const originals = plan.filter((p, i) => i > 63 && i % 8 === 0 && p.day < 250).slice(0, 8);
  for (const o of originals) {
    const first = (o.input.petitioners as Array<Record<string, unknown>>)[0]!;
    const day = Math.min(o.day + r.int(60, 150), 350);
    const input: Record<string, unknown> = {
      ...o.input,
      title: `再次反映：${o.input.title}`,
      content: `再次反映。${o.input.content}`,
      petitioners: [first],
      visitPersons: 1,
      representatives: undefined,
    };
    if (input.channel !== '来访' && input.channel !== '来信') input.channel = '来信';
    add({ org: o.org, recent: false, day, minute: r.int(0, 400), input, steps: conclude(r, o.org, '', r.chance(0.5) ? 'refuse' : 'self', day, false) });
  }

  // 4. Still open at the end of the demo year: one petition in every open state (registered in December).
  const openAt: Array<[OpenState, string, string]> = [
    ['registered', '640302-mzj', '640302'],
    ['handed_off', '640200-mzj', '640221'],
    ['accepted', '640402-mzj', '640402'],
    ['simple', '640105-mzj', '640105'],
    ['handling', '640423-mzj', '640423101'],
    ['drafted', '640104-mzj', '640104002'],
    ['approved', '640522-mzj', '640522'],
    ['delivered', '640181-mzj', '640181'],
    ['review_requested', '640221-mzj', '640221101'],
    ['reviewing', '640324-mzj', '640324'],
    ['reviewed', '640502-mzj', '640502'],
    ['recheck_requested', '640422-mzj', '640422'],
    ['rechecking', '640121-mzj', '640121'],
  ];
  for (const [state, org, concerned] of openAt) {
    const m = matter(r);
    const late = state.includes('review') || state.includes('recheck') || state === 'delivered' || state === 'approved' ? r.int(230, 260) : r.int(335, 352);
    const input = {
      title: m.title,
      channel: r.pick(['来信', '网上信访', '电话']),
      category: m.category,
      subject: m.subject,
      concernedAreaCode: concerned,
      content: m.content,
      petitioners: [person(r, concerned.slice(0, 6))],
    };
    const steps =
      state === 'handed_off'
        ? [{ day: late + 1, minute: 60, move: { kind: 'handoff', to: bureau(concerned), by: org, transfer: true } as Move }]
        : openMoves(r, org, state, late);
    add({ org, recent: false, day: late, minute: r.int(0, 400), input, steps });
  }

  // 5. Recent (relative to today): the demo accounts' worklists have something to do.
  const recent: Array<{ org: string; ago: number; concerned: string; subject: Subject; channel: string; steps: PlannedStep[]; persons?: number }> = [
    { org: '640000-mzt-fgc', ago: 1, concerned: '640104', subject: '低保', channel: '网上信访', steps: [] },
    {
      org: '640000-mzt-fgc',
      ago: 2,
      concerned: '640100',
      subject: '养老服务',
      channel: '来信',
      steps: [{ day: 1, minute: 30, move: { kind: 'handoff', to: '640100-mzj', by: '640000-mzt-fgc', transfer: true } }],
    },
    {
      org: '640100-mzj',
      ago: 2,
      concerned: '640104',
      subject: '特困',
      channel: '来信',
      steps: [{ day: 1, minute: 60, move: { kind: 'handoff', to: '640104-mzj', by: '640100-mzj', transfer: true } }],
    },
    {
      org: '640100-mzj',
      ago: 12,
      concerned: '640106',
      subject: '殡葬',
      channel: '电话',
      steps: [
        { day: 10, minute: 30, move: { kind: 't', name: 'accept', by: '640100-mzj', input: {} } },
        { day: 10, minute: 90, move: { kind: 't', name: 'start', by: '640100-mzj' } },
      ],
    },
    {
      org: '640104-mzj',
      ago: 6,
      concerned: '640104001',
      subject: '低保',
      channel: '来访',
      persons: 8,
      steps: [
        { day: 5, minute: 30, move: { kind: 't', name: 'accept', by: '640104-mzj', input: {} } },
        { day: 5, minute: 60, move: { kind: 't', name: 'start', by: '640104-mzj' } },
      ],
    },
    {
      org: '640104-mzj',
      ago: 20,
      concerned: '640104002',
      subject: '婚姻登记',
      channel: '来信',
      steps: [
        { day: 18, minute: 30, move: { kind: 't', name: 'accept', by: '640104-mzj', input: {} } },
        { day: 18, minute: 60, move: { kind: 't', name: 'start', by: '640104-mzj' } },
        { day: 2, minute: 120, move: { kind: 't', name: 'draft', by: '640104-mzj', input: { opinion: '支持', text: OPINION_TEXT['支持'] } } },
      ],
    },
    { org: '640104-mzj', ago: 4, concerned: '640104', subject: '养老服务', channel: '电话', steps: [] },
    { org: '640423-mzj', ago: 1, concerned: '640423100', subject: '低保', channel: '来访', persons: 3, steps: [] },
    {
      org: '640423-mzj',
      ago: 15,
      concerned: '640423101',
      subject: '特困',
      channel: '来信',
      steps: [
        { day: 13, minute: 30, move: { kind: 't', name: 'accept', by: '640423-mzj', input: {} } },
        { day: 13, minute: 60, move: { kind: 't', name: 'start', by: '640423-mzj' } },
      ],
    },
    {
      org: '640400-mzj',
      ago: 1,
      concerned: '640423',
      subject: '区划地名',
      channel: '来信',
      steps: [{ day: 0, minute: 200, move: { kind: 'handoff', to: '640423-mzj', by: '640400-mzj', transfer: true } }],
    },
  ];
  for (const x of recent) {
    const m = matter(r, x.subject);
    const persons = x.persons ?? 1;
    const input = {
      title: m.title,
      channel: x.channel,
      category: m.category,
      subject: m.subject,
      concernedAreaCode: x.concerned,
      content: m.content,
      petitioners: Array.from({ length: Math.min(persons, 5) }, () => person(r, x.concerned.slice(0, 6))),
      ...(x.channel === '来访' ? { visitBatch: 1, visitPersons: persons, ...(persons > 5 ? { representatives: 5 } : {}) } : {}),
    };
    // For recent items, a step's `day` counts days before today (0 = today), like the registration.
    add({ org: x.org, recent: true, day: x.ago, minute: 0, input, steps: x.steps });
  }
  return plan;
}

export const countyOfArea = countyOf;
