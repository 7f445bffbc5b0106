import { sql, type Kysely } from 'kysely';

export const SAME_FIELDS = { name: '事项名称', typeCode: '事项类型', legalBasis: '法律依据', baseCode: '基本编码' } as const;
export type SameField = keyof typeof SAME_FIELDS;

export type MissingRow = { areaCode: string; areaName: string; baseCode: string; name: string; typeCode: string };
export type DuplicateRow = { areaCode: string; areaName: string; baseCode: string; name: string; implCodes: string[]; offices: string[] };
export type WrongRow = {
  id: string;
  areaCode: string;
  areaName: string;
  officeName: string;
  implCode: string;
  baseCode: string;
  field: SameField;
  fieldLabel: string;
  expected: string | null;
  actual: string;
};
export type DiffReport = {
  area: { code: string; name: string };
  version: { id: string; number: number; title: string };
  summary: { areas: number; rows: number; missing: number; duplicate: number; wrong: number };
  missing: MissingRow[];
  duplicates: DuplicateRow[];
  wrong: WrongRow[];
};

/**
 * 四级四同 check of an area and its sub-areas against one catalogue version. Areas that keep a list
 * (have an implementing office) are checked: 漏项 = an item exercised at the area's level with no
 * active row there; 重项 = an item with more than one active row in one area; 错项 = a row whose
 * name, type or legal basis differs from the catalogue (one line per field), or whose base code the
 * catalogue does not have. Three set queries; no per-row work in JavaScript beyond shaping.
 */
export async function diffArea(db: Kysely<any>, area: { code: string; name: string; path: string }, version: DiffReport['version']): Promise<DiffReport> {
  const like = area.path.replace(/[\\%_]/g, (c) => '\\' + c) + '.%';
  const inArea = (col: string) => sql`(${sql.ref(col)} = ${area.path} or ${sql.ref(col)} like ${like})`;
  const missing = await sql<MissingRow>`
    with areas as (select distinct a.code, a.name, a.level from catalogue.office o join core.area a on a.code = o.area_code where ${inArea('o.area_path')})
    select a.code as "areaCode", a.name as "areaName", c.base_code as "baseCode", c.name, c.type_code as "typeCode"
    from areas a join catalogue.item c on c.version_id = ${version.id} and (a.level + 1)::text = any(c.levels)
    where not exists (select 1 from catalogue.implementation m where m.area_code = a.code and m.base_code = c.base_code and m.status = 'active')
    order by a.code, c.base_code`.execute(db);
  const dups = await sql<DuplicateRow>`
    select m.area_code as "areaCode", min(a.name) as "areaName", m.base_code as "baseCode", min(m.name) as name,
      array_agg(m.impl_code order by m.impl_code) as "implCodes", array_agg(o.name order by m.impl_code) as offices
    from catalogue.implementation m join core.area a on a.code = m.area_code join catalogue.office o on o.id = m.office_id
    where ${inArea('m.area_path')} and m.status = 'active'
    group by m.area_code, m.base_code having count(*) > 1 order by m.area_code, m.base_code`.execute(db);
  const wrong = await sql<{
    id: string;
    areaCode: string;
    areaName: string;
    officeName: string;
    implCode: string;
    baseCode: string;
    name: string;
    typeCode: string;
    legalBasis: string;
    cName: string | null;
    cType: string | null;
    cBasis: string | null;
  }>`
    select m.id, m.area_code as "areaCode", a.name as "areaName", o.name as "officeName", m.impl_code as "implCode", m.base_code as "baseCode",
      m.name, m.type_code as "typeCode", m.legal_basis as "legalBasis", c.name as "cName", c.type_code as "cType", c.legal_basis as "cBasis"
    from catalogue.implementation m
      join core.area a on a.code = m.area_code join catalogue.office o on o.id = m.office_id
      left join catalogue.item c on c.version_id = ${version.id} and c.base_code = m.base_code
    where ${inArea('m.area_path')} and m.status = 'active'
      and (c.id is null or c.name <> m.name or c.type_code <> m.type_code or c.legal_basis <> m.legal_basis)
    order by m.area_code, m.base_code`.execute(db);
  const count = await sql<{
    n: number;
  }>`select count(*)::int as n from catalogue.implementation m where ${inArea('m.area_path')} and m.status = 'active'`.execute(db);
  const wrongRows: WrongRow[] = [];
  for (const r of wrong.rows) {
    const base = { id: r.id, areaCode: r.areaCode, areaName: r.areaName, officeName: r.officeName, implCode: r.implCode, baseCode: r.baseCode };
    const push = (field: SameField, expected: string | null, actual: string) =>
      wrongRows.push({ ...base, field, fieldLabel: SAME_FIELDS[field], expected, actual });
    if (r.cName === null) push('baseCode', null, r.baseCode);
    else {
      if (r.cName !== r.name) push('name', r.cName, r.name);
      if (r.cType !== r.typeCode) push('typeCode', r.cType, r.typeCode);
      if (r.cBasis !== r.legalBasis) push('legalBasis', r.cBasis, r.legalBasis);
    }
  }
  const officeAreas = await sql<{ n: number }>`select count(distinct area_code)::int as n from catalogue.office o where ${inArea('o.area_path')}`.execute(db);
  return {
    area: { code: area.code, name: area.name },
    version,
    summary: {
      areas: officeAreas.rows[0]!.n,
      rows: count.rows[0]!.n,
      missing: missing.rows.length,
      duplicate: dups.rows.length,
      wrong: wrongRows.length,
    },
    missing: missing.rows,
    duplicates: dups.rows,
    wrong: wrongRows,
  };
}
