import { ITEM_TYPES, LEVELS, baseCodeProblem, implCodeProblem, type ItemTypeCode } from '../contracts/codes.ts';
import { LocalFields } from '../contracts/implementation.ts';
import { LIST_HEADERS, type ListHeader } from './list-columns.ts';

export type CatalogueItem = { base_code: string; name: string; type_code: string; legal_basis: string; levels: string[] };
export type ImportOffice = { name: string; uscc: string; level: string };
export type ListRow = { rowNo: number; values: Record<string, string> };
export type CheckedRow = {
  rowNo: number;
  values: Record<string, string>;
  errors: string[];
  baseCode: string;
  fields: LocalFields | null;
  /** The row is the office's stored row, unchanged: nothing to write, and its own fields are not checked again. */
  unchanged: boolean;
};

const same = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
const TYPE_BY_LABEL = new Map(Object.entries(ITEM_TYPES).map(([code, label]) => [label as string, code]));
const int = (s: string) => (s === '' ? null : /^-?\d+$/.test(s) ? Number(s) : Number.NaN);

/** The office's own fields of a row, as LocalFields input (the same checks as editing one row). */
function localFields(v: Record<string, string>, errors: string[]): LocalFields | null {
  const num = (h: ListHeader) => {
    const n = int(v[h] ?? '');
    if (Number.isNaN(n)) errors.push(`「${h}」应为整数，实为“${v[h]}”`);
    return n;
  };
  const hall = v['是否进驻大厅'] ?? '';
  if (!['是', '否'].includes(hall)) errors.push(`「是否进驻大厅」应为“是”或“否”${hall ? `，实为“${hall}”` : ''}`);
  const raw = {
    acceptConditions: v['受理条件'] ?? '',
    materials: (v['申请材料'] ?? '')
      .split(/[、\n;;]/)
      .map((m) => m.trim())
      .filter(Boolean),
    legalDays: num('法定时限（日）'),
    promiseDays: num('承诺时限（工作日）'),
    caseKind: v['办件类型'] || undefined,
    depth: v['办理深度'] || undefined,
    visits: v['跑动次数'] === '' ? Number.NaN : num('跑动次数'),
    fee: v['收费'] || '不收费',
    serviceWindow: v['窗口'] || null,
    inHall: hall === '是',
  };
  if (!v['办件类型']) errors.push('「办件类型」必须填写（即办件或承诺件）');
  if (!v['办理深度']) errors.push('「办理深度」必须填写');
  if (v['跑动次数'] === '') errors.push('「跑动次数」必须填写');
  if (errors.length) return null;
  const p = LocalFields.safeParse(raw);
  if (!p.success) {
    errors.push(...p.error.issues.map((i) => i.message));
    return null;
  }
  const f = p.data;
  if (f.caseKind === '承诺件' && f.promiseDays === null) errors.push('承诺件须填写「承诺时限（工作日）」');
  if (f.promiseDays !== null && f.legalDays !== null && f.promiseDays > f.legalDays) errors.push('「承诺时限」不能长于「法定时限」');
  if (f.depth === '全程网办' && f.visits > 0) errors.push('全程网办的事项「跑动次数」应为0');
  return errors.length ? null : f;
}

/**
 * Every row of an office's list file checked against the catalogue in force: the 31-character
 * 实施编码 (this office's USCC and level, the row's base code), the item exercised at this level,
 * the four same elements (name, type, legal basis, base code) equal to the catalogue, the local
 * fields and their time limits, and no base code twice. Each problem is a sentence in Chinese.
 */
export function checkListRows(
  rows: ListRow[],
  office: ImportOffice,
  items: Map<string, CatalogueItem>,
  stored: Map<string, Record<string, string>> = new Map(),
): CheckedRow[] {
  const seen = new Map<string, number>();
  return rows.map(({ rowNo, values: v }) => {
    const errors: string[] = [];
    const baseCode = (v['基本编码'] ?? '').toUpperCase();
    const code = (v['实施编码'] ?? '').toUpperCase();
    const item = items.get(baseCode);
    if (!baseCode) errors.push('「基本编码」必须填写');
    else if (baseCodeProblem(baseCode)) errors.push(baseCodeProblem(baseCode)!);
    else if (!item) errors.push(`「基本编码」${baseCode} 不在现行基本目录中`);
    else if (!item.levels.includes(office.level)) errors.push(`「基本编码」${baseCode}（${item.name}）不在${LEVELS[office.level as '4']}行使`);
    if (baseCode && seen.has(baseCode)) errors.push(`「基本编码」${baseCode} 与第 ${seen.get(baseCode)} 行重复`);
    else if (baseCode) seen.set(baseCode, rowNo);
    if (!code) errors.push('「实施编码」必须填写');
    else if (implCodeProblem(code)) errors.push(`「实施编码」${implCodeProblem(code)}`);
    else {
      if (code.slice(0, 18) !== office.uscc)
        errors.push(`「实施编码」前18位 ${code.slice(0, 18)} 不是本实施主体（${office.name}）的统一社会信用代码 ${office.uscc}`);
      if (code[18] !== office.level) errors.push(`「实施编码」第19位行使层级应为 ${office.level}（${LEVELS[office.level as '4']}），实为 ${code[18]}`);
      if (baseCode && code.slice(19) !== baseCode) errors.push(`「实施编码」后12位 ${code.slice(19)} 与「基本编码」${baseCode} 不一致`);
    }
    if (item) {
      if (!same(v['事项名称'] ?? '', item.name)) errors.push(`「事项名称」与基本目录不一致（目录为“${item.name}”）`);
      const t = v['事项类型'] ?? '';
      const typeCode = t in ITEM_TYPES ? t : (TYPE_BY_LABEL.get(t) ?? t.padStart(2, '0'));
      if (typeCode !== item.type_code) errors.push(`「事项类型」与基本目录不一致（目录为 ${item.type_code} ${ITEM_TYPES[item.type_code as ItemTypeCode]}）`);
      if (!same(v['设定依据'] ?? '', item.legal_basis)) errors.push(`「设定依据」与基本目录不一致（目录为“${item.legal_basis}”）`);
    }
    // A row downloaded and sent back as it is stays as it is (a list generated from the catalogue
    // may hold rows the office has yet to complete); only new and changed rows must be complete.
    const before = stored.get(baseCode);
    const unchanged = !!before && LIST_HEADERS.every((h) => same(v[h] ?? '', before[h] ?? ''));
    const local: string[] = [];
    const fields = unchanged ? null : localFields(v, local);
    errors.push(...local);
    return { rowNo, values: v, errors, baseCode, fields: errors.length ? null : fields, unchanged };
  });
}
