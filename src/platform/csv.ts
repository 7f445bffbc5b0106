/** RFC 4180 CSV → rows of strings. Accepts a UTF-8 BOM, CRLF or LF, quoted fields with "" escapes. */
export function parseCsv(text: string): string[][] {
  return parseCsvLines(text).map((r) => r.cells);
}

/** Like parseCsv, with the 1-based file line each row starts on; blank lines are skipped. */
export function parseCsvLines(text: string): Array<{ line: number; cells: string[] }> {
  return [...csvRows(text)];
}

/** The rows of a CSV text one at a time (a caller may stop early); blank lines are skipped. */
export function* csvRows(text: string): Generator<{ line: number; cells: string[] }> {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const blank = (cells: string[]) => cells.length === 1 && cells[0] === '';
  let line = 1;
  let start = 1;
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      if (!blank(row)) yield { line: start, cells: row };
      row = [];
      field = '';
      start = ++line;
    } else field += c;
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
