import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { adminQuery, quoteIdent, withDatabase } from '../helpers/databases.ts';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

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

/** Run fn while holding a lock directory (atomic mkdir); a lock older than 5 minutes is stale. */
async function withBuildLock(fn: () => void) {
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch {
      const age = Date.now() - (statSync(BUILD_LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 300_000) rmSync(BUILD_LOCK, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    fn();
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

/**
 * Build the UI the test drives (a few seconds); E2E_SKIP_BUILD=1 reuses an existing web/dist.
 * `node --test` runs the e2e files in parallel child processes of one runner: the first builds,
 * the others find its stamp (same runner = same parent pid) and reuse web/dist rather than
 * emptying it under a running test.
 */
export async function ensureWebBuilt() {
  const index = path.join(ROOT, 'web/dist/index.html');
  if (process.env.E2E_SKIP_BUILD && existsSync(index)) return;
  mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  const runId = `${process.ppid}`;
  await withBuildLock(() => {
    const stamp = existsSync(BUILD_STAMP) ? statSync(BUILD_STAMP) : null;
    if (stamp && existsSync(index) && Date.now() - stamp.mtimeMs < 15 * 60_000 && readFileSync(BUILD_STAMP, 'utf8') === runId) return;
    const r = spawnSync(path.join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('vite build failed');
    writeFileSync(BUILD_STAMP, runId);
  });
}

export type RunningServer = { baseUrl: string; stop: () => Promise<void> };

/** Start `src/server/main.ts` in a child process and wait for /api/health. */
export async function startServer(): Promise<RunningServer> {
  mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mz-e2e-'));
  const log = createWriteStream(path.join(ROOT, 'test-results/e2e-server.log'));
  // E2E_SERVER_MODULE lets a developer point at another composition root exporting startServer().
  const entry = process.env.E2E_SERVER_MODULE ?? './src/server/main.ts';
  const boot = `const m = await import(${JSON.stringify(entry)}); const { stop } = await m.startServer(); process.on('SIGTERM', () => stop().then(() => process.exit(0)));`;
  // With DATABASE_URL (the PostgreSQL CI run) the server gets a fresh database of its own.
  const serverUrl = process.env.DATABASE_URL;
  let databaseUrl = '';
  let dropDatabase = async () => {};
  if (serverUrl) {
    const name = `mz_e2e_${process.pid}_${Date.now()}`;
    await adminQuery(serverUrl, `create database ${quoteIdent(name)}`);
    databaseUrl = withDatabase(serverUrl, name);
    dropDatabase = () => adminQuery(serverUrl, `drop database if exists ${quoteIdent(name)} with (force)`);
  }
  const child: ChildProcess = spawn(process.execPath, ['--input-type=module', '-e', boot], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: 'on', LOG_LEVEL: 'warn', COOKIE_SECURE: 'off', DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  let exited: number | null = null;
  child.on('exit', (code) => (exited = code ?? -1));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited !== null) throw new Error(`server exited with ${exited}; see test-results/e2e-server.log`);
    try {
      const r = await fetch(`${baseUrl}/api/health`);
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error('server did not become healthy in 120 s');
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
      rmSync(dataDir, { recursive: true, force: true });
      await dropDatabase();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export async function newContext(browser: Browser, baseURL: string, viewport = DESKTOP): Promise<BrowserContext> {
  const phone = viewport.width < 600;
  return browser.newContext({ baseURL, viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', deviceScaleFactor: 1, isMobile: phone, hasTouch: phone });
}

export async function shot(page: Page, name: string, opts: { fullPage?: boolean } = {}) {
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // Let antd's transitions (drawer, modal, message) settle before the picture.
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: opts.fullPage });
}

/** axe-core, WCAG 2.1 A/AA rules: returns the serious and critical violations, readably. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const res = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return res.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

export async function login(page: Page, username: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}
