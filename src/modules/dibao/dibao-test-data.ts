import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { residentIdCheckChar } from '../../kernel/codes/index.ts';

/** A valid 18-digit 身份证号 from area, birth date (YYYYMMDD) and a 3-digit sequence. */
export const residentId = (area: string, birth: string, seq: string) => {
  const first = `${area}${birth}${seq}`;
  return first + residentIdCheckChar(first);
};

/**
 * Standards the tests need (the money side owns the real ones): county level, effective 2026-01-01 by
 * default — later than the demo's 示例 standards (2019, 2020) in the test template, so they govern the
 * tests' 2026 clock.
 */
export async function insertTestStandards(ctx: AppContext, rows: Array<{ area: string; kind: 'urban' | 'rural'; cents: number; from?: string }>) {
  for (const r of rows) {
    await sql`insert into dibao.standard (id, area_code, kind, effective_from, monthly_cents, document, is_demo) values (${uuidv7()}, ${r.area}, ${r.kind}, ${r.from ?? '2026-01-01'}::date, ${r.cents}, '测试标准', true)
      on conflict (area_code, kind, effective_from) do update set monthly_cents = excluded.monthly_cents`.execute(ctx.db);
  }
}

/** (seq 1–28 gives distinct people.) A three-person rural household: 600 元 wage, 150 元 medical expenses, 1 万 deposit, 40 ㎡ house. */
export function sampleApplication(area: string, seq: number, overrides: Record<string, unknown> = {}) {
  const county = area.slice(0, 6);
  const s = String(seq).padStart(2, '0');
  return {
    areaCode: area,
    kind: 'rural',
    address: `测试村 ${seq} 号`,
    phone: '13912345678',
    channel: '窗口',
    materials: ['低保申请书', '户口簿', '共同生活家庭成员身份证', '家庭收入情况说明', '家庭财产情况说明', '家庭经济状况核对授权书'],
    members: [
      { name: `马${s}强`, idNumber: residentId(county, `197503${s}`, '101'), relation: '申请人', hukouAreaCode: county, workAbility: '有' },
      {
        name: `李${s}花`,
        idNumber: residentId(county, `197805${s}`, '202'),
        relation: '配偶',
        hukouAreaCode: county,
        health: '慢性病',
        workAbility: '部分丧失',
      },
      { name: `马${s}宝`, idNumber: residentId(county, `201009${s}`, '301'), relation: '子女', hukouAreaCode: county },
    ],
    incomes: [{ memberIndex: 0, kind: '工资性收入', monthlyCents: 60000, source: '务工' }],
    assets: [
      { kind: '存款', description: '银行存款', valueCents: 1_000_000 },
      { kind: '住房', description: '自建房', valueCents: 0, areaM2: 40 },
    ],
    expenses: [{ kind: '医疗', monthlyCents: 15000, note: '慢性病自付' }],
    ...overrides,
  };
}
