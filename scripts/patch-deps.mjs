// Run by npm after install: mends a known bug in a dependency, idempotently.
//
// exceljs 4.4.0 streaming reader (lib/utils/parse-sax.js) decodes every unzipped chunk to text on its
// own, so a Chinese character split across two 16 KB chunks becomes two U+FFFD (exceljs issues 2063,
// 2084, 2316; PR 1665, unmerged). Our xlsx imports read uploads with that reader, so a name in a
// 实施清单, 低保 roster or station file could be corrupted. The mend keeps one streaming TextDecoder per
// parse, which carries an incomplete character over to the next chunk.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const file = path.join(import.meta.dirname, '..', 'node_modules', 'exceljs', 'lib', 'utils', 'parse-sax.js');
const BROKEN = '    saxesParser.write(bufferToString(chunk));';
const MENDED = "    saxesParser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, {stream: true})); // minzheng: patch-deps.mjs";
const DECODER = "  const decoder = new TextDecoder('utf-8'); // minzheng: patch-deps.mjs";

if (!existsSync(file)) {
  console.error(`patch-deps: ${file} not found; exceljs changed, check whether the multi-byte mend is still needed`);
  process.exit(1);
}
const src = readFileSync(file, 'utf8');
if (src.includes(MENDED)) process.exit(0);
if (!src.includes(BROKEN)) {
  console.error('patch-deps: exceljs parse-sax.js is not the expected 4.4.0 text; check whether the multi-byte mend is still needed');
  process.exit(1);
}
let out = src.replace(BROKEN, MENDED);
if (!out.includes(DECODER)) out = out.replace('  const saxesParser = new SaxesParser();', `  const saxesParser = new SaxesParser();\n${DECODER}`);
writeFileSync(file, out);
console.log('patch-deps: exceljs streaming reader decodes UTF-8 across chunk boundaries');
