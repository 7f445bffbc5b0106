import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';

/**
 * Builds the web UI once (into a directory of the caller's choosing) and measures what each page
 * downloads: the JavaScript a page loads before it can paint, as gzip bytes, with the source
 * modules that contribute most. `node tests/web/bundle-report.ts [outDir]` prints the figures.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

type ChunkInfo = { file: string; imports: string[]; dynamicImports: string[]; facade: string | null; modules: Record<string, number> };

/** A page: its name and the source modules it loads beyond the entry (its lazy route components). */
export type PageSpec = { name: string; entry: string; lazy: string[] };

export type PageFigure = {
  name: string;
  gzipBytes: number;
  files: { file: string; gzipBytes: number }[];
  /** Source modules by estimated gzip share (chunk gzip × module's share of the chunk's rendered code). */
  top: { module: string; gzipBytes: number }[];
  all: { module: string; gzipBytes: number }[];
};

/** The console's pages that the budget covers; paths are relative to web/. */
export const STAFF_PAGES: PageSpec[] = [
  { name: 'login', entry: 'index.html', lazy: ['staff/modules/auth/LoginPage.tsx'] },
  { name: 'home (first load after login)', entry: 'index.html', lazy: ['staff/app/Console.tsx', 'staff/app/AppLayout.tsx', 'staff/modules/home/HomePage.tsx'] },
  // The workbench card is fetched beside the home page (router.tsx) and fills in after it paints,
  // inside antd's App (PageApp.tsx); the module messages it also waits for are not counted.
  {
    name: 'home with its workbench',
    entry: 'index.html',
    lazy: [
      'staff/app/Console.tsx',
      'staff/app/AppLayout.tsx',
      'staff/modules/home/HomePage.tsx',
      'staff/modules/worklist/WorklistCard.tsx',
      'staff/app/PageApp.tsx',
    ],
  },
];

function collect(into: Map<string, ChunkInfo>): Plugin {
  return {
    name: 'bundle-report-collect',
    generateBundle(_options, bundle) {
      for (const out of Object.values(bundle)) {
        if (out.type !== 'chunk') continue;
        const modules: Record<string, number> = {};
        for (const [id, m] of Object.entries(out.modules)) modules[id] = m.renderedLength;
        into.set(out.fileName, {
          file: out.fileName,
          imports: out.imports,
          dynamicImports: out.dynamicImports,
          facade: out.facadeModuleId,
          modules,
        });
      }
    },
  };
}

export type BuildResult = { outDir: string; chunks: Map<string, ChunkInfo>; html: Map<string, string> };

/** Builds with the project's vite.config.ts into outDir. */
export async function buildWeb(outDir: string): Promise<BuildResult> {
  const chunks = new Map<string, ChunkInfo>();
  // Under vitest NODE_ENV is 'test', which would build React's development code.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  await build({
    mode: 'production',
    configFile: path.join(ROOT, 'vite.config.ts'),
    root: path.join(ROOT, 'web'),
    logLevel: 'silent',
    plugins: [collect(chunks)],
    build: { outDir, emptyOutDir: true, reportCompressedSize: false },
  }).finally(() => {
    process.env.NODE_ENV = nodeEnv;
  });
  return { outDir, chunks, html: new Map() };
}

const gzipCache = new Map<string, number>();
function gzipSize(outDir: string, file: string): number {
  const key = path.join(outDir, file);
  let n = gzipCache.get(key);
  if (n === undefined) {
    n = gzipSync(readFileSync(key)).length;
    gzipCache.set(key, n);
  }
  return n;
}

/** The chunks an HTML page's entry loads before running (its module script and their static imports). */
function entryChunks(b: BuildResult, htmlFile: string): string[] {
  const html = readFileSync(path.join(b.outDir, htmlFile), 'utf8');
  return [...html.matchAll(/<script[^>]*type="module"[^>]*src="\/([^"]+)"/g)].map((m) => m[1]!);
}

function closure(b: BuildResult, start: string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...start];
  while (todo.length) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    todo.push(...(b.chunks.get(f)?.imports ?? []));
  }
  return seen;
}

/** The chunk whose entry module is the given source file (relative to web/). */
function chunkOf(b: BuildResult, source: string): string {
  const abs = path.join(ROOT, 'web', source);
  for (const c of b.chunks.values()) if (c.facade === abs) return c.file;
  // Not split out: the module sits in some chunk of the entry's closure.
  for (const c of b.chunks.values()) if (abs in c.modules) return c.file;
  throw new Error(`no chunk holds ${source}`);
}

export function measurePage(b: BuildResult, page: PageSpec): PageFigure {
  const files = closure(b, [...entryChunks(b, page.entry), ...page.lazy.map((s) => chunkOf(b, s))]);
  // Vite drops CSS-only chunks after bundling; they load no JavaScript.
  const perFile = [...files]
    .filter((file) => existsSync(path.join(b.outDir, file)))
    .map((file) => ({ file, gzipBytes: gzipSize(b.outDir, file) }))
    .sort((x, y) => y.gzipBytes - x.gzipBytes);
  const contributions = new Map<string, number>();
  for (const { file, gzipBytes } of perFile) {
    const mods = b.chunks.get(file)?.modules ?? {};
    const total = Object.values(mods).reduce((s, n) => s + n, 0) || 1;
    for (const [id, len] of Object.entries(mods)) {
      const name = moduleGroup(id);
      contributions.set(name, (contributions.get(name) ?? 0) + (gzipBytes * len) / total);
    }
  }
  const all = [...contributions].map(([module, n]) => ({ module, gzipBytes: Math.round(n) })).sort((x, y) => y.gzipBytes - x.gzipBytes);
  return { name: page.name, gzipBytes: perFile.reduce((s, f) => s + f.gzipBytes, 0), files: perFile, top: all.slice(0, Number(process.env.TOP ?? 15)), all };
}

/** node_modules/<pkg>/<dir> (antd/es/table) or the source file, so contributors read as packages and components. */
function moduleGroup(id: string): string {
  const rel = id.replaceAll('\\', '/');
  const nm = rel.lastIndexOf('node_modules/');
  if (nm < 0) return path.relative(ROOT, rel);
  const parts = rel.slice(nm + 'node_modules/'.length).split('/');
  const pkgLen = parts[0]!.startsWith('@') ? 2 : 1;
  const pkg = parts.slice(0, pkgLen).join('/');
  const rest = parts.slice(pkgLen);
  if ((pkg === 'antd' || pkg === '@ant-design/icons') && rest.length > 2) return `${pkg}/${rest[0]}/${rest[1]}`;
  return pkg;
}

/** Every portal page's HTML, relative to the build directory. */
export function portalPages(b: BuildResult): PageSpec[] {
  const htmls: string[] = [];
  for (const c of b.chunks.values()) {
    if (!c.facade?.endsWith('.html') || !c.facade.includes(`${path.sep}portal${path.sep}`)) continue;
    htmls.push(path.relative(path.join(ROOT, 'web'), c.facade).replaceAll('\\', '/'));
  }
  return htmls.sort().map((h) => ({ name: h, entry: h, lazy: [] }));
}

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function formatPage(f: PageFigure, budget?: number): string {
  const head = `${f.name}: ${kb(f.gzipBytes)} gzip JS${budget ? ` (budget ${kb(budget)})` : ''}`;
  const top = f.top.map((t) => `    ${kb(t.gzipBytes).padStart(9)}  ${t.module}`);
  return [head, '  top contributors:', ...top].join('\n');
}

if (import.meta.main) {
  const out = path.resolve(process.argv[2] ?? path.join(ROOT, 'web', 'dist'));
  const b = await buildWeb(out);
  for (const p of STAFF_PAGES) console.log(formatPage(measurePage(b, p)));
  const portal = portalPages(b).map((p) => measurePage(b, p));
  console.log(`portal: largest page ${kb(Math.max(...portal.map((p) => p.gzipBytes)))} gzip JS over ${portal.length} pages`);
}
