import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * One process per PGlite data directory. Two embedded engines on the same files corrupt them (a
 * server that listens but never answers /api/health), so the opener takes `<dir>.lock` — with the
 * server's layout `DATA_DIR/pglite.lock` — created exclusively (O_EXCL) and holding the owner's pid and
 * start. A second opener is refused before it touches the database. A lock whose process is gone,
 * was started after the lock was written (a reused pid: start times differ) or is not a node process
 * is stale and taken over, with a warning. Released by the function `lockDataDir` returns, at exit, and on SIGINT/SIGTERM
 * when nothing else handles them.
 */
export class DataDirLockedError extends Error {
  readonly code = 'DATA_DIR_LOCKED';
  readonly dir: string;
  /** Undefined when the lock file is being written this instant. */
  readonly pid: number | undefined;

  constructor(dir: string, pid: number | undefined) {
    super(
      `数据目录 ${dir} 正被进程 ${pid ?? '?'} 使用：同一数据目录只能由一个进程打开。请先停止该进程，或设置 DATA_DIR 使用另一个目录。\n` +
        `The data directory ${dir} is in use by process ${pid ?? '?'}: only one process may open a data directory. Stop that process first, or set DATA_DIR to another directory.`,
    );
    this.dir = dir;
    this.pid = pid;
  }
}

/** What the lock file holds. `start` identifies the process across pid reuse (Linux: boot id + start ticks). */
type Owner = { pid: number; start: string | null; startedAt: string };

const held = new Map<string, string>(); // lock file → the content this process wrote

/** Take the lock on `dir` or throw DataDirLockedError; returns the release function. */
export function lockDataDir(dir: string): () => void {
  const file = `${path.resolve(dir)}.lock`;
  const mine = JSON.stringify({
    pid: process.pid,
    start: processStart(process.pid),
    startedAt: new Date(performance.timeOrigin).toISOString(),
  } satisfies Owner);
  for (let attempt = 0; ; attempt++) {
    let fd: number | undefined;
    try {
      fd = openSync(file, 'wx', 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    if (fd !== undefined) {
      try {
        writeSync(fd, mine + '\n');
      } catch (e) {
        unlinkQuietly(file); // a full disk leaves no empty lock behind
        throw e;
      } finally {
        closeSync(fd);
      }
      break;
    }
    const text = readIfThere(file);
    if (text === undefined) continue; // released between our attempt and the read
    const owner = parseOwner(text);
    const stale = owner ? staleReason(owner) : youngerThan(file, 2000) ? undefined : (['锁文件内容不完整', 'the lock file is incomplete'] as const);
    if (!stale || attempt >= 2) throw new DataDirLockedError(path.resolve(dir), owner?.pid);
    process.emitWarning(`接管数据目录 ${dir} 的过期锁（${stale[0]}）/ taking over the stale lock on ${dir} (${stale[1]})`);
    // Only the lock judged stale is removed: another opener may have replaced it since.
    if (readIfThere(file) === text) unlinkQuietly(file);
  }
  held.set(file, mine);
  if (held.size === 1) installReleaseOnExit();
  return () => release(file);
}

function release(file: string) {
  const mine = held.get(file);
  if (mine === undefined) return;
  held.delete(file);
  if (readIfThere(file)?.trim() === mine) unlinkQuietly(file);
}

let installed = false;
function installReleaseOnExit() {
  if (installed) return;
  installed = true;
  process.on('exit', () => {
    for (const file of [...held.keys()]) release(file);
  });
  // A process that handles the signal itself closes the database and exits (released then); one
  // that does not would die by the signal's default action, so release and re-raise it.
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    const onSignal = () => {
      if (process.listenerCount(sig) > 1) return;
      for (const file of [...held.keys()]) release(file);
      process.removeListener(sig, onSignal);
      process.kill(process.pid, sig);
    };
    process.on(sig, onSignal);
  }
}

/** Why the lock's owner no longer holds it (Chinese, English), or undefined while it does. */
function staleReason({ pid, start }: Owner): readonly [string, string] | undefined {
  if (!alive(pid)) return [`进程 ${pid} 已结束`, `process ${pid} has exited`];
  const now = processStart(pid);
  if (start && now && now !== start) return [`进程号 ${pid} 已属另一进程`, `pid ${pid} now belongs to another process`];
  if (!isNode(pid)) return [`进程 ${pid} 不是 node 进程`, `process ${pid} is not a node process`];
  return undefined;
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Linux: `<boot id>:<start time in clock ticks>` of the process; null where /proc cannot tell. */
function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ticks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    return `${readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()}:${ticks}`;
  } catch {
    return null;
  }
}

/** Is the process's program node (or whatever runs this one)? True where /proc cannot tell. */
function isNode(pid: number) {
  let argv0: string;
  try {
    argv0 = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0]!;
  } catch {
    return true;
  }
  const name = path.basename(argv0);
  return /^node/.test(name) || name === path.basename(process.execPath);
}

function parseOwner(text: string): Owner | undefined {
  try {
    const o = JSON.parse(text) as Partial<Owner>;
    return Number.isInteger(o.pid) && (o.pid as number) > 0 ? { pid: o.pid!, start: o.start ?? null, startedAt: String(o.startedAt) } : undefined;
  } catch {
    return undefined;
  }
}

/** A lock file not yet holding its owner may be one being written this instant. */
function youngerThan(file: string, ms: number) {
  try {
    return Date.now() - statSync(file).mtimeMs < ms;
  } catch {
    return false;
  }
}

function readIfThere(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function unlinkQuietly(file: string) {
  try {
    unlinkSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}
