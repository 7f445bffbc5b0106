/**
 * Legal bases written as 「《社会团体登记管理条例》第三条、第六条」 link to the reference texts
 * (../shared/reference/laws/, file `名称(YYYY-MM-DD).md`). Pure, so the console uses it too.
 */

/** The legal texts of the reference library a record may name by file (without .md). */
export const REFERENCE_LAWS = [
  '行政处罚法(2021-01-22)',
  '社会救助暂行办法(2019-03-02)',
  '社会团体登记管理条例(2016-02-06)',
  '基金会管理条例(2004-03-08)',
  '民办非企业单位登记管理暂行条例(1998-10-25)',
  '城市居民最低生活保障条例(1999-09-28)',
  '政府信息公开条例(2019-04-03)',
  '信访条例(2005-01-10)',
  '行政区划管理条例(2018-10-10)',
  '优化营商环境条例(2019-10-22)',
] as const;

export type BasisPiece = { text: string; ref?: string; article?: string };

const CN = '零〇一二三四五六七八九十百千';
const ARTICLE = `第[${CN}]+条(?:之[${CN}]+)?(?:第[${CN}]+款)?(?:第[（(]?[${CN}]+[）)]?项)?`;
const LAW = new RegExp(`《([^》]{2,60})》((?:${ARTICLE}[、，,和及至]?)*)`, 'g');
const FIRST_ARTICLE = new RegExp(`^第[${CN}]+条(?:之[${CN}]+)?`);

/** A law's name without the 中华人民共和国 prefix (the library's files omit it). */
const bare = (name: string) => name.replace(/^中华人民共和国/, '').trim();

/** The reference file for a law's name: the same name, the newest edition when several are kept. */
export function referenceFor(name: string, available: readonly string[]): string | undefined {
  const want = bare(name);
  return available
    .filter((ref) => bare(ref.replace(/\(\d{4}-\d{2}-\d{2}\)$/, '')) === want)
    .sort()
    .at(-1);
}

/**
 * A legal basis cut into pieces: plain text, and each 《law》 with the articles after it — linked
 * (`ref`, and `article`: the first article named, the place to open at) where the library has the text.
 */
export function basisPieces(basis: string, available: readonly string[]): BasisPiece[] {
  const out: BasisPiece[] = [];
  let at = 0;
  for (const m of basis.matchAll(LAW)) {
    if (m.index > at) out.push({ text: basis.slice(at, m.index) });
    const ref = referenceFor(m[1]!, available);
    const article = m[2] ? FIRST_ARTICLE.exec(m[2])?.[0] : undefined;
    out.push(ref ? { text: m[0], ref, ...(article ? { article } : {}) } : { text: m[0] });
    at = m.index + m[0].length;
  }
  if (at < basis.length) out.push({ text: basis.slice(at) });
  return out;
}
