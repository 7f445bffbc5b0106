import type { OrgKind, Rating } from '../contract.ts';
import { makeUscc } from '../registry/make-uscc.ts';
import { shortAreaName } from '../names/name-rules.ts';
import { mulberry32 } from '../../../kernel/sampling/index.ts';

/**
 * The demo registry (pure, deterministic): about 300 organizations across the region, the five
 * cities and their districts and counties, named by the name rules and coded with valid USCCs.
 */
export type DemoAuthority = { orgUnitCode: string; areaCode: string; chain: string[] };
export type DemoOrg = {
  orgUnitCode: string;
  areaCode: string;
  kind: OrgKind;
  name: string;
  uscc: string;
  supervisorUnit: string | null;
  domicile: string;
  legalRepresentative: string;
  businessScope: string;
  capitalCents: number;
  charity: boolean;
  publicFundraising: boolean;
  rating: Rating | null;
  ratingFrom: string | null;
  ratingUntil: string | null;
  registeredOn: string;
  certificateNo: string;
};

const GROUP_TOPICS: Array<[string, string, string]> = [
  ['书法家', '协会', '文化和旅游'],
  ['摄影家', '协会', '文化和旅游'],
  ['作家', '协会', '文化和旅游'],
  ['音乐家', '协会', '文化和旅游'],
  ['美术家', '协会', '文化和旅游'],
  ['老年体育', '协会', '体育'],
  ['足球', '协会', '体育'],
  ['篮球', '协会', '体育'],
  ['乒乓球', '协会', '体育'],
  ['围棋', '协会', '体育'],
  ['太极拳', '协会', '体育'],
  ['登山', '协会', '体育'],
  ['集邮', '协会', '文化和旅游'],
  ['楹联', '学会', '文化和旅游'],
  ['诗词', '学会', '文化和旅游'],
  ['民俗', '研究会', '文化和旅游'],
  ['餐饮', '商会', '商务'],
  ['枸杞产业', '协会', '农业农村'],
  ['葡萄酒产业', '协会', '农业农村'],
  ['滩羊产业', '协会', '农业农村'],
  ['电子商务', '协会', '商务'],
  ['家庭教育', '研究会', '教育'],
  ['心理卫生', '协会', '卫生健康'],
  ['中医药', '学会', '卫生健康'],
  ['科普', '协会', '科学技术'],
  ['青年企业家', '协会', '工商业联合会'],
  ['志愿服务', '联合会', '民政'],
  ['社会工作', '协会', '民政'],
  ['养老服务', '促进会', '民政'],
  ['物业管理', '协会', '住房和城乡建设'],
];
const BRANDS = ['阳光', '启明', '博爱', '仁和', '康乐', '春晖', '同心', '长青', '明德', '爱心', '星光', '黄河', '塞上', '朔方', '丝路', '金秋'];
const SERVICES: Array<[string, string]> = [
  ['社会工作服务中心', '民政'],
  ['养老服务中心', '民政'],
  ['职业技能培训学校', '人力资源和社会保障'],
  ['康复中心', '卫生健康'],
  ['幼儿园', '教育'],
  ['文化艺术培训学校', '教育'],
  ['青少年活动中心', '教育'],
  ['残疾人托养中心', '残疾人联合会'],
  ['心理咨询服务中心', '卫生健康'],
];
const FOUNDATION_TOPICS = ['教育发展', '慈善', '助学', '文化发展', '青少年发展', '见义勇为', '老龄事业发展', '妇女儿童发展', '生态环境保护', '体育发展'];
const SURNAMES = '马王李张杨刘陈赵海田周丁苏何罗';
const GIVEN = ['建国', '文华', '海燕', '志明', '玉兰', '德福', '晓东', '红梅', '国庆', '丽华', '小兰', '文斌', '玉芳', '建平', '海霞', '学军'];

/** How many of each kind an authority registers, by level (1 自治区, 2 市, 3 县区). */
const PLAN: Record<number, { group: number; service: number; foundation: number }> = {
  1: { group: 22, service: 10, foundation: 8 },
  2: { group: 9, service: 5, foundation: 1 },
  3: { group: 5, service: 3, foundation: 0 },
};

const pad = (n: number) => String(n).padStart(2, '0');

export function demoOrganizations(authorities: readonly DemoAuthority[]): DemoOrg[] {
  const out: DemoOrg[] = [];
  let seq = 700000;
  authorities.forEach((a, ai) => {
    const rand = mulberry32(1000 + ai);
    const level = a.chain.length;
    const plan = PLAN[level]!;
    const own = a.chain.at(-1)!;
    // One region prefix: the region's （宁夏 / 宁夏回族自治区）, or the city's or county's own name — never “银川市永宁县…”.
    const prefix = (i: number) => (level === 1 ? (i % 2 ? '宁夏' : '宁夏回族自治区') : own);
    const city = level >= 2 ? a.chain[1]! : '银川市';
    const supervisorOf = (dept: string) => `${level === 1 ? '自治区' : own}${dept}${/联合会$/.test(dept) ? '' : level === 1 ? '厅' : '局'}`;
    const person = () => `${SURNAMES[Math.floor(rand() * SURNAMES.length)]}${GIVEN[Math.floor(rand() * GIVEN.length)]}`;
    const day = () => `${1996 + Math.floor(rand() * 23)}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}`;
    let certificate = 0;
    const push = (kind: OrgKind, name: string, dept: string, scope: string, capitalYuan: number) => {
      const registeredOn = day();
      const rated = rand() < 0.25;
      const ratingYear = 2016 + Math.floor(rand() * 4);
      const stars = 1 + Math.floor(rand() * 5);
      const charity = kind === 'foundation' || rand() < 0.08;
      out.push({
        orgUnitCode: a.orgUnitCode,
        areaCode: a.areaCode,
        kind,
        name,
        uscc: makeUscc(kind, a.areaCode, ++seq),
        supervisorUnit: supervisorOf(dept),
        domicile: `${city}${level === 3 ? own : ''}${['文化', '解放', '北京', '正源', '鼓楼', '新华'][Math.floor(rand() * 6)]}街${1 + Math.floor(rand() * 200)}号`,
        legalRepresentative: person(),
        businessScope: scope,
        capitalCents: capitalYuan * 100,
        charity,
        publicFundraising: charity && kind === 'foundation' && registeredOn < '2017-01-01' && rand() < 0.6,
        rating: rated ? (`${stars}A` as Rating) : null,
        ratingFrom: rated ? `${ratingYear}-12-01` : null,
        ratingUntil: rated ? `${ratingYear + 5}-11-30` : null,
        registeredOn,
        certificateNo: `${shortAreaName(own)}社证字〔${registeredOn.slice(0, 4)}〕第${++certificate}号`,
      });
    };
    const topics = [...GROUP_TOPICS].sort(() => rand() - 0.5).slice(0, plan.group);
    topics.forEach(([topic, suffix, dept], i) =>
      push('social_group', `${prefix(i)}${topic}${suffix}`, dept, `${topic}领域的学术交流、培训、咨询服务`, 30_000 + Math.floor(rand() * 20) * 10_000),
    );
    const pairs = BRANDS.flatMap((b) => SERVICES.map((s) => [b, s] as const)).sort(() => rand() - 0.5);
    const usedServices = new Set<string>();
    let made = 0;
    for (const [brand, [service, dept]] of pairs) {
      if (made >= plan.service) break;
      if (usedServices.has(brand)) continue;
      usedServices.add(brand);
      push(
        'social_service',
        `${prefix(made)}${brand}${service}`,
        dept,
        `${service.replace(/（中心|学校|幼儿园）$/, '')}服务`,
        30_000 + Math.floor(rand() * 50) * 10_000,
      );
      made++;
    }
    [...FOUNDATION_TOPICS]
      .sort(() => rand() - 0.5)
      .slice(0, plan.foundation)
      .forEach((topic, i) =>
        push('foundation', `${prefix(i)}${topic}基金会`, '民政', `资助${topic.replace(/发展$/, '')}公益项目`, level === 1 ? 4_000_000 : 2_000_000),
      );
  });
  return out;
}
