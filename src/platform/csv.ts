/** RFC 4180 CSV → rows of strings. Accepts a UTF-8 BOM, CRLF or LF, quoted fields with "" escapes. */
export function parseCsv(text: string): string[][] {
  return parseCsvLines(text).map((r) => r.cells);
}

/** Like parseCsv, with the 1-based file line each row starts on; blank lines are skipped. */
export function parseCsvLines(text: string): Array<{ line: number; cells: string[] }> {
  return [...csvRows(text)];
}

/**
 * The rows of a CSV text one at a time (a caller may stop early); blank lines are skipped.
 * Runs of plain characters are sliced, not copied character by character (a 20 MB roster).
 */
export function* csvRows(text: string): Generator<{ line: number; cells: string[] }> {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const blank = (cells: string[]) => cells.length === 1 && cells[0] === '';
  const special = /[",\r\n]/g;
  let line = 1;
  let start = 1;
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < s.length) {
    if (quoted) {
      const q = s.indexOf('"', i);
      const end = q < 0 ? s.length : q;
      for (let n = s.indexOf('\n', i); n >= 0 && n < end; n = s.indexOf('\n', n + 1)) line++;
      field += s.slice(i, end);
      if (q < 0) break;
      if (s[q + 1] === '"') {
        field += '"';
        i = q + 2;
      } else {
        quoted = false;
        i = q + 1;
      }
      continue;
    }
    special.lastIndex = i;
    const m = special.exec(s);
    const at = m ? m.index : s.length;
    field += s.slice(i, at);
    if (!m) break;
    const c = s[at]!;
    i = at + 1;
    if (c === '"') {
      if (field === '') quoted = true;
      else field += c;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else {
      if (c === '\r' && s[i] === '\n') i++;
      row.push(field);
      if (!blank(row)) yield { line: start, cells: row };
      row = [];
      field = '';
      start = ++line;
    }
  }
  if (field !== '' || row.length) {
    row.push(field);
    if (!blank(row)) yield { line: start, cells: row };
  }
}

/** CSV with a header row → records keyed by header name; `line` is the 1-based line in the file. */
export function parseCsvRecords(text: string): { header: string[]; records: Array<{ line: number; values: Record<string, string> }> } {
  const [header, ...rest] = parseCsvLines(text);
  const names = (header?.cells ?? []).map((h) => h.trim());
  return {
    header: names,
    records: rest.map((r) => ({ line: r.line, values: Object.fromEntries(names.map((n, j) => [n, (r.cells[j] ?? '').trim()])) })),
  };
}

/** Quote a value for CSV output. */
export function csvCell(v: unknown): string {
  const s = v == null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
