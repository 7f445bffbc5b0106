/**
 * The report's 43 行政执法人员 (17 of them applicants for the 2019 qualification exam), spread
 * over the 民政厅 and six city/county bureaus. Certificate numbers: the unit's area code + a serial.
 * Names are invented. `user` links an officer to a demo account (they act on cases).
 */
export type DemoOfficer = {
  org: string;
  name: string;
  validTo: string;
  status?: 'suspended' | 'revoked';
  user?: string;
  reviewer?: string;
  exam?: boolean;
  hours: number;
};

const SURNAMES = '马王李张刘杨海田苏何赵周陈吴丁金黄';
const GIVEN = ['建华', '文斌', '小燕', '志刚', '玉兰', '国庆', '红霞', '德胜', '海波', '丽娟', '永平', '秀英', '学军', '春梅', '占福', '晓东'];

const UNITS: Array<[string, number]> = [
  ['640000-mzt-shzzj', 12],
  ['640000-mzt-fgc', 3],
  ['640100-mzj', 5],
  ['640104-mzj', 4],
  ['640422-mzj', 5],
  ['640423-mzj', 4],
  ['640221-mzj', 4],
  ['640300-mzj', 3],
  ['640200-mzj', 3],
];

const LINKED: Record<string, Partial<DemoOfficer>> = {
  '640000-mzt-fgc:0': { user: 'nx-fgc', name: '李文静', reviewer: 'A20176400000012' },
  '640000-mzt-fgc:1': { user: 'nx-fgc-lead', name: '王志强', reviewer: 'A20156400000031' },
  '640104-mzj:0': { user: 'xq-mzj', name: '刘海燕' },
  '640104-mzj:1': { user: 'xq-mzj-lead', name: '陈国庆', reviewer: 'A20186401040007' },
  '640422-mzj:0': { user: 'xj-mzj', name: '何建平' },
  '640422-mzj:1': { user: 'xj-mzj-lead', name: '马德福', reviewer: 'A20196404220003' },
  '640423-mzj:0': { user: 'ld-mzj', name: '杨志明' },
  '640221-mzj:0': { user: 'pl-mzj', name: '赵红梅' },
};

export function demoOfficers(): DemoOfficer[] {
  const out: DemoOfficer[] = [];
  let n = 0;
  for (const [org, count] of UNITS)
    for (let i = 0; i < count; i++, n++) {
      const base: DemoOfficer = {
        org,
        name: `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 7) % GIVEN.length]}`,
        // Most valid to 2028; every seventh expires within the warning window; two lost theirs.
        validTo: n % 7 === 3 ? '2027-01-15' : '2028-12-31',
        exam: n % 2 === 1 && out.filter((o) => o.exam).length < 17,
        hours: 24 + (n % 4) * 8,
        ...(n === 26 ? { status: 'suspended' as const } : n === 35 ? { status: 'revoked' as const } : {}),
      };
      out.push({ ...base, ...LINKED[`${org}:${i}`] });
    }
  return out;
}
