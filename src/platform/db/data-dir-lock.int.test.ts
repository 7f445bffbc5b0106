import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from './create-db.ts';
import { lockDataDir } from './data-dir-lock.ts';

// One process per PGlite data directory (data-dir-lock.ts): a second opener — here the real CLI in
// a child process — is refused with the directory and the holder's pid, and the first keeps working.
const ROOT = path.resolve(import.meta.dirname, '../../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'mz-lock-'));
const pgliteDir = path.join(dataDir, 'pglite');
const lockFile = `${pgliteDir}.lock`;
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;
const lockOf = (pid: number) => JSON.stringify({ pid, start: null, startedAt: new Date().toISOString() });

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe.skipIf(!!process.env.DATABASE_URL)('a PGlite data directory open in one process', () => {
  let first: DbHandle;

  it('refuses a second process at once, and the first keeps working', async () => {
    first = await createDb({ kind: 'pglite', dataDir: pgliteDir });
    await sql`create table t (n int)`.execute(first.db);
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid });

    const cli = spawnSync(process.execPath, ['src/server/cli.ts', 'migrate'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(
      `数据目录 ${pgliteDir} 正被进程 ${process.pid} 使用：同一数据目录只能由一个进程打开。请先停止该进程，或设置 DATA_DIR 使用另一个目录。`,
    );
    expect(cli.stderr).toContain(`The data directory ${pgliteDir} is in use by process ${process.pid}`);

    await sql`insert into t values (1), (2)`.execute(first.db);
    expect((await sql<{ n: number }>`select count(*)::int as n from t`.execute(first.db)).rows[0]!.n).toBe(2);
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
  }, 120_000);

  it('refuses a second open in the same process too', async () => {
    await expect(createDb({ kind: 'pglite', dataDir: pgliteDir })).rejects.toMatchObject({ code: 'DATA_DIR_LOCKED', pid: process.pid });
  });

  it('releases the lock on close, and takes over the lock of a process that has exited', async () => {
    await first.close();
    expect(existsSync(lockFile)).toBe(false);

    const gone = deadPid();
    writeFileSync(lockFile, lockOf(gone));
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    const again = await createDb({ kind: 'pglite', dataDir: pgliteDir });
    process.off('warning', onWarning);
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
    expect(warnings.join('\n')).toContain(`process ${gone} has exited`);
    expect((await sql<{ n: number }>`select count(*)::int as n from t`.execute(again.db)).rows[0]!.n).toBe(2);
    await again.close();
    expect(existsSync(lockFile)).toBe(false);
  }, 60_000);
});

describe('the lock file', () => {
  const dir = path.join(dataDir, 'bare');
  const file = `${dir}.lock`;

  it('is taken over from a live process that is not node, and from a pid now started later', () => {
    const sleeper = spawn('sleep', ['60']);
    try {
      writeFileSync(file, lockOf(sleeper.pid!));
      lockDataDir(dir)();
      expect(existsSync(file)).toBe(false);
    } finally {
      sleeper.kill();
    }
    // This very process, but the lock says it was started at another time: a reused pid.
    writeFileSync(file, JSON.stringify({ pid: process.pid, start: 'another-boot:1', startedAt: '2020-01-01T00:00:00Z' }));
    lockDataDir(dir)();
    expect(existsSync(file)).toBe(false);
  });

  it('is released when a process that does not handle SIGTERM is stopped by it', async () => {
    const child = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { lockDataDir } = await import('./src/platform/db/data-dir-lock.ts'); lockDataDir(${JSON.stringify(dir)}); console.log('LOCKED'); setInterval(() => {}, 1000);`,
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => child.stdout.on('data', (d) => String(d).includes('LOCKED') && resolve()));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: child.pid });
    expect(() => lockDataDir(dir)).toThrow(`正被进程 ${child.pid} 使用`);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGTERM');
    expect(await exited).toBe('SIGTERM');
    expect(existsSync(file)).toBe(false);
  });
});
