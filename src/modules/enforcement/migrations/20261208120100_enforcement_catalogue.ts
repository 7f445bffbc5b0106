import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

const ST = '《社会团体登记管理条例》';
const MF = '《民办非企业单位登记管理暂行条例》';

/**
 * Reference data: the 民政 penalty power items this platform handles, each with its 裁量基准 tiers
 * (regulations.md §5.2, the 浙江 example's shape) and whether the 法制审核目录清单 lists it
 * (§5.1 C: 撤销登记 / 限期停止活动 and fines at the catalogue's threshold are "major"). The
 * thresholds are local rules (⚠️L): an administrator edits these rows, never the code.
 */
const ITEMS: Array<[string, string, string, boolean, string | null, number | null]> = [
  [
    'MZ-XZCF-001',
    '社会团体超出章程规定的宗旨和业务范围进行活动',
    `${ST}第三十条第一款第(二)项`,
    false,
    '罚款 ≥ 50000 元或限期停止活动、撤销登记时须审核',
    50000,
  ],
  ['MZ-XZCF-002', '社会团体不按照规定接受监督检查(含未参加年度检查)', `${ST}第三十条第一款第(三)项`, false, '限期停止活动、撤销登记时须审核', null],
  [
    'MZ-XZCF-003',
    '社会团体违反国家有关规定收取费用、筹集资金或者接受、使用捐赠、资助',
    `${ST}第三十条第一款第(八)项、第二款`,
    false,
    '罚款 ≥ 50000 元或限期停止活动、撤销登记时须审核',
    50000,
  ],
  ['MZ-XZCF-004', '社会团体自取得登记证书之日起 1 年未开展活动', `${ST}第二十九条`, true, '撤销登记一律审核', null],
  [
    'MZ-XZCF-005',
    '民办非企业单位超出章程规定的宗旨和业务范围进行活动',
    `${MF}第二十五条第一款第(二)项`,
    false,
    '罚款 ≥ 50000 元或限期停止活动、撤销登记时须审核',
    50000,
  ],
];

const TIERS: Array<[string, number, string, string[], number | null, number | null]> = [
  ['MZ-XZCF-001', 1, '初次违法，危害后果轻微并及时改正', ['警告'], null, null],
  ['MZ-XZCF-001', 2, '有违法所得，情节一般', ['警告', '没收违法所得', '罚款'], 0, 30000],
  ['MZ-XZCF-001', 3, '有违法所得，情节较重', ['没收违法所得', '罚款', '限期停止活动'], 30000, 100000],
  ['MZ-XZCF-001', 4, '情节严重', ['撤销登记', '没收违法所得'], null, null],
  ['MZ-XZCF-002', 1, '逾期未改正，情节一般', ['警告'], null, null],
  ['MZ-XZCF-002', 2, '连续两年未参加年度检查', ['限期停止活动'], null, null],
  ['MZ-XZCF-002', 3, '连续三年未参加年度检查或拒不接受检查', ['撤销登记'], null, null],
  ['MZ-XZCF-003', 1, '违法所得 1 万元以下，及时退还', ['警告', '没收违法所得'], null, null],
  ['MZ-XZCF-003', 2, '违法所得 1 万元以上不足 5 万元', ['没收违法所得', '罚款'], 30000, 150000],
  ['MZ-XZCF-003', 3, '违法所得 5 万元以上或拒不改正', ['没收违法所得', '罚款', '限期停止活动'], 150000, 250000],
  ['MZ-XZCF-004', 1, '1 年未开展活动', ['撤销登记'], null, null],
  ['MZ-XZCF-005', 1, '初次违法，危害后果轻微并及时改正', ['警告'], null, null],
  ['MZ-XZCF-005', 2, '有违法所得，情节一般', ['警告', '没收违法所得', '罚款'], 0, 30000],
  ['MZ-XZCF-005', 3, '情节严重', ['限期停止活动', '撤销登记'], null, null],
];

export const enforcementCatalogue: Migration = {
  async up(db: Kysely<unknown>) {
    for (const [code, name, basis, listed, rule, hearingFine] of ITEMS)
      await sql`insert into enforcement.power_item (code, name, basis, review_listed, review_rule, hearing_fine)
        values (${code}, ${name}, ${basis}, ${listed}, ${rule}, ${hearingFine})`.execute(db);
    for (const [code, tier, circumstance, kinds, min, max] of TIERS)
      await sql`insert into enforcement.discretion_tier (power_code, tier, circumstance, kinds, fine_min, fine_max)
        values (${code}, ${tier}, ${circumstance}, ${kinds}::text[], ${min}, ${max})`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`delete from enforcement.discretion_tier`.execute(db);
    await sql`delete from enforcement.power_item`.execute(db);
  },
};
