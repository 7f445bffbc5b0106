import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SyntaxKind, type Node, type SourceFile } from 'typescript/unstable/ast';
import { skipTrivia } from 'typescript/unstable/ast/scanner';
import { API } from 'typescript/unstable/sync';
import { describe, expect, it } from 'vitest';

// Issue 19: full-width punctuation in all Chinese text users read. A half-width , ; : ? ! ( ) right
// next to a Chinese character is a typo in 中文 (「依据(第三条)」 should be 「依据（第三条）」).
const ROOT = path.resolve(import.meta.dirname, '../..');
const CJK = '\\u3400-\\u9fff';
const BAD = new RegExp(`[${CJK}][,;:?!()]|[,;:?!()][${CJK}]`);

type Hit = { file: string; line: number; text: string };
const rel = (f: string) => path.relative(ROOT, f);

/** Lines of the text that may hold a violation; `keep` blanks what is code, not text (line numbers stay). */
function scan(file: string, keep: (src: string) => string): Hit[] {
  const lines = keep(readFileSync(file, 'utf8')).split('\n');
  return lines.flatMap((text, i) => (BAD.test(text) ? [{ file: rel(file), line: i + 1, text: text.trim() }] : []));
}
const blank = (s: string) => s.replace(/[^\n]/g, '');
function walk(dir: string, match: (f: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const f = path.join(dir, e.name);
    return e.isDirectory() ? walk(f, match) : match(f) ? [f] : [];
  });
}

/** A message file's Chinese block: `export const zh = {` up to `export const en` (else the whole file); comments are code. */
const zhBlock = (src: string) => {
  const start = src.search(/export const zh\b/);
  const end = src.indexOf('export const en');
  const zh = src.slice(start < 0 ? 0 : start, end < 0 ? undefined : end);
  return blank(src.slice(0, start < 0 ? 0 : start)) + zh.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, blank) + blank(end < 0 ? '' : src.slice(end));
};
/** Portal HTML as the citizen reads it: no scripts, styles or comments. */
const htmlText = (src: string) => src.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<!--[\s\S]*?-->/g, blank);
/** Server problem titles: the Chinese string literals handed to AppError / badRequest / notFound / conflict. */
const problemTitles = (src: string) =>
  src
    .split('\n')
    .map((l) => (/new AppError\(|badRequest\(|notFound\(|conflict\(|forbidden\(/.test(l) ? (l.match(/'[^']*'|`[^`]*`/g) ?? []).join(' ') : ''))
    .join('\n');

/**
 * Workflow definitions and contract vocabularies as users read them: only the string literals
 * (state, step and clock labels, vocabulary words, zod messages); keys, code and comments are blanked.
 */
const literals = (src: string) =>
  src.replace(/\/\*[\s\S]*?\*\/|\/\/.*$|('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`)|[^\n]/gm, (m, lit?: string) => (lit ? lit : blank(m)));
/**
 * Files holding workflow definitions and steps (defineWorkflow, transition, action), contract vocabularies, module
 * manifests (permission labels) and the kernel's permission catalogue and roles.
 */
const vocabularyFile = (f: string) =>
  /[\\/]src[\\/](modules|kernel)[\\/].*([\\/]contracts?[\\/]|[\\/]contract\.ts$|workflow[^\\/]*\.ts$)/.test(f) ||
  /[\\/]src[\\/](modules[\\/][^\\/]+[\\/]index|kernel[\\/]identity[\\/]permissions)\.ts$/.test(f) ||
  (f.includes(`${path.sep}modules${path.sep}`) && /defineWorkflow\(|\b(transition|action)\(\{/.test(readFileSync(f, 'utf8')));

/**
 * A plain string literal holding Chinese is text someone reads (a label, a message, a route's summary, a CLI line), but
 * an English sentence may gloss a term in half-width parentheses (「the portal (文书查验)」), and a reference text is
 * named by its file, 「行政处罚法(2021-01-22)」.
 */
const ENGLISH_GLOSS = /(?<=[A-Za-z] )\([\u3400-\u9fff][^()]*\)/g;
const FILE_NAME = /^'[^'()]+\(\d{4}-\d{2}-\d{2}\)'$/;
const stringText = (literal: string) => (FILE_NAME.test(literal) || REGEX_SOURCE.test(literal) ? '' : literal.replace(ENGLISH_GLOSS, ''));

/**
 * Text built in template literals and JSX (`督办:${ref}`, `${PART_ROLE_LABEL[r]}:${ref}`, <b>人):</b>): the static
 * parts, where a substitution counts as Chinese when its code holds Chinese or names a label/word/message
 * table (sql`…` parameters never do). Regular-expression sources and migrations (which match old data) are code.
 */
const TEXT_TABLE = /^[A-Z_]*(LABEL|WORDS|ERRORS)\b|^dueWord\(/;
/** A JSX child that reads as Chinese: it holds Chinese, a message (`t('…')`) or a label table. */
const chineseChild = (c: string) => /[\u3400-\u9fff]/.test(c) || /^\{\s*t\(/.test(c) || TEXT_TABLE.test(c.replace(/^\{\s*/, ''));
const REGEX_SOURCE = /\(\?[:=!<]|\]\+/;
function templateHits(file: string, sf: SourceFile): Hit[] {
  const text = sf.text;
  const code = (n: Node) => text.slice(skipTrivia(text, n.pos), n.end);
  const lineOf = (n: Node) => text.slice(0, skipTrivia(text, n.pos)).split('\n').length;
  const hits: Hit[] = [];
  const visit = (node: Node): void => {
    if (node.kind === SyntaxKind.JsxText) {
      // JSX drops whitespace that holds a line break; a lone 「:」 between `{t('…')}` and a value reads as Chinese text.
      const siblings = (node.parent as Node & { children?: readonly Node[] }).children ?? [];
      const i = siblings.indexOf(node);
      const [before, after] = [siblings[i - 1], siblings[i + 1]].map((n) => !!n && n.kind !== SyntaxKind.JsxText && chineseChild(code(n)));
      const seen = `${before ? '字' : ''}${text.slice(node.pos, node.end).replace(/^\s*\n\s*|\s*\n\s*$/g, '')}${after ? '字' : ''}`;
      if (BAD.test(seen)) hits.push({ file: rel(file), line: lineOf(node), text: code(node).trim() });
    }
    if (node.kind === SyntaxKind.StringLiteral && BAD.test(stringText(code(node)))) hits.push({ file: rel(file), line: lineOf(node), text: code(node) });
    if (node.kind === SyntaxKind.TemplateExpression || node.kind === SyntaxKind.NoSubstitutionTemplateLiteral) {
      const p = node.parent;
      const sqlParams = p?.kind === SyntaxKind.TaggedTemplateExpression && code((p as Node & { tag: Node }).tag) === 'sql';
      const inRegExp = p?.kind === SyntaxKind.NewExpression && code((p as Node & { expression: Node }).expression) === 'RegExp';
      if (!inRegExp && !REGEX_SOURCE.test(code(node))) {
        const t = node as Node & {
          head?: Node & { text: string };
          templateSpans?: Array<{ expression: Node; literal: Node & { text: string } }>;
          text?: string;
        };
        const parts = t.head ? [t.head, ...t.templateSpans!.map((x) => x.literal)] : [node as Node & { text: string }];
        const chinese = (t.templateSpans ?? []).map((x) => !sqlParams && (/[\u3400-\u9fff]/.test(code(x.expression)) || TEXT_TABLE.test(code(x.expression))));
        parts.forEach((part, i) => {
          const seen = `${chinese[i - 1] ? '字' : ''}${part.text}${chinese[i] ? '字' : ''}`;
          if (BAD.test(seen)) hits.push({ file: rel(file), line: lineOf(part), text: part.text.trim().slice(0, 80) });
        });
      }
    }
    node.forEachChild(visit);
  };
  visit(sf);
  return hits;
}

/** Every .ts/.tsx file of src/ and web/ (tests and migrations aside), parsed by the TypeScript compiler without type checking. */
const sourceFiles = () =>
  [path.join(ROOT, 'src'), path.join(ROOT, 'web')].flatMap((d) =>
    walk(d, (f) => /\.tsx?$/.test(f) && !/\.test\.ts$/.test(f) && !/[\\/]migrations[\\/]/.test(f)),
  );
function templateViolations(files: string[]): Hit[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'mz-punct-'));
  const options = {
    noResolve: true,
    noLib: true,
    types: [],
    jsx: 'preserve',
    noEmit: true,
    allowImportingTsExtensions: true,
    module: 'esnext',
    target: 'esnext',
  };
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files }));
  const api = new API({ cwd: dir });
  try {
    const program = api.updateSnapshot({ openProject: path.join(dir, 'tsconfig.json') }).getProjects()[0]!.program;
    return files.flatMap((f) => templateHits(f, program.getSourceFile(f)!));
  } finally {
    api.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function violations(): Hit[] {
  const messages = [...walk(path.join(ROOT, 'web/staff/modules'), (f) => /[\\/]i18n[^\\/]*\.ts$/.test(f)), path.join(ROOT, 'web/staff/i18n/zh-CN.ts')];
  const portal = walk(path.join(ROOT, 'web/portal'), (f) => f.endsWith('.html'));
  const server = walk(path.join(ROOT, 'src'), (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const tools = [...walk(path.join(ROOT, 'scripts'), (f) => /\.m?js$/.test(f)), ...walk(path.join(ROOT, 'bin'), (f) => f.endsWith('.js'))];
  return [
    ...messages.flatMap((f) => scan(f, zhBlock)),
    ...portal.flatMap((f) => scan(f, htmlText)),
    ...server.flatMap((f) => scan(f, problemTitles)),
    ...server.filter(vocabularyFile).flatMap((f) => scan(f, literals)),
    ...tools.flatMap((f) => scan(f, literals)),
    ...templateViolations(sourceFiles()),
  ];
}

describe('full-width punctuation in Chinese text', () => {
  it('the check catches a half-width comma or parenthesis next to Chinese and leaves code, URLs and placeholders alone', { timeout: 30_000 }, () => {
    for (const bad of ['依据(第三条)', '已提交,请等待', '原因:未提交', '是否确认?']) expect(BAD.test(bad)).toBe(true);
    for (const ok of ['依据（第三条）', '{count} 件', 'https://example.cn/a?b=1', 'fn(a, b)', '12:30']) expect(BAD.test(ok)).toBe(false);
    expect(
      zhBlock("const kernel = {\n  k: '频繁(暂缓)',\n};\nexport const zhCN = kernel;")
        .split('\n')
        .filter((l) => BAD.test(l)),
    ).toEqual(["  k: '频繁(暂缓)',"]);
    expect(
      zhBlock("export const zh = {\n  // a, b(中文)\n  k: '好,的',\n};\nexport const en = { k: '中,' };")
        .split('\n')
        .filter((l) => BAD.test(l)),
    ).toEqual(["  k: '好,的',"]);
    const fixture = path.join(mkdtempSync(path.join(tmpdir(), 'mz-punct-fixture-')), 'fixture.tsx');
    writeFileSync(
      fixture,
      [
        'const a = `督办:${ref}`;',
        'const b = `${PART_ROLE_LABEL[r]}:${ref}`;',
        "const c = `${x ? '超期督办' : '督办'}:${ref}`;",
        'const d = <p>{n}人):{m}</p>;',
        'const e = <Input placeholder="姓名,用顿号分隔" rules={[{ message: \'请选择县(区)\' }]} />;',
        'const ok = [`督办：${ref}`, `${org}:${i}`, sql`insert ${reason}, ${t}`, new RegExp(`第[${CN}]+条(?:之)?`)];',
        "const f = { summary: '工作台(全部页签)', throttled: '尝试过于频繁(暂缓)' };",
        "const g = <p>{t('report.rule')}:{figure.rule}</p>;",
        "const h = (\n  <p>\n    {t('a')}\n    ({n})\n  </p>\n);",
        "const ok2 = ['minimum living allowance (低保)', '行政处罚法(2021-01-22)', '第[一二]+条(?:之)?', <p>{n}:{m}</p>];",
      ].join('\n'),
    );
    expect(templateViolations([fixture]).map((h) => h.line)).toEqual([1, 2, 3, 4, 5, 5, 7, 7, 8, 12]);
    rmSync(path.dirname(fixture), { recursive: true, force: true });
    expect(literals("const a = { 'z(x)': '乡镇(街道)确认' }; // 注(释)\nfn(中, 文);").split('\n')).toEqual(["'z(x)''乡镇(街道)确认'", '']);
  });

  it('zh messages, portal pages and scripts, problem titles, workflow and permission labels, contract vocabularies, string literals (src, web, scripts, bin), route summaries and template/JSX text use full-width , ; : ? ! ( ) next to Chinese', () => {
    const hits = violations();
    expect(hits.map((h) => `${h.file}:${h.line}: ${h.text}`).join('\n')).toBe('');
  }, 60_000);
});
