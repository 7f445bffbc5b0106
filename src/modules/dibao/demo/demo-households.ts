import { residentIdCheckChar } from '../../../kernel/codes/index.ts';
import { MATERIALS } from '../contract.ts';

export const SURNAMES = ['马', '杨', '李', '王', '张', '海', '田', '苏', '何', '刘', '赵', '周', '冯', '白', '虎'];
export const GIVEN = ['建国', '秀兰', '志强', '桂花', '文华', '玉梅', '德福', '春燕', '小军', '海燕', '富贵', '丽娟', '永红', '金花', '国庆'];

export type Township = { org: string; village: string; county: string; kind: 'urban' | 'rural' };
export const TOWNSHIPS: Township[] = [
  { org: '640423100-gov', village: '640423100201', county: '640423', kind: 'rural' },
  { org: '640423101-gov', village: '640423101201', county: '640423', kind: 'rural' },
  { org: '640104001-gov', village: '640104001001', county: '640104', kind: 'urban' },
  { org: '640104100-gov', village: '640104100201', county: '640104', kind: 'rural' },
  { org: '640221100-gov', village: '640221100201', county: '640221', kind: 'rural' },
  { org: '640221101-gov', village: '640221101201', county: '640221', kind: 'rural' },
  { org: '640422100-gov', village: '640422100201', county: '640422', kind: 'rural' },
  // 银川市's other districts (non-pilot: the district bureau confirms), so the city sees more than 兴庆区.
  { org: '640105001-gov', village: '640105001001', county: '640105', kind: 'urban' },
  { org: '640105100-gov', village: '640105100201', county: '640105', kind: 'rural' },
  { org: '640106001-gov', village: '640106001001', county: '640106', kind: 'urban' },
  { org: '640106100-gov', village: '640106100201', county: '640106', kind: 'rural' },
];

/** Picks one of xs with the demo's seeded random numbers. */
export const picker =
  (rand: () => number) =>
  <T>(xs: readonly T[]) =>
    xs[Math.floor(rand() * xs.length)]!;

/** Made-up households of a township (1–4 members, valid ID numbers, modest income), numbered in the order made. */
export function householdMaker(rand: () => number) {
  const pick = picker(rand);
  let seq = 0;
  return (t: Township) => {
    seq++;
    const n = 1 + Math.floor(rand() * 4);
    const members = Array.from({ length: n }, (_, i) => {
      const year = i === 0 ? 1950 + Math.floor(rand() * 35) : i === 1 ? 1955 + Math.floor(rand() * 35) : 2000 + Math.floor(rand() * 15);
      const birth = `${year}${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
      const first = `${t.county}${birth}${String(400 + ((seq * 7 + i) % 600)).padStart(3, '0')}`;
      return {
        name: pick(SURNAMES) + pick(GIVEN),
        idNumber: first + residentIdCheckChar(first),
        relation: i === 0 ? '申请人' : i === 1 ? '配偶' : '子女',
        hukouAreaCode: t.county,
        disability: rand() < 0.15 ? '二级' : '无',
        health: rand() < 0.3 ? '慢性病' : '健康',
        workAbility: i === 0 && rand() < 0.4 ? '部分丧失' : '有',
      };
    });
    return {
      areaCode: t.village,
      kind: t.kind,
      address: `${pick(['东', '西', '南', '北'])}街${seq}号`,
      phone: `139${String(10000000 + seq * 7919).slice(0, 8)}`,
      channel: rand() < 0.2 ? '村居代办' : '窗口',
      materials: MATERIALS.slice(0, 6),
      members,
      incomes: [{ memberIndex: 0, kind: pick(['工资性收入', '经营净收入', '转移净收入'] as const), monthlyCents: 5000 * (1 + Math.floor(rand() * 4)) * n }],
      assets: [
        { kind: '住房', description: '自有住房', valueCents: 0, areaM2: 8 * n + Math.floor(rand() * 5) },
        { kind: '存款', description: '银行存款', valueCents: 100000 * Math.floor(rand() * 5) },
      ],
      expenses: rand() < 0.4 ? [{ kind: '医疗', monthlyCents: 5000 + Math.floor(rand() * 10) * 1000 }] : [],
    };
  };
}
