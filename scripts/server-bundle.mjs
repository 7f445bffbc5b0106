// The server bundled into one ESM file for `npm start` (scripts/start.mjs): Node then reads and
// links one module instead of ~1,600 (the server's own files, kysely, zod, pg-boss, fastify …).
// Kept in node_modules/.cache/minzheng/server/ with the content hash of every file it was built
// from; a start whose files all hash the same reuses it, any change (source, dependency, this
// script) rebuilds it (esbuild, a few seconds). Tests and the CLI keep running from source.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = path.join(root, 'node_modules/.cache/minzheng/server');
const bundle = path.join(dir, 'main.mjs');
const manifest = path.join(dir, 'inputs.json');
const self = fileURLToPath(import.meta.url);

/**
 * Left to Node: the embedded PostgreSQL (wasm and data files beside its own code), native addons,
 * and the libraries loaded on first use (the bundle would load them at start).
 */
const EXTERNAL = ['@electric-sql/pglite', '@node-rs/argon2', 'exceljs', 'pdfkit', 'pg-native'];

const hashOf = (file) => createHash('sha256').update(readFileSync(file)).digest('base64url');
const stamp = (file) => {
  const s = statSync(file);
  return `${s.size}:${s.mtimeMs}`;
};

/**
 * Is the bundle built from exactly the files that are there now? A file with the size and time it had
 * at the build is not read again; any other is compared by its content hash (a checkout that rewrote
 * a file with the same text does not rebuild).
 */
function current() {
  if (!existsSync(bundle) || !existsSync(manifest)) return false;
  try {
    const inputs = JSON.parse(readFileSync(manifest, 'utf8'));
    return Object.entries(inputs).every(([file, [hash, at]]) => {
      const full = path.join(root, file);
      return stamp(full) === at || hashOf(full) === hash;
    });
  } catch {
    return false; // a file removed (or an unreadable manifest)
  }
}

/**
 * Each bundled file keeps its own location: `import.meta.url` (data files, createRequire) and a
 * CommonJS file's `__dirname` / `__filename` are those of the file in src/ or node_modules/, not of
 * the bundle. A server-only dynamic import hidden from Vite by a constant
 * (`import(/* @vite-ignore *\/ NAME)` with `const NAME = './x.ts'`) is made literal, so it is bundled.
 */
const keepLocations = {
  name: 'keep-locations',
  setup(build) {
    build.onLoad({ filter: /\.(ts|mjs|cjs|js)$/ }, (args) => {
      let text = readFileSync(args.path, 'utf8');
      const before = text;
      const url = JSON.stringify(pathToFileURL(args.path).href);
      text = text.replaceAll('import.meta.url', url);
      text = text.replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)));
      text = text.replaceAll('import.meta.filename', JSON.stringify(args.path));
      text = text.replace(/import\(\/\* @vite-ignore \*\/ ([A-Z_]+)\)/g, (whole, name) => {
        const spec = new RegExp(`const ${name} = ('[^']+');`).exec(text)?.[1];
        if (!spec) throw new Error(`${args.path}: ${whole} without const ${name} = '…'`);
        return `import(${spec})`;
      });
      if (/\b__(dirname|filename)\b/.test(text) && !/\b(var|let|const)\s+__(dirname|filename)\b/.test(text) && !args.path.endsWith('.ts'))
        text = `var __dirname = ${JSON.stringify(path.dirname(args.path))}, __filename = ${JSON.stringify(args.path)};\n${text}`;
      if (text === before) return undefined;
      return { contents: text, loader: args.path.endsWith('.ts') ? 'ts' : 'js' };
    });
  },
};

async function build() {
  const esbuild = await import('esbuild');
  const r = await esbuild.build({
    entryPoints: [path.join(root, 'src/server/main.ts')],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node}`,
    outfile: `${bundle}.tmp`,
    external: EXTERNAL.flatMap((p) => [p, `${p}/*`]),
    // Bundled CommonJS code calls require() for Node's own modules.
    banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
    plugins: [keepLocations],
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const inputs = {};
  for (const file of [path.relative(root, self), 'package-lock.json', ...Object.keys(r.metafile.inputs)]) {
    const full = path.join(root, file);
    inputs[file] = [hashOf(full), stamp(full)];
  }
  writeFileSync(`${manifest}.tmp`, JSON.stringify(inputs));
  renameSync(`${bundle}.tmp`, bundle);
  renameSync(`${manifest}.tmp`, manifest);
}

/** The bundle's path, built first when missing or made from other files than those now there. */
export async function serverBundle() {
  if (!current()) {
    mkdirSync(dir, { recursive: true });
    console.log('正在打包服务端 / bundling the server …');
    await build();
  }
  return bundle;
}
