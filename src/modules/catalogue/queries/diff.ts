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
 * catalogue does not have. One statement; an office holds one active row per base code (unique index),
 * so 重项 can only arise in areas with more than one office.
 */
export async function diffArea(db: Kysely<any>, area: { code: string; name: string; path: string }, version: DiffReport['version']): Promise<DiffReport> {
  const like = area.path.replace(/[\\%_]/g, (c) => '\\' + c) + '.%';
  const inArea = (col: string) => sql`(${sql.ref(col)} = ${area.path} or ${sql.ref(col)} like ${like})`;
  // One statement, one scan of the rows: m (the area's active rows) feeds all three checks.
  const r = await sql<{ n: number; areas: number; missing: MissingRow[] | null; dups: DuplicateRow[] | null; wrong: WrongSource[] | null }>`
    with m as materialized (
      select id, office_id, area_code, base_code, impl_code, name, type_code, legal_basis from catalogue.implementation
      where ${inArea('area_path')} and status = 'active'),
    c as materialized (select base_code, name, type_code, legal_basis, levels from catalogue.item where version_id = ${version.id}),
    offices as (select o.id, o.name, o.area_code from catalogue.office o where ${inArea('o.area_path')}),
    areas as (select a.code, a.name, a.level from core.area a where a.code in (select area_code from offices)),
    missing as (
      select a.code, a.name as area_name, c.base_code, c.name, c.type_code
      from areas a join (select base_code, name, type_code, unnest(levels) as lv from c) c on c.lv = (a.level + 1)::text
      where not exists (select 1 from m where m.area_code = a.code and m.base_code = c.base_code)),
    dup_keys as (
      select m.area_code, m.base_code from m where m.area_code in (select area_code from offices group by area_code having count(*) > 1)
      group by m.area_code, m.base_code having count(*) > 1),
    wrong as (
      select m.*, c.name as c_name, c.type_code as c_type, c.legal_basis as c_basis from m left join c on c.base_code = m.base_code
      where c.base_code is null or c.name <> m.name or c.type_code <> m.type_code or c.legal_basis <> m.legal_basis)
    select (select count(*)::int from m) as n, (select count(*)::int from areas) as areas,
      (select json_agg(json_build_object('areaCode', code, 'areaName', area_name, 'baseCode', base_code, 'name', name, 'typeCode', type_code)
        order by code, base_code) from missing) as missing,
      (select json_agg(json_build_object('areaCode', d.area_code, 'areaName', d.area_name, 'baseCode', d.base_code, 'name', d.name,
        'implCodes', d.codes, 'offices', d.offices) order by d.area_code, d.base_code)
        from (select k.area_code, min(a.name) as area_name, k.base_code, min(m.name) as name, array_agg(m.impl_code order by m.impl_code) as codes,
          array_agg(o.name order by m.impl_code) as offices
          from dup_keys k join m on m.area_code = k.area_code and m.base_code = k.base_code join offices o on o.id = m.office_id
          join areas a on a.code = k.area_code group by k.area_code, k.base_code) d) as dups,
      (select json_agg(json_build_object('id', w.id, 'areaCode', w.area_code, 'areaName', a.name, 'officeName', o.name, 'implCode', w.impl_code,
        'baseCode', w.base_code, 'name', w.name, 'typeCode', w.type_code, 'legalBasis', w.legal_basis, 'cName', w.c_name, 'cType', w.c_type,
        'cBasis', w.c_basis) order by w.area_code, w.base_code)
        from wrong w join areas a on a.code = w.area_code join offices o on o.id = w.office_id) as wrong`.execute(db);
  const row = r.rows[0]!;
  const parse = <T>(v: T[] | string | null): T[] => (typeof v === 'string' ? (JSON.parse(v) as T[]) : (v ?? []));
  const wrongRows: WrongRow[] = [];
  for (const w of parse(row.wrong)) {
    const base = { id: w.id, areaCode: w.areaCode, areaName: w.areaName, officeName: w.officeName, implCode: w.implCode, baseCode: w.baseCode };
    const push = (field: SameField, expected: string | null, actual: string) =>
      wrongRows.push({ ...base, field, fieldLabel: SAME_FIELDS[field], expected, actual });
    if (w.cName === null) push('baseCode', null, w.baseCode);
    else {
      if (w.cName !== w.name) push('name', w.cName, w.name);
      if (w.cType !== w.typeCode) push('typeCode', w.cType, w.typeCode);
      if (w.cBasis !== w.legalBasis) push('legalBasis', w.cBasis, w.legalBasis);
    }
  }
  const missing = parse(row.missing);
  const duplicates = parse(row.dups);
  return {
    area: { code: area.code, name: area.name },
    version,
    summary: { areas: row.areas, rows: row.n, missing: missing.length, duplicate: duplicates.length, wrong: wrongRows.length },
    missing,
    duplicates,
    wrong: wrongRows,
  };
}

type WrongSource = {
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
};
