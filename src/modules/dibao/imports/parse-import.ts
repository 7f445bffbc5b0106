import type ExcelJS from 'exceljs';
import { csvRows } from '../../../platform/csv.ts';
import { readSheet, SheetUnreadable, xlsxRows } from '../../../platform/sheet-rows.ts';
import { badRequest } from '../../../platform/errors.ts';
import { validateResidentId } from '../../../kernel/codes/index.ts';
import type { MemberTable } from '../db.ts';

/**
 * Roster import (存量名册导入): reading an xlsx/csv into rows and validating each row on its own
 * (pure; the database checks — existing members, scope — come after, in import-roster.ts).
 * One row per person; the household is the group of rows sharing 户主身份证号, and its
 * household-level fields are read from the 户主 row.
 */
export const IMPORT_COLUMNS = [
  { header: '序号', required: false, note: '可选' },
  { header: '户主姓名', required: true, note: '每行填写所属家庭的户主姓名' },
  { header: '户主身份证号', required: true, note: '18 位，同一户各行相同；请将单元格设为文本格式' },
  { header: '成员姓名', required: true, note: '本行人员姓名（户主行填户主本人）' },
  { header: '身份证号', required: true, note: '本行人员身份证号，18 位' },
  { header: '与户主关系', required: true, note: '户主（本人）、配偶、子女、父母、祖父母、孙子女、兄弟姐妹、其他' },
  { header: '户籍地区划代码', required: true, note: '户主行必填：乡镇（街道）9 位或村（社区）12 位代码，也可填县（区）6 位代码' },
  { header: '城乡类别', required: true, note: '户主行必填：城市 或 农村' },
  { header: '保障人数', required: true, note: '户主行必填：享受保障的人数' },
  { header: '月保障金额（元）', required: true, note: '户主行必填：全户每月金额，最多两位小数' },
  { header: '保障起始月份', required: true, note: '户主行必填：如 2019-03' },
  { header: '地址', required: true, note: '户主行必填：家庭住址' },
  { header: '是否享受保障', required: false, note: '可选：是/否，空白视为 是' },
] as const;
export const REQUIRED_HEADERS = IMPORT_COLUMNS.filter((c) => c.required).map((c) => c.header);

export type RawRow = { rowNo: number; values: Record<string, string> };
export type ParsedFile = { kind: 'xlsx' | 'csv'; header: string[]; rows: RawRow[] };

type Relation = MemberTable['relation'];
const RELATIONS: Record<string, Relation> = {
  户主: '申请人',
  本人: '申请人',
  申请人: '申请人',
  配偶: '配偶',
  妻: '配偶',
  夫: '配偶',
  妻子: '配偶',
  丈夫: '配偶',
  子女: '子女',
  子: '子女',
  女: '子女',
  儿子: '子女',
  女儿: '子女',
  长子: '子女',
  次子: '子女',
  长女: '子女',
  次女: '子女',
  父母: '父母',
  父亲: '父母',
  母亲: '父母',
  父: '父母',
  母: '父母',
  祖父母: '祖父母',
  祖父: '祖父母',
  祖母: '祖父母',
  孙子女: '孙子女',
  孙子: '孙子女',
  孙女: '孙子女',
  兄弟姐妹: '兄弟姐妹',
  兄: '兄弟姐妹',
  弟: '兄弟姐妹',
  姐: '兄弟姐妹',
  妹: '兄弟姐妹',
  其他: '其他',
};
const KINDS: Record<string, 'urban' | 'rural'> = { 城市: 'urban', 城镇: 'urban', 城: 'urban', 农村: 'rural', 乡村: 'rural', 农: 'rural' };

export const MAX_IMPORT_ROWS = 300_000;

/**
 * Read an uploaded file (by extension/content) into header + rows; 400 when unreadable, when columns
 * are missing or when it holds more than MAX_IMPORT_ROWS rows. Both formats are read row by row and
 * reading stops at the limit, so an oversized workbook costs no more memory than the limit.
 */
export async function readImportFile(fileName: string, bytes: Buffer): Promise<ParsedFile> {
  const isZip = bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  const lower = fileName.toLowerCase();
  let kind: ParsedFile['kind'];
  let sheet: Awaited<ReturnType<typeof readSheet>>;
  if (isZip || lower.endsWith('.xlsx')) {
    if (!isZip) throw badRequest('IMPORT_FILE_INVALID', '「file」不是有效的 xlsx 文件', { field: 'file' });
    kind = 'xlsx';
    try {
      sheet = await readSheet(xlsxRows(bytes, cellText), MAX_IMPORT_ROWS);
    } catch (e) {
      if (e instanceof SheetUnreadable) throw badRequest('IMPORT_FILE_INVALID', '「file」xlsx 文件无法读取', { field: 'file', reason: e.message });
      throw e;
    }
    if (!sheet.header.length) throw badRequest('IMPORT_FILE_EMPTY', '「file」文件中没有工作表', { field: 'file' });
  } else if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
    const text = bytes.toString('utf8');
    if (text.includes('\uFFFD'))
      throw badRequest('IMPORT_FILE_ENCODING', '「file」CSV 文件须为 UTF-8 编码（可在 Excel 中另存为「CSV UTF-8」）', { field: 'file' });
    kind = 'csv';
    sheet = await readSheet(csvRows(text), MAX_IMPORT_ROWS);
  } else {
    throw badRequest('IMPORT_FILE_TYPE', '「file」仅支持 xlsx 或 csv 文件', { field: 'file' });
  }
  if (sheet.overLimit) throw badRequest('IMPORT_TOO_MANY_ROWS', `「file」一次最多导入 ${MAX_IMPORT_ROWS} 行`, { field: 'file' });
  const parsed: ParsedFile = { kind, header: sheet.header, rows: sheet.records.map((r) => ({ rowNo: r.line, values: r.values })) };
  const missing = REQUIRED_HEADERS.filter((h) => !parsed.header.includes(h));
  if (missing.length) throw badRequest('IMPORT_COLUMNS_MISSING', `「file」缺少列：${missing.join('、')}（请使用导入模板）`, { field: 'file', missing });
  if (!parsed.rows.length) throw badRequest('IMPORT_FILE_EMPTY', '「file」文件中没有数据行', { field: 'file' });
  return parsed;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) >= 1e15 ? `#NUMBER:${v}` : String(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
  }
  return String(v);
}

export type ValidRow = {
  rowNo: number;
  headId: string;
  headName: string;
  name: string;
  id: string;
  relation: Relation;
  sex: '男' | '女';
  birthDate: string;
  insured: boolean;
  /** Household fields, on the 户主 row only. */
  household?: { areaCode: string; kind: 'urban' | 'rural'; insuredPersons: number; amountCents: number; benefitFrom: string; address: string };
};
export type RowCheck = { rowNo: number; values: Record<string, string>; errors: string[]; row: ValidRow | null };

/** 月保障金额（元） → 分, exactly (no floating point): digits with at most two decimals, > 0. */
export function parseYuan(s: string): number | null {
  const m = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(s.replace(/,/g, ''));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 保障起始月份: 2019-03, 2019-3, 2019/03, 2019-03-01, 2019年3月, 201903 → '2019-03-01'. */
export function parseMonth(s: string): string | null {
  const m = /^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*(?:月|[-/.]\d{1,2}(?:日)?)?|(\d{2}))$/.exec(s.trim());
  if (!m) return null;
  const mm = Number(m[2] ?? m[3]);
  if (mm < 1 || mm > 12 || Number(m[1]) < 1990 || Number(m[1]) > 2100) return null;
  return `${m[1]}-${String(mm).padStart(2, '0')}-01`;
}

/**
 * Row-by-row validation (required fields, ID check digit, relation, area code form, kind,
 * insured persons, amount, month); `area` says whether a code is known and in the importer's
 * scope (null = fine, else the error text).
 */
export function validateRows(rows: readonly RawRow[], opts: { today: string; area: (code: string) => string | null }): RowCheck[] {
  // 户主身份证号 repeats on every row of a household: validate each distinct one once.
  const heads = new Map<string, { errors: string[]; r: ReturnType<typeof checkId> }>();
  const checkHead = (raw: string, errors: string[]) => {
    let h = heads.get(raw);
    if (!h) {
      const e: string[] = [];
      h = { errors: e, r: checkId('户主身份证号', raw, opts.today, e) };
      heads.set(raw, h);
    }
    if (!errors.length) errors.push(...h.errors);
    return h.r;
  };
  return rows.map((r) => {
    const v = r.values;
    const errors: string[] = [];
    const need = (h: string) => {
      if (!v[h]) errors.push(`「${h}」不能为空`);
      return v[h] ?? '';
    };
    const headName = need('户主姓名');
    const headIdRaw = need('户主身份证号');
    const name = need('成员姓名');
    const idRaw = need('身份证号');
    const relRaw = need('与户主关系');
    const id = checkId('身份证号', idRaw, opts.today, errors);
    const headId = headIdRaw ? (headIdRaw === idRaw ? (id ?? checkHead(headIdRaw, errors)) : checkHead(headIdRaw, errors)) : null;
    const relation = relRaw ? RELATIONS[relRaw] : undefined;
    if (relRaw && !relation) errors.push(`「与户主关系」「${relRaw}」不可识别（应为 户主、配偶、子女、父母 等）`);
    if (name.length > 50) errors.push('「成员姓名」过长');
    const insuredRaw = v['是否享受保障'] ?? '';
    if (insuredRaw && !['是', '否', 'Y', 'N'].includes(insuredRaw)) errors.push('「是否享受保障」应为 是 或 否');
    let household: ValidRow['household'];
    const isHead = relation === '申请人';
    if (isHead) {
      if (id && headId && id.id !== headId.id) errors.push('户主行的「身份证号」应与「户主身份证号」相同');
      const areaCode = need('户籍地区划代码');
      const kindRaw = need('城乡类别');
      const personsRaw = need('保障人数');
      const amountRaw = need('月保障金额（元）');
      const fromRaw = need('保障起始月份');
      const address = need('地址');
      let areaOk = false;
      if (areaCode) {
        if (!/^(\d{6}|\d{9}|\d{12})$/.test(areaCode)) errors.push(`「户籍地区划代码」「${areaCode}」格式不正确（应为 6、9 或 12 位数字）`);
        else {
          const e = opts.area(areaCode);
          if (e) errors.push(e);
          else areaOk = true;
        }
      }
      const kind = kindRaw ? KINDS[kindRaw] : undefined;
      if (kindRaw && !kind) errors.push(`「城乡类别」「${kindRaw}」应为 城市 或 农村`);
      const persons = /^\d{1,2}$/.test(personsRaw) ? Number(personsRaw) : NaN;
      if (personsRaw && !(persons >= 1 && persons <= 20)) errors.push(`「保障人数」「${personsRaw}」应为 1–20 的整数`);
      const cents = amountRaw ? parseYuan(amountRaw) : null;
      if (amountRaw && cents === null) errors.push(`「月保障金额（元）」「${amountRaw}」不是金额（数字，最多两位小数）`);
      else if (amountRaw && cents !== null && cents <= 0) errors.push('「月保障金额（元）」应大于零');
      const from = fromRaw ? parseMonth(fromRaw) : null;
      if (fromRaw && !from) errors.push(`「保障起始月份」「${fromRaw}」格式不正确（如 2019-03）`);
      if (areaOk && kind && persons >= 1 && cents && from && address)
        household = { areaCode, kind, insuredPersons: persons, amountCents: cents, benefitFrom: from, address: address.slice(0, 200) };
    }
    const ok = errors.length === 0 && id && headId && relation;
    return {
      rowNo: r.rowNo,
      values: v,
      errors,
      row: ok
        ? {
            rowNo: r.rowNo,
            headId: headId.id,
            headName,
            name,
            id: id.id,
            relation,
            sex: id.sex,
            birthDate: id.birthDate,
            insured: !['否', 'N'].includes(insuredRaw),
            household,
          }
        : null,
    };
  });
}

function checkId(field: string, raw: string, today: string, errors: string[], quiet = false): { id: string; sex: '男' | '女'; birthDate: string } | null {
  if (!raw) return null;
  if (raw.startsWith('#NUMBER:')) {
    errors.push(`「${field}」被 Excel 存成了数字（末几位已丢失），请将该列设为文本格式后重新填写`);
    return null;
  }
  const r = validateResidentId(raw.toUpperCase(), { today });
  if (!r.valid) {
    if (!quiet || !errors.length) errors.push(`「${field}」${raw}：${r.reason.replace(/^身份证号(码)?/, '')}`);
    return null;
  }
  if (r.parts.legacy) {
    errors.push(`「${field}」请使用 18 位身份证号`);
    return null;
  }
  return { id: r.id, sex: r.parts.sex, birthDate: r.parts.birthDate };
}

/**
 * Rows → households: a household is accepted only when all its rows are valid, it has exactly
 * one 户主 row, and the 保障人数 equals its members marked 享受保障. Otherwise each of its rows
 * gets an error naming why (the rows' own errors come first). Also marks 身份证号 repeated in the file.
 */
export function groupHouseholds(checks: RowCheck[]): Array<{ head: ValidRow; members: ValidRow[] }> {
  const seen = new Map<string, number[]>();
  for (const c of checks) {
    const id = (c.row?.id ?? c.values['身份证号'] ?? '').toUpperCase();
    if (id) {
      const at = seen.get(id);
      if (at) at.push(c.rowNo);
      else seen.set(id, [c.rowNo]);
    }
  }
  for (const c of checks) {
    const id = (c.row?.id ?? c.values['身份证号'] ?? '').toUpperCase();
    const at = id ? seen.get(id)! : [];
    if (at.length > 1) {
      c.errors.push(`「身份证号」在文件中重复出现（第 ${at.join('、')} 行）`);
      c.row = null;
    }
  }
  const groups = new Map<string, RowCheck[]>();
  for (const c of checks) {
    const key = (c.row?.headId ?? c.values['户主身份证号'] ?? '').toUpperCase() || `#row${c.rowNo}`;
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
  }
  const out: Array<{ head: ValidRow; members: ValidRow[] }> = [];
  for (const g of groups.values()) {
    const heads = g.filter((c) => c.values['与户主关系'] && RELATIONS[c.values['与户主关系']!] === '申请人');
    let why: string | null = null;
    if (heads.length === 0) why = '同户未找到户主行（与户主关系为「户主」的行），整户未导入';
    else if (heads.length > 1) why = `同户有多个户主行（第 ${heads.map((h) => h.rowNo).join('、')} 行），整户未导入`;
    else if (g.some((c) => !c.row))
      why = `同户第 ${g
        .filter((c) => !c.row)
        .map((c) => c.rowNo)
        .join('、')} 行有错误，整户未导入`;
    else {
      const head = heads[0]!.row!;
      const insured = g.filter((c) => c.row!.insured).length;
      if (!head.household) why = '户主行信息不完整，整户未导入';
      else if (head.household.insuredPersons !== insured)
        why = `「保障人数」${head.household.insuredPersons} 与本户享受保障的成员 ${insured} 人不一致，整户未导入`;
    }
    if (why) {
      const derived = why.startsWith('同户第');
      for (const c of g) {
        // "another row of the household is wrong" goes only to the rows that are fine themselves.
        if (!derived || c.errors.length === 0) c.errors.push(why);
        c.row = null;
      }
      continue;
    }
    const head = heads[0]!.row!;
    out.push({ head, members: [head, ...g.filter((c) => c.row !== head).map((c) => c.row!)] });
  }
  return out;
}
