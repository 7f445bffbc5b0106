/**
 * The architecture rules over import lines (ARCHITECTURE.md, "Rules as applied"):
 * - kernel-imports-module: src/kernel/** and src/platform/** never import src/modules/**;
 * - module-imports-kernel-internals: a module reaches the kernel only through src/kernel/<area>/index.ts, or the
 *   area's browser-safe contract.ts (what the console may import too);
 * - module-imports-module: a module imports another module's contract.ts only;
 * - module-imports-outside: a module imports nothing else (not tests/, not web/);
 * - imports-server: nothing under src/ but src/server itself imports src/server/** (the composition root);
 * - web-module-imports-module: web/staff/modules/<m>/ imports another web module only if it is cases/, shared/ or worklist/
 *   (the list of web modules, web/staff/modules/index.ts, imports every manifest and is read by the shell).
 * Test code is not checked — *.test.ts(x), files named test-… / …-test-… (fixtures, setups) and testing/
 * folders: a test may reach into internals and the server to set up state.
 *
 * Run `node tests/helpers/import-rules.ts` to list the violations in this repository.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';

export type Rule =
  | 'kernel-imports-module'
  | 'module-imports-kernel-internals'
  | 'module-imports-module'
  | 'module-imports-outside'
  | 'imports-server'
  | 'web-module-imports-module';
export type Violation = { rule: Rule; file: string; line: number; target: string };
/** Repository-relative POSIX path → file text. */
export type SourceFiles = Record<string, string>;

const SHARED_WEB_MODULES = new Set(['cases', 'shared', 'worklist']);

/** Comments blanked out (newlines kept, so line numbers stay right); `//` only where a line starts with it. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/^[ \t]*\/\/.*$/gm, '');
}

/** Every module specifier imported or re-exported, static or dynamic, with its line (1-based). */
export function importsOf(text: string): Array<{ specifier: string; line: number }> {
  const src = withoutComments(text);
  const out: Array<{ specifier: string; line: number }> = [];
  const patterns = [/(?:^|[;}\n])[ \t]*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\bfrom\s*)?(['"])([^'"\n]+)\1/g, /\bimport\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g];
  for (const re of patterns) {
    for (const m of src.matchAll(re)) {
      const at = m.index + m[0].lastIndexOf(m[2]!);
      out.push({ specifier: m[2]!, line: src.slice(0, at).split('\n').length });
    }
  }
  return out.sort((a, b) => a.line - b.line);
}

/** The repository path a relative specifier points to; null for packages and node: builtins. */
function resolve(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return posix.normalize(posix.join(posix.dirname(file), specifier));
}

const WEB_MODULE_LIST = 'web/staff/modules/index.ts';

const segment = (path: string, prefix: string) => (path.startsWith(prefix) ? path.slice(prefix.length).split('/')[0]! : null);

function ruleFor(file: string, target: string): Rule | null {
  const under = (p: string, dir: string) => p.startsWith(`${dir}/`);
  if (under(target, 'src/server') && under(file, 'src') && !under(file, 'src/server')) return 'imports-server';
  if ((under(file, 'src/kernel') || under(file, 'src/platform')) && under(target, 'src/modules')) return 'kernel-imports-module';
  const mod = segment(file, 'src/modules/');
  if (mod !== null) {
    if (under(target, `src/modules/${mod}`) || under(target, 'src/platform')) return null;
    const area = segment(target, 'src/kernel/');
    if (area !== null)
      return target === `src/kernel/${area}/index.ts` || target === `src/kernel/${area}/contract.ts` ? null : 'module-imports-kernel-internals';
    if (under(target, 'src/modules')) return target.endsWith('/contract.ts') ? null : 'module-imports-module';
    return 'module-imports-outside';
  }
  // The list of web modules (web/staff/modules/index.ts) names every module's manifest; the shell reads it.
  if (file === WEB_MODULE_LIST || target === WEB_MODULE_LIST) return null;
  const web = segment(file, 'web/staff/modules/');
  const webTarget = segment(target, 'web/staff/modules/');
  if (web !== null && webTarget !== null && webTarget !== web && !SHARED_WEB_MODULES.has(webTarget)) return 'web-module-imports-module';
  return null;
}

export const isTestCode = (file: string) => /\.test\.tsx?$|(^|\/)testing\/|(^|[/-])test-|-test[-.]/.test(file);

/** The violations in a set of source files, in file and line order. */
export function checkImports(files: SourceFiles): Violation[] {
  const out: Violation[] = [];
  for (const file of Object.keys(files).sort()) {
    if (isTestCode(file)) continue;
    for (const { specifier, line } of importsOf(files[file]!)) {
      const target = resolve(file, specifier);
      const rule = target && ruleFor(file, target);
      if (rule) out.push({ rule, file, line, target: target! });
    }
  }
  return out;
}

/** The .ts/.tsx files under src/ and web/ of a repository checkout. */
export function readRepoSources(root: string): SourceFiles {
  const files: SourceFiles = {};
  const walk = (dir: string) => {
    for (const e of readdirSync(posix.join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${e.name}`;
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && e.name !== 'dist') walk(path);
      } else if (/\.tsx?$/.test(e.name)) files[path] = readFileSync(posix.join(root, path), 'utf8');
    }
  };
  walk('src');
  walk('web');
  return files;
}

export function formatViolation(v: Violation): string {
  return `${v.file}:${v.line}  ${v.rule}  → ${v.target}`;
}

if (process.argv[1] === import.meta.filename) {
  const found = checkImports(readRepoSources(posix.join(import.meta.dirname, '../..')));
  for (const v of found) console.log(formatViolation(v));
  const byRule = new Map<string, number>();
  for (const v of found) byRule.set(v.rule, (byRule.get(v.rule) ?? 0) + 1);
  console.log(`${found.length} import(s) break the rules${found.length ? `: ${[...byRule].map(([r, n]) => `${r} ${n}`).join(', ')}` : ''}`);
  process.exitCode = found.length ? 1 : 0;
}
