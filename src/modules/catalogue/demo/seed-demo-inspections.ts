import { sql } from 'kysely';
import type { AppContext, Clock } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { chinaMidnight } from '../../../platform/china-time.ts';
import { orgCodeCheckChar, usccCheckChar } from '../../../kernel/codes/index.ts';
import { demoActor, demoUnit, demoUnits, demoUserId, type Actor } from '../../../kernel/identity/index.ts';
import { enterInspection, reviewInspection } from '../commands/inspection-entry.ts';

/** A valid USCC of a social organization (5 民政, 机构类别 1 社会团体 / 2 民办非企业单位 / 3 基金会). */
function orgUscc(area6: string, kind: '1' | '2' | '3', seq: number): string {
  const org8 = `MJ${area6.slice(2, 6)}${String(seq).padStart(2, '0')}`;
  const first17 = `5${kind}${area6}${org8}${orgCodeCheckChar(org8)}`;
  return first17 + usccCheckChar(first17);
}

type DemoCheck = {
  office: string;
  /** Which of the office's approved 检查实施清单 items (in code order). */
  item: number;
  day: string;
  party: string;
  kind: '1' | '2' | '3';
  area: string;
  result: string;
  measures?: string;
  review: { approve: boolean; note?: string } | null;
};

/**
 * 2019 检查行为 on 互联网+监管 at the region, 银川市 and 兴庆区 (the offices with approved 检查实施清单 items), the
 * parties spread over several districts so that a city user sees several; most approved, one 退回, one awaiting review.
 */
const CHECKS: DemoCheck[] = [
  {
    office: '640000-mzt',
    item: 0,
    day: '2019-09-10',
    party: '宁夏回族自治区摄影艺术协会',
    kind: '1',
    area: '640104',
    result: '未发现问题',
    review: { approve: true },
  },
  {
    office: '640000-mzt',
    item: 4,
    day: '2019-09-24',
    party: '宁夏回族自治区养生保健协会',
    kind: '1',
    area: '640302',
    result: '发现问题：未按规定报送2018年度工作报告',
    measures: '责令限期整改，30日内补报年度工作报告',
    review: { approve: true },
  },
  {
    office: '640100-mzj',
    item: 0,
    day: '2019-10-15',
    party: '银川市金凤区书画研究会',
    kind: '1',
    area: '640106',
    result: '未发现问题',
    review: { approve: true },
  },
  {
    office: '640100-mzj',
    item: 4,
    day: '2019-10-22',
    party: '银川市西夏区阳光职业技能培训学校',
    kind: '2',
    area: '640105',
    result: '发现问题：超出章程规定的业务范围开展活动',
    measures: '责令改正，约谈法定代表人',
    review: { approve: true },
  },
  {
    office: '640100-mzj',
    item: 5,
    day: '2019-11-05',
    party: '永宁县闽宁镇老年人协会',
    kind: '1',
    area: '640121',
    result: '未发现问题',
    review: { approve: false, note: '检查结果未写明检查内容，请补充后重新报送。' },
  },
  {
    office: '640104-mzj',
    item: 0,
    day: '2019-11-12',
    party: '银川市兴庆区康乐居家养老服务中心',
    kind: '2',
    area: '640104',
    result: '未发现问题',
    review: { approve: true },
  },
  {
    office: '640104-mzj',
    item: 2,
    day: '2019-12-03',
    party: '银川市兴庆区启明社会工作服务中心',
    kind: '2',
    area: '640104',
    result: '发现问题：财务管理制度不健全',
    measures: '责令限期整改',
    review: null,
  },
];

/**
 * The 2019 检查行为 demo through the console's commands (entry with officers picked from the certified ones, then
 * review by another person). They need enforcement's officers, whose demo is seeded after this module's, so the
 * enforcement module's demo calls this once its officers exist. Idempotent.
 */
export async function seedDemoInspections(ctx: AppContext): Promise<{ skipped: boolean; records: number }> {
  if ((await sql`select 1 from catalogue.inspection_record where number like 'JC-2019-%' limit 1`.execute(ctx.db)).rows.length)
    return { skipped: true, records: 0 };
  let t = 0;
  const clock: Clock = { now: () => new Date(t) };
  return withTx({ ...ctx, clock }, async (tx) => {
    const units = await demoUnits(tx);
    const actor = (code: string, who: string, n: number, permissions: string[]): Actor => {
      const o = demoUnit(units, code);
      return demoActor(o, { displayName: `${o.name}${who}`, userId: demoUserId(n), permissions, assignmentId: `demo-inspection-${code}-${n}` });
    };
    let records = 0;
    for (const [i, c] of CHECKS.entries()) {
      const unit = units.get(c.office);
      if (!unit) continue;
      const items = (
        await sql<{ code: string; name: string }>`select s.code, s.name from catalogue.supervision_item s join catalogue.office o on o.id = s.office_id
          where o.org_unit_id = ${unit.id} and s.kind = '检查实施清单' and s.status = 'approved' order by s.code`.execute(tx.db)
      ).rows;
      // The officers of the office's unit (the region's: its 社会组织管理局) with a certificate valid on the day.
      const officers = (
        await sql<{ id: string }>`select f.id from enforcement.officer f join core.org_unit u on u.id = f.org_unit_id
          where (u.code = ${c.office} or u.code = ${c.office + '-shzzj'}) and f.status = 'valid' and f.valid_from <= ${c.day}::date and f.valid_to >= ${c.day}::date
          order by f.cert_no limit 2 offset ${i % 2}`.execute(tx.db)
      ).rows;
      const item = items[c.item];
      if (!item || officers.length < 2) continue;
      const enterer = actor(c.office, '监管事项录入人', 80 + i, ['catalogue.supervise', 'enforcement.read']);
      const reviewer = actor(c.office, '监管事项审核人', 90 + i, ['catalogue.supervise_review']);
      const checked = chinaMidnight(c.day).getTime() + 9.5 * 3_600_000;
      t = checked + 2 * 86_400_000; // 报送 two days after the check
      const r = await enterInspection(tx, enterer, {
        number: `JC-2019-${c.office.slice(0, 6)}-${String(i + 1).padStart(3, '0')}`,
        name: `2019年${item.name.replace(/^对/, '').replace(/的检查$/, '')}双随机抽查`,
        inspectionCode: item.code,
        objectType: '社会组织',
        objectName: c.party,
        partyName: c.party,
        partyNature: '法人',
        partyIdType: '统一社会信用代码',
        partyCode: orgUscc(c.area, c.kind, i + 1),
        areaCode: c.area,
        checkForm: '现场检查',
        checkCategory: '双随机抽查',
        checkMethod: '现场检查',
        checkResult: c.result,
        measures: c.measures ?? null,
        checkedAt: new Date(checked).toISOString(),
        officerIds: officers.map((o) => o.id),
      });
      records++;
      if (!c.review) continue;
      t += 86_400_000;
      await reviewInspection(tx, reviewer, r.id, { approve: c.review.approve, note: c.review.note ?? null });
    }
    return { skipped: false, records };
  });
}
