import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { uuidv7 } from '../../../platform/ids.ts';

/**
 * 示例数据: 2019 保障标准 for every city of Ningxia (and a few counties), urban and rural, and the
 * 2020 increases. The figures are plausible for Ningxia in 2019–2020 (城市 ≈ 580–620 元/人·月,
 * 农村 ≈ 4,140–4,500 元/人·年, i.e. 345–375 元/人·月) but are NOT the published standards:
 * every row is is_demo and its document says 示例数据. Amounts in 分 per person per month.
 */
export const DEMO_STANDARDS: Array<{
  area: string;
  kind: 'urban' | 'rural';
  from: string;
  cents: number;
  method?: 'banded';
  bands?: Array<{ belowCents: number; perPersonCents: number }>;
}> = [
  // 2019
  { area: '640100', kind: 'urban', from: '2019-01-01', cents: 62000 },
  { area: '640100', kind: 'rural', from: '2019-01-01', cents: 37500 },
  { area: '640200', kind: 'urban', from: '2019-01-01', cents: 58000 },
  { area: '640200', kind: 'rural', from: '2019-01-01', cents: 34500 },
  { area: '640300', kind: 'urban', from: '2019-01-01', cents: 58000 },
  { area: '640300', kind: 'rural', from: '2019-01-01', cents: 34500 },
  { area: '640400', kind: 'urban', from: '2019-01-01', cents: 58000 },
  { area: '640400', kind: 'rural', from: '2019-01-01', cents: 34500 },
  { area: '640500', kind: 'urban', from: '2019-01-01', cents: 58000 },
  { area: '640500', kind: 'rural', from: '2019-01-01', cents: 34500 },
  // A few counties with their own figure (the nearest area wins); 隆德县's rural standard is banded (分档) as an example.
  { area: '640104', kind: 'urban', from: '2019-01-01', cents: 63000 },
  { area: '640221', kind: 'rural', from: '2019-01-01', cents: 35500 },
  {
    area: '640423',
    kind: 'rural',
    from: '2019-01-01',
    cents: 34500,
    method: 'banded',
    bands: [
      { belowCents: 10000, perPersonCents: 30000 },
      { belowCents: 20000, perPersonCents: 20000 },
      { belowCents: 34500, perPersonCents: 10000 },
    ],
  },
  // 2020 increases
  { area: '640100', kind: 'urban', from: '2020-01-01', cents: 66000 },
  { area: '640100', kind: 'rural', from: '2020-01-01', cents: 41000 },
  { area: '640200', kind: 'urban', from: '2020-01-01', cents: 62000 },
  { area: '640200', kind: 'rural', from: '2020-01-01', cents: 38000 },
  { area: '640300', kind: 'urban', from: '2020-01-01', cents: 62000 },
  { area: '640300', kind: 'rural', from: '2020-01-01', cents: 38000 },
  { area: '640400', kind: 'urban', from: '2020-01-01', cents: 62000 },
  { area: '640400', kind: 'rural', from: '2020-01-01', cents: 38000 },
  { area: '640500', kind: 'urban', from: '2020-01-01', cents: 62000 },
  { area: '640500', kind: 'rural', from: '2020-01-01', cents: 38000 },
  { area: '640104', kind: 'urban', from: '2020-01-01', cents: 67000 },
  { area: '640221', kind: 'rural', from: '2020-01-01', cents: 39000 },
  {
    area: '640423',
    kind: 'rural',
    from: '2020-01-01',
    cents: 38000,
    method: 'banded',
    bands: [
      { belowCents: 12000, perPersonCents: 33000 },
      { belowCents: 24000, perPersonCents: 22000 },
      { belowCents: 38000, perPersonCents: 11000 },
    ],
  },
];

/** Idempotent: rows already present (same area, kind, date) are left alone. */
export async function seedDibaoStandardsDemo(ctx: AppContext): Promise<{ inserted: number }> {
  let inserted = 0;
  for (const s of DEMO_STANDARDS) {
    const r = await sql`insert into dibao.standard (id, area_code, kind, effective_from, monthly_cents, method, bands, min_cents, document, is_demo)
      select ${uuidv7()}, ${s.area}, ${s.kind}, ${s.from}::date, ${s.cents}, ${s.method ?? 'difference'}, cast(${s.bands ? JSON.stringify(s.bands) : null} as jsonb), 1000,
             ${`示例数据（非正式公布标准）：${s.from.slice(0, 4)}年度城乡低保标准`}, true
      where exists (select 1 from core.area where code = ${s.area})
      on conflict (area_code, kind, effective_from) do nothing`.execute(ctx.db);
    inserted += Number(r.numAffectedRows ?? 0);
  }
  return { inserted };
}
