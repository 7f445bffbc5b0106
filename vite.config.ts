import { readdirSync, readFileSync } from 'node:fs';
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
  plugins: [portalPartials()],
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
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 3 }],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
