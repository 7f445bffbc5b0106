import { readdirSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

/**
 * The portal pages are plain HTML; their shared pieces (head, brand, footer) live once in
 * web/portal/partials/<name>.html and are put in place of `<!--#include name -->` at build and in dev.
 */
function portalPartials(): Plugin {
  return {
    name: 'portal-partials',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) =>
        html.replace(/<!--#include ([\w-]+) -->/g, (_, name: string) =>
          readFileSync(new URL(`./web/portal/partials/${name}.html`, import.meta.url), 'utf8').trim(),
        ),
    },
  };
}

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * Writes a brotli (.br) and a gzip (.gz) twin next to every text file of the build, so the server
 * sends compressed bytes without compressing per request (src/server/web.ts). Small files and
 * files that compress badly are left alone. Brotli quality 9: within 2% of 11 for a tenth of the time.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((f) => /\.(js|css|html|svg|json)$/.test(f));
      await Promise.all(
        files.map(async (f) => {
          const file = path.join(outDir, f);
          const raw = await readFile(file);
          if (raw.length < 1024) return;
          const [br, gzipped] = await Promise.all([
            brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
            gz(raw, { level: 9 }),
          ]);
          if (gzipped.length > raw.length * 0.9) return;
          await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gzipped)]);
        }),
      );
    },
  };
}

/**
 * antd's form context (reached before the console paints: ConfigProvider and every popup's
 * ContextIsolator import it) needs only rc-form's FormProvider; rc-form's index also hangs Field,
 * List and the validator on its Form, which tree-shaking cannot drop (~13 KB gzip). That one import
 * goes to the file that defines FormProvider: the same module the Form itself uses.
 */
function formProviderOnly(): Plugin {
  return {
    name: 'form-provider-only',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== '@rc-component/form' || !importer?.replaceAll('\\', '/').endsWith('/antd/es/form/context.js')) return null;
      return this.resolve('@rc-component/form/es/FormContext.js', importer, { skipSelf: true });
    },
  };
}

/**
 * Every portal page: each .html file under web/portal/ except the partials, named by its path
 * (portal/dibao/index.html → portalDibao), so a new page needs no line here.
 */
function portalPages(): Record<string, string> {
  const files = readdirSync(new URL('./web/portal/', import.meta.url), { recursive: true, encoding: 'utf8' });
  const pages = files
    .map((f) => f.replaceAll('\\', '/'))
    .filter((f) => f.endsWith('.html') && !f.startsWith('partials/'))
    .sort();
  const name = (f: string) =>
    [
      'portal',
      ...f
        .replace(/\.html$/, '')
        .split('/')
        .filter((s) => s !== 'index'),
    ]
      .map((s, i) => (i === 0 ? s : s[0].toUpperCase() + s.slice(1)))
      .join('');
  return Object.fromEntries(pages.map((f) => [name(f), `web/portal/${f}`]));
}

/**
 * Pages from one build: the staff console (web/index.html, served at /) and the public
 * portal's pages (web/portal/, served at /portal/). Vite 8's built-in oxc transform handles
 * TSX, so no React plugin is needed. `npm run dev` proxies /api to a server on port 3000.
 */
export default defineConfig({
  root: 'web',
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [portalPartials(), formProviderOnly(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      input: { staff: 'web/index.html', ...portalPages() },
      // antd marks its files "use client" for React Server Components; irrelevant in a client bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      output: {
        codeSplitting: {
          // React alone: the sign-in page needs it, not the router (web/staff/main.tsx).
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 }],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
