import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { adminQuery, quoteIdent, withDatabase } from './helpers/databases.ts';

/**
 * `npm start` runs the server bundled into one file (scripts/server-bundle.mjs). Started from it on
 * an empty database, the server migrates and loads the reference data (files read beside their
 * source, e.g. the area CSVs), installs the job queue, serves the API and answers /api/health.
 */
const url = process.env.DATABASE_URL;
const dataDir = mkdtempSync(path.join(tmpdir(), 'mz-bundle-'));
const database = url ? `mz_bundle_${process.pid}` : undefined;

afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  if (url) await adminQuery(url, `drop database if exists ${quoteIdent(database!)} with (force)`);
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

it('starts from the bundle on an empty database and serves the API', { timeout: 300_000 }, async () => {
  if (url) await adminQuery(url, `create database ${quoteIdent(database!)}`);
  const port = await freePort();
  // The bundle is built first when it is missing or stale, as `npm start` does (scripts/start.mjs).
  const boot = `const { serverBundle } = await import('./scripts/server-bundle.mjs'); const { startServer } = await import(await serverBundle()); const { stop } = await startServer(); process.once('SIGTERM', () => stop().then(() => process.exit(0)));`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: 'off', LOG_LEVEL: 'info', WORKER: 'on' };
  // Production on PostgreSQL (DEMO=off) keeps the PII key outside the database.
  if (url) Object.assign(env, { DATABASE_URL: withDatabase(url, database!), PII_KEY: randomBytes(16).toString('hex') });
  else delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--input-type=module', '-e', boot], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  try {
    const base = `http://127.0.0.1:${port}`;
    let health: unknown;
    while (!health) {
      if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}:\n${out.slice(-3000)}`);
      health = await fetch(`${base}/api/health`)
        .then((r) => (r.ok ? r.json() : undefined))
        .catch(() => undefined);
      if (!health) await new Promise((r) => setTimeout(r, 200));
    }
    expect(health).toMatchObject({ status: 'ok', db: url ? 'postgres' : 'pglite', demo: false });
    // Reference data seeded from the CSV files under src/kernel/areas/data (read relative to their source).
    const areas = (await fetch(`${base}/api/public/areas`).then((r) => r.json())) as { items: { code: string; name: string }[] };
    expect(areas.items.find((a) => a.code === '640104')?.name).toBe('兴庆区');
    const openapi = (await fetch(`${base}/openapi.json`).then((r) => r.json())) as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths).length).toBeGreaterThan(100);
    // The job worker starts after listen; the start-up line follows it.
    while (!out.includes('Minzheng is up') && child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
  expect(out).toContain('Minzheng is up');
  expect(out).not.toMatch(/"level":(50|60)/);
});
