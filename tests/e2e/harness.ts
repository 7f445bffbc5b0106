import { after, before, test } from 'node:test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { adminQuery, quoteIdent, withDatabase } from '../helpers/databases.ts';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

/**
 * End-to-end harness: builds the web UI if needed, starts the real server (PGlite in a temp
 * data dir, demo data on) on a free port, and drives Debian's Chromium through playwright-core.
 */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SHOTS = path.join(ROOT, 'test-results/screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const BUILD_LOCK = path.join(ROOT, 'test-results/.web-build.lock');
const BUILD_STAMP = path.join(ROOT, 'test-results/.web-build.stamp');

/**
 * The test run: scripts/e2e.mjs sets E2E_RUN_ID so its runner processes share one web build and one
 * demo template; a runner started by hand (`node --test file`) is its own run (its pid is the files' parent pid).
 */
const RUN_ID = process.env.E2E_RUN_ID ?? `${process.ppid}`;

/** Run fn while holding a lock directory (atomic mkdir); a lock older than staleMs is taken as abandoned. */
async function withLock(lock: string, staleMs: number, fn: () => void | Promise<void>) {
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > staleMs) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Build the UI the test drives (a few seconds); E2E_SKIP_BUILD=1 reuses an existing web/dist.
 * Files of one run may start at the same time: the first builds, the others find its stamp (same
 * run id) and reuse web/dist rather than emptying it under a running test.
 */
export async function ensureWebBuilt() {
  const index = path.join(ROOT, 'web/dist/index.html');
  if (process.env.E2E_SKIP_BUILD && existsSync(index)) return;
  mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  const runId = RUN_ID;
  await withLock(BUILD_LOCK, 300_000, () => {
    const stamp = existsSync(BUILD_STAMP) ? statSync(BUILD_STAMP) : null;
    // A hand-started runner's id is a pid, which comes round again: its stamp counts for 15 minutes only.
    const recent = process.env.E2E_RUN_ID || (stamp && Date.now() - stamp.mtimeMs < 15 * 60_000);
    if (stamp && recent && existsSync(index) && readFileSync(BUILD_STAMP, 'utf8') === runId) return;
    const r = spawnSync(path.join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('vite build failed');
    writeFileSync(BUILD_STAMP, runId);
  });
}

export type RunningServer = { baseUrl: string; stop: () => Promise<void> };

type ServerTarget = { dataDir: string; databaseUrl: string; drop: () => Promise<void> };

const TEMPLATE_DIR = path.join(ROOT, 'test-results/.e2e-template');
const TEMPLATE_LOCK = path.join(ROOT, 'test-results/.e2e-template.lock');

/**
 * The first server of a test run seeds its demo data into a template (a PGlite data directory, or
 * a PostgreSQL database); every server after it starts from a copy, so each e2e file pays for the
 * copy rather than the whole demo seed. The template is keyed by the run id, like the web build. E2E_NO_TEMPLATE=1 seeds every server from scratch.
 */
async function serverTarget(): Promise<ServerTarget> {
  const serverUrl = process.env.DATABASE_URL;
  const runId = RUN_ID;
  const useTemplate = !process.env.E2E_NO_TEMPLATE;
  const stampFile = path.join(TEMPLATE_DIR, serverUrl ? 'pg.stamp' : 'pglite.stamp');
  const tplName = `mz_e2e_tpl_${runId}`;
  const tplDir = path.join(TEMPLATE_DIR, `pglite-${runId}`);
  const fresh = () => existsSync(stampFile) && readFileSync(stampFile, 'utf8') === runId;
  if (useTemplate && !fresh()) {
    mkdirSync(TEMPLATE_DIR, { recursive: true });
    // Two files starting together: one seeds, the other waits for the lock and then finds the stamp.
    await withLock(TEMPLATE_LOCK, 900_000, async () => {
      if (fresh()) return;
      writeFileSync(path.join(ROOT, 'test-results/e2e-server.log'), '');
      let tpl: ServerTarget;
      if (serverUrl) {
        await adminQuery(serverUrl, `drop database if exists ${quoteIdent(tplName)} with (force)`);
        await adminQuery(serverUrl, `create database ${quoteIdent(tplName)}`);
        tpl = { dataDir: mkdtempSync(path.join(tmpdir(), 'mz-e2e-tpl-')), databaseUrl: withDatabase(serverUrl, tplName), drop: async () => {} };
      } else {
        for (const d of readdirSync(TEMPLATE_DIR)) if (d.startsWith('pglite-')) rmSync(path.join(TEMPLATE_DIR, d), { recursive: true, force: true });
        tpl = { dataDir: tplDir, databaseUrl: '', drop: async () => {} };
      }
      const seeded = await spawnServer(tpl, { keepData: true });
      await seeded.stop();
      writeFileSync(stampFile, runId);
    });
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mz-e2e-'));
  if (!serverUrl) {
    if (useTemplate) cpSync(tplDir, dataDir, { recursive: true });
    return { dataDir, databaseUrl: '', drop: async () => {} };
  }
  const name = `mz_e2e_${process.pid}_${Date.now()}`;
  if (!useTemplate) await adminQuery(serverUrl, `create database ${quoteIdent(name)}`);
  else {
    // A pool of the stopped template server may still be closing its connections.
    for (let attempt = 0; ; attempt++) {
      try {
        await adminQuery(serverUrl, `create database ${quoteIdent(name)} template ${quoteIdent(tplName)}`);
        break;
      } catch (e) {
        if (attempt >= 5) throw e;
        await adminQuery(serverUrl, `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${tplName}'`);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }
  return {
    dataDir,
    databaseUrl: withDatabase(serverUrl, name),
    drop: () => adminQuery(serverUrl, `drop database if exists ${quoteIdent(name)} with (force)`),
  };
}

/** Start `src/server/main.ts` in a child process and wait for /api/health. */
export async function startServer(): Promise<RunningServer> {
  mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  return spawnServer(await serverTarget());
}

async function spawnServer(target: ServerTarget, opts: { keepData?: boolean } = {}): Promise<RunningServer> {
  const port = await freePort();
  const { dataDir, databaseUrl } = target;
  const log = createWriteStream(path.join(ROOT, 'test-results/e2e-server.log'), { flags: 'a' });
  // E2E_SERVER_MODULE lets a developer point at another composition root exporting startServer().
  const entry = process.env.E2E_SERVER_MODULE ?? './src/server/main.ts';
  const boot = `const m = await import(${JSON.stringify(entry)}); const { stop } = await m.startServer(); process.on('SIGTERM', () => stop().then(() => process.exit(0)));`;
  const child: ChildProcess = spawn(process.execPath, ['--input-type=module', '-e', boot], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO: 'on',
      LOG_LEVEL: 'warn',
      COOKIE_SECURE: 'off',
      DATABASE_URL: databaseUrl,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  let exited: number | null = null;
  child.on('exit', (code) => (exited = code ?? -1));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + Number(process.env.E2E_SERVER_TIMEOUT_MS || 180_000); // a loaded machine may need longer for the demo seed
  for (;;) {
    if (exited !== null) throw new Error(`server exited with ${exited}; see test-results/e2e-server.log`);
    try {
      const r = await fetch(`${baseUrl}/api/health`);
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline)
      throw new Error(
        `server did not become healthy in ${Math.round((Date.now() - deadline) / 1000 + Number(process.env.E2E_SERVER_TIMEOUT_MS || 180_000) / 1000)} s`,
      );
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    baseUrl,
    stop: async () => {
      if (exited === null) {
        const done = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([done, new Promise((r) => setTimeout(r, 10_000))]);
        if (exited === null) child.kill('SIGKILL');
      }
      if (!opts.keepData) {
        rmSync(dataDir, { recursive: true, force: true });
        await target.drop();
      }
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

async function newContext(browser: Browser, baseURL: string, viewport = DESKTOP): Promise<BrowserContext> {
  const phone = viewport.width < 600;
  // Reduced motion: antd then opens popups and modals without animation (Providers.tsx), so a click cannot land
  // beside a button that is still zooming in — on two busy cores such clicks chose nothing.
  return browser.newContext({
    baseURL,
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    deviceScaleFactor: 1,
    isMobile: phone,
    hasTouch: phone,
    reducedMotion: 'reduce',
  });
}

export async function shot(page: Page, name: string, opts: { fullPage?: boolean } = {}) {
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // antd's transitions (drawer, modal, message) are fast-forwarded to their end for the picture.
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: opts.fullPage, animations: 'disabled' });
}

/** axe-core, WCAG 2.1 A/AA rules: returns the serious and critical violations, readably. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  // A toast in its fade-out animation is half transparent for a moment: check the page as it settles.
  await page
    .locator('.ant-message-fade-leave')
    .first()
    .waitFor({ state: 'detached', timeout: 5_000 })
    .catch(() => undefined);
  const res = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return res.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
}

export async function login(page: Page, username: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** Sign in afresh (the context's cookies cleared first) and wait for the workbench. */
export async function signInToWorklist(page: Page, username: string, password: string) {
  await page.context().clearCookies();
  await login(page, username, password);
  await page.waitForURL((u) => u.pathname === '/');
  await page.getByTestId('worklist').waitFor();
}

/** A JSON call with the page's session cookie and CSRF token; a non-2xx answer fails the test. */
export async function apiCall(page: Page, method: 'GET' | 'POST', url: string, data?: unknown) {
  const me = await (await page.request.get('/api/me')).json();
  const res = await page.request.fetch(url, { method, data, headers: { 'x-csrf-token': me.csrfToken } });
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`);
  return res.json();
}

/** Wait until an element and its descendants have no running animation or transition (an antd popup settling). */
export async function settled(el: Locator) {
  // Finite animations only: a spinner or a wave runs forever, and its `finished` would never settle.
  await el.evaluate((node) =>
    Promise.all(
      node
        .getAnimations({ subtree: true })
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/**
 * Answer the open pop-confirm: wait until its zoom-in has finished (a click during the animation can land beside the
 * button, leaving the pop-confirm open and the act undone), then press the button named `name`.
 */
export async function confirmPop(page: Page, name: RegExp) {
  const pop = page.locator('.ant-popconfirm:not(.ant-popover-hidden)').last();
  await pop.waitFor();
  await settled(pop);
  await pop.getByRole('button', { name }).click();
}

/**
 * Scroll an element into view, resolving it again when a re-render replaced it meanwhile (a viewport change re-mounts
 * antd tables whose columns depend on the breakpoint; Playwright's scrollIntoViewIfNeeded does not retry a detached node).
 */
export async function scrollInto(el: Locator) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await el.scrollIntoViewIfNeeded();
    } catch (e) {
      if (attempt >= 5 || !/not attached to the DOM/.test(String(e))) throw e;
    }
  }
}

/** Choose an item of the header's user dropdown once the popup has finished moving into place. */
export async function userMenu(page: Page, item: string) {
  await page.getByTestId('user-menu').click();
  const popup = page.locator('.ant-dropdown:not(.ant-dropdown-hidden)');
  const entry = popup.getByRole('menuitem', { name: item });
  await entry.waitFor();
  await settled(popup);
  await entry.click();
}

/** The open antd modal on top (hidden wraps of closed modals stay in the DOM). */
export const openModal = (page: Page) => page.locator('.ant-modal-wrap:not([style*="display: none"]) .ant-modal').last();

/** The select (or tree select) box around an input found by its label. */
const selectBox = (input: Locator) => input.locator(`xpath=ancestor::*[contains(concat(' ', @class, ' '), ' ant-select ')][1]`);

/**
 * Choose an option of an antd Select by its text and check that the box shows it. On a loaded
 * machine a click can land while the dropdown is still filtering or animating and choose
 * nothing; the pick is then tried again (three times in all) instead of failing later.
 */
export async function pickOption(page: Page, select: Locator, text: string, opts: { type?: boolean } = {}) {
  await pickChecked(page, select, text, opts.type ?? true, () =>
    page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option:visible', { hasText: text }).first(),
  );
}

/** The same for an antd TreeSelect (e.g. 行政区划): the tree node whose title is exactly `name`. */
export async function pickTreeOption(page: Page, tree: Locator, name: string) {
  const exact = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await pickChecked(page, tree, name, true, () =>
    page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-title:visible', { hasText: exact }).first(),
  );
}

async function pickChecked(page: Page, input: Locator, text: string, type: boolean, option: () => Locator) {
  const box = selectBox(input);
  for (let attempt = 1; ; attempt++) {
    await input.click();
    if (type) await page.keyboard.type(text);
    await option().click();
    try {
      await box.getByText(text).first().waitFor({ timeout: 3_000 });
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
        .waitFor({ state: 'hidden', timeout: 3_000 })
        .catch(() => undefined);
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
      await page.keyboard.press('Escape');
    }
  }
}

export type E2eFile = {
  /** The file's server and browser, set up once before its first test. */
  server: RunningServer;
  browser: Browser;
  /** The page a failing step photographs (FAILED-<tag>-<step>.png). */
  current: Page | undefined;
  step(name: string, fn: () => Promise<void>): void;
  /**
   * The page of the enclosing describe block: a fresh browser context (own cookies and storage)
   * with one page, opened before the block's first test and closed after its last. The returned
   * page stands for that page (it exists only once the block runs) and becomes `current`.
   */
  useBrowserPage(opts?: BrowserPageOptions): Page;
};

export type BrowserPageOptions = {
  viewport?: { width: number; height: number };
  /** Playwright's default timeout for the page's waits and actions. */
  timeout?: number;
  permissions?: string[];
};

/** A stand-in for a page that is opened later: every property is read from the real page. */
function pageStandIn(real: () => Page | undefined): Page {
  return new Proxy({} as Page, {
    get(_, prop) {
      const p = real();
      if (!p) throw new Error('useBrowserPage: the page is used outside its describe block (before it opened)');
      const v = Reflect.get(p, prop, p);
      return typeof v === 'function' ? v.bind(p) : v;
    },
  });
}

/**
 * What every e2e file shares: one server (the demo template copied for this file; `serverModule`
 * names another composition root) and one Chromium, closed after the last test, and steps that
 * leave a screenshot behind when they fail.
 */
export function e2eFile(tag: string, opts: { serverModule?: string; stepTimeout?: number } = {}): E2eFile {
  const openPages = new Set<Page>();
  const f: E2eFile = {
    server: undefined as unknown as RunningServer,
    browser: undefined as unknown as Browser,
    current: undefined,
    step(name, fn) {
      test(name, opts.stepTimeout ? { timeout: opts.stepTimeout } : {}, async () => {
        try {
          await fn();
        } catch (e) {
          // `current` first, then every other page still open in the file (a block may hold a desktop and a phone page).
          const pages = [...new Set([f.current, ...openPages].filter((p): p is Page => !!p && !p.isClosed()))];
          const base = `FAILED-${tag}-${name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 40)}`;
          for (const [i, p] of pages.entries()) await shot(p, i ? `${base}-${i + 1}` : base).catch(() => undefined);
          throw e;
        }
      });
    },
    useBrowserPage(o = {}) {
      let ctx: BrowserContext | undefined;
      let page: Page | undefined;
      before(async () => {
        ctx = await newContext(f.browser, f.server.baseUrl, o.viewport);
        if (o.timeout) ctx.setDefaultTimeout(o.timeout);
        if (o.permissions) await ctx.grantPermissions(o.permissions, { origin: f.server.baseUrl });
        page = await ctx.newPage();
        openPages.add(page);
        f.current = page;
      });
      after(() => (page && openPages.delete(page), ctx?.close()));
      return pageStandIn(() => page);
    },
  };
  // A setup that outlives its timeout goes on running after the file has given up on it; whatever
  // it starts after `after` has run is stopped at once, or its server and browser would keep the run open.
  let ended = false;
  before(
    async () => {
      await ensureWebBuilt();
      if (opts.serverModule) process.env.E2E_SERVER_MODULE = opts.serverModule;
      const server = await startServer();
      if (ended) return void (await server.stop());
      f.server = server;
      const browser = await launchBrowser();
      if (ended) return void (await browser.close());
      f.browser = browser;
    },
    { timeout: 720_000 },
  );
  after(async () => {
    ended = true;
    await f.browser?.close();
    await f.server?.stop();
  });
  return f;
}
