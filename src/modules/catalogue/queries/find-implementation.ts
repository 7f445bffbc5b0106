import { sql, type Kysely } from 'kysely';
import type { DepthLabel, ImplementationSummary } from '../contracts/implementation.ts';

/** Where to look: an office's own list (its org unit) or any list of an area, and the item's base code. */
export type FindImplementationQuery = { orgUnitId: string; baseCode: string } | { areaCode: string; baseCode: string };

type Row = {
  id: string;
  name: string;
  type_code: string;
  base_code: string;
  impl_code: string;
  promise_days: number | null;
  legal_days: number | null;
  depth: string;
  visits: number;
  in_hall: boolean;
  case_kind: string;
  materials: string[];
  office_name: string;
  org_unit_id: string;
  area_code: string;
};

const COLUMNS = sql`i.id, i.name, i.type_code, i.base_code, i.impl_code, i.promise_days, i.legal_days, i.depth, i.visits, i.in_hall,
  i.case_kind, i.materials, o.name as office_name, i.org_unit_id, i.area_code`;

function summary(r: Row): ImplementationSummary {
  return {
    id: r.id,
    name: r.name,
    typeCode: r.type_code,
    baseCode: r.base_code,
    implCode: r.impl_code,
    promiseWorkingDays: r.promise_days,
    legalDays: r.legal_days,
    depth: r.depth as DepthLabel,
    visits: r.visits,
    inHall: r.in_hall,
    caseKind: r.case_kind,
    materials: r.materials ?? [],
    officeName: r.office_name,
    orgUnitId: r.org_unit_id,
    areaCode: r.area_code,
  };
}

/**
 * The active implementation-list row of one item (by 基本编码) at an office or in an area; null
 * when the office or area does not implement it. Stable contract for other modules (the hall).
 * No scope check: the caller decides who may see the result.
 */
export async function findImplementation(db: Kysely<any>, q: FindImplementationQuery): Promise<ImplementationSummary | null> {
  const where = 'orgUnitId' in q ? sql`i.org_unit_id = ${q.orgUnitId}` : sql`i.area_code = ${q.areaCode}`;
  const r = await sql<Row>`select ${COLUMNS} from catalogue.implementation i join catalogue.office o on o.id = i.office_id
    where ${where} and i.base_code = ${q.baseCode} and i.status = 'active' order by i.created_at limit 1`.execute(db);
  return r.rows[0] ? summary(r.rows[0]) : null;
}

/** Every active implementation-list row of an area (that area only, not its subtree), by base code. */
export async function listImplementations(db: Kysely<any>, q: { areaCode: string }): Promise<ImplementationSummary[]> {
  const r = await sql<Row>`select ${COLUMNS} from catalogue.implementation i join catalogue.office o on o.id = i.office_id
    where i.area_code = ${q.areaCode} and i.status = 'active' order by i.base_code, i.impl_code`.execute(db);
  return r.rows.map(summary);
}
