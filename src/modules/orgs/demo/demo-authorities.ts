import type { DemoAuthority } from './demo-orgs.ts';

const CITIES: Array<[string, string, Array<[string, string]>]> = [
  [
    '640100',
    '银川市',
    [
      ['640104', '兴庆区'],
      ['640105', '西夏区'],
      ['640106', '金凤区'],
      ['640121', '永宁县'],
      ['640122', '贺兰县'],
      ['640181', '灵武市'],
    ],
  ],
  [
    '640200',
    '石嘴山市',
    [
      ['640202', '大武口区'],
      ['640205', '惠农区'],
      ['640221', '平罗县'],
    ],
  ],
  [
    '640300',
    '吴忠市',
    [
      ['640302', '利通区'],
      ['640303', '红寺堡区'],
      ['640323', '盐池县'],
      ['640324', '同心县'],
      ['640381', '青铜峡市'],
    ],
  ],
  [
    '640400',
    '固原市',
    [
      ['640402', '原州区'],
      ['640422', '西吉县'],
      ['640423', '隆德县'],
      ['640424', '泾源县'],
      ['640425', '彭阳县'],
    ],
  ],
  [
    '640500',
    '中卫市',
    [
      ['640502', '沙坡头区'],
      ['640521', '中宁县'],
      ['640522', '海原县'],
    ],
  ],
];

/** The registering authorities of the demo: the 民政厅, five city and 22 district/county 民政局 (org-units.csv). */
export const DEMO_AUTHORITIES: DemoAuthority[] = [
  { orgUnitCode: '640000-mzt', areaCode: '640000', chain: ['宁夏回族自治区'] },
  ...CITIES.flatMap(([code, name, counties]) => [
    { orgUnitCode: `${code}-mzj`, areaCode: code, chain: ['宁夏回族自治区', name] },
    ...counties.map(([c, n]) => ({ orgUnitCode: `${c}-mzj`, areaCode: c, chain: ['宁夏回族自治区', name, n] })),
  ]),
];
