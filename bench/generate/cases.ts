import { uuidFrom } from './sql-helpers.ts';
import { sql, type Kysely } from 'kysely';
import { registeredWorkflows } from '../../src/kernel/workflow/define-workflow.ts';

/** Relative volume of each case type (per mille of all cases); a type not listed gets 5. 低保 and 政务服务 dominate, as in the field. */
const TYPE_WEIGHT: Record<string, number> = {
  dibao: 280,
  'hall.application': 260,
  petition: 110,
  dibao_recheck: 80,
  disclosure_item: 50,
  'hall.complaint': 30,
  disclosure_request: 30,
  orgs_change: 25,
  orgs_establish: 15,
  orgs_deregister: 6,
  community_duty: 12,
  'proposal.part': 15,
  proposal: 10,
  enforcement_penalty: 12,
  normdoc: 5,
  community_station: 5,
};
/** Share of open cases, in percent. */
export const OPEN_PERCENT = 30;

/**
 * The case mix: every registered workflow type with its weight, its open (non-terminal) and closed (terminal) states,
 * as 1,000 slots (bench_gen.kind_slot) a case picks from by a seeded number.
 */
export async function prepareKinds(db: Kysely<any>): Promise<number> {
  const defs = registeredWorkflows();
  const kinds = defs.map((d) => {
    const states = Object.entries(d.states);
    const open = states.filter(([, s]) => !s.terminal).map(([c]) => c);
    const closed = states.filter(([, s]) => s.terminal).map(([c]) => c);
    return { type: d.type, label: d.label, weight: TYPE_WEIGHT[d.type] ?? 5, open: open.length ? open : closed, closed: closed.length ? closed : open };
  });
  const total = kinds.reduce((a, k) => a + k.weight, 0);
  const slots: typeof kinds = [];
  let acc = 0;
  for (const k of kinds) {
    const until = Math.round(((acc += k.weight) / total) * 1000);
    while (slots.length < until) slots.push(k);
  }
  await sql`drop table if exists bench_gen.kind_slot`.execute(db);
  await sql`create table bench_gen.kind_slot (slot int primary key, type text not null, label text not null, open_states text[] not null, closed_states text[] not null)`.execute(
    db,
  );
  await sql`insert into bench_gen.kind_slot values ${sql.join(slots.map((k, i) => sql`(${i}, ${k.type}, ${k.label}, ${k.open}::text[], ${k.closed}::text[])`))}`.execute(
    db,
  );
  return kinds.length;
}

/**
 * Weighted slots of the units that hold cases, per province: a unit appears as often as its weight — skewed (1 + 24u³ for a
 * township office, ×3 a county bureau, ×6 a city's, ×10 the province's), so a few areas carry much of the load.
 * Returns each province's slot count.
 */
export async function prepareCaseSlots(db: Kysely<any>, seed: number): Promise<Map<string, number>> {
  await sql`drop table if exists bench_gen.case_slot`.execute(db);
  await sql`create table bench_gen.case_slot as
    select split_part(o.area_path, '.', 1) as prov,
      (row_number() over (partition by split_part(o.area_path, '.', 1) order by o.id, r) - 1)::int as slot,
      o.id as org_unit_id, o.area_code, o.area_path
    from core.org_unit o join core.area a on a.code = o.area_code
    cross join lateral generate_series(1, ((1 + floor(24 * power(bench_gen.u(a.code::bigint, 10, ${seed}), 3)))
      * case a.level when 1 then 10 when 2 then 6 when 3 then 3 else 1 end)::int) r
    where o.kind <> 'division' and o.active`.execute(db);
  await sql`create index on bench_gen.case_slot (prov, slot)`.execute(db);
  return slotCounts(db, 'case_slot');
}

export async function slotCounts(db: Kysely<any>, table: string): Promise<Map<string, number>> {
  const r = await sql<{ prov: string; n: number }>`select prov, count(*)::int as n from ${sql.table(`bench_gen.${table}`)} group by prov order by prov`.execute(
    db,
  );
  return new Map(r.rows.map((x) => [x.prov, x.n]));
}

/** Split `total` over the provinces in proportion to their slots (largest remainders get the rest). */
export function apportion(total: number, slots: Map<string, number>): Array<[string, number]> {
  const sum = [...slots.values()].reduce((a, b) => a + b, 0);
  const parts = [...slots].map(([p, s]) => ({ p, exact: (total * s) / sum }));
  const out = parts.map((x) => ({ p: x.p, n: Math.floor(x.exact), rest: x.exact - Math.floor(x.exact) }));
  let left = total - out.reduce((a, x) => a + x.n, 0);
  for (const x of [...out].sort((a, b) => b.rest - a.rest)) if (left-- > 0) x.n++;
  return out.map((x) => [x.p, x.n]);
}

/**
 * One province's cases, numbered from + 1 … from + n: a unit by its slot, a type by its per-mille slot, 30% open in one of
 * the type's open states (the rest in a terminal state), registered over the 3 years before `until` (more of them
 * recently), closed 1–90 days later. Reproducible ids (md5 of seed and number). One statement, so the rollup
 * triggers aggregate it once.
 */
export async function insertCases(db: Kysely<any>, o: { seed: number; prov: string; slots: number; from: number; n: number; until: Date }) {
  const u = (stream: number) => sql.raw(`bench_gen.u(g, ${stream}, ${o.seed})`);
  await sql`insert into core.case (id, type, ref_no, title, state, area_code, area_path, org_unit_id, terminal, due_date, created_at, updated_at, closed_at)
    select id, type, ref_no, title, state, area_code, area_path, org_unit_id, not open,
      case when open then (created_at + interval '60 days')::date end, created_at, coalesce(closed_at, created_at), closed_at
    from (select x.*, case when x.open then null else least(x.created_at + (1 + floor(${u(6)} * 90)) * interval '1 day', ${o.until}::timestamptz) end as closed_at
      from (select g, ${uuidFrom(sql`${`${o.seed}:c:`} || g`)} as id, k.type, 'GEN-' || g as ref_no, k.label || '（生成数据）' as title,
          ${u(3)} * 100 < ${OPEN_PERCENT} as open,
          case when ${u(3)} * 100 < ${OPEN_PERCENT} then k.open_states[1 + floor(${u(4)} * cardinality(k.open_states))::int]
            else k.closed_states[1 + floor(${u(4)} * cardinality(k.closed_states))::int] end as state,
          s.area_code, s.area_path, s.org_unit_id,
          ${o.until}::timestamptz - power(${u(5)}, 1.3) * interval '1095 days' as created_at
        from generate_series(${o.from + 1}::bigint, ${o.from + o.n}::bigint) g
        join bench_gen.kind_slot k on k.slot = floor(${u(2)} * 1000)::int
        join bench_gen.case_slot s on s.prov = ${o.prov} and s.slot = floor(${u(1)} * ${o.slots})::int) x) y`.execute(db);
}
