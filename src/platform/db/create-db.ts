import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PGliteDialect, PostgresDialect, type LogConfig } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';
import { PARSERS } from './parsers.ts';
import { lockDataDir } from './data-dir-lock.ts';

export type DbKind = 'pglite' | 'postgres';

export type DbHandle = {
  db: Kysely<DB>;
  kind: DbKind;
  /** The embedded engine, when kind is 'pglite' (for dumps and pg-boss). */
  pglite?: PGlite;
  close(): Promise<void>;
};

export type DbOptions = (
  { kind: 'pglite'; dataDir: string } | { kind: 'pglite'; loadDataDir: Blob | File } | { kind: 'postgres'; url: string; max?: number }
) & { log?: LogConfig };

/**
 * A failed statement's error carries its SQL text (placeholders, never the parameters), on
 * PostgreSQL as PGlite does; the loggers' serializer drops PGlite's `params` (log-safe.ts).
 */
const withStatement: LogConfig = (event) => {
  if (event.level === 'error' && event.error && typeof event.error === 'object' && !('query' in event.error))
    Object.assign(event.error, { query: event.query.sql });
};

/**
 * Contrib extensions PGlite must load for the migrations (PostgreSQL ships them in postgresql-contrib):
 * pg_trgm for the trigram name search (orgs).
 */
const PGLITE_EXTENSIONS = { pg_trgm };

/**
 * PGlite's start parameters with a 32 MB buffer pool instead of PostgreSQL's 128 MB. The engine
 * zeroes its whole shared memory at every open, in WebAssembly not yet optimised: 145 MB took
 * 0.3–0.5 s of CPU of a ~1.5 s open; 48 MB takes a third of that. Pages outside the pool are read
 * from the operating system's file cache (the data directory is a plain directory), and the demo's
 * queries ran no slower (bench/restart.ts, issue 18). Durability is unchanged.
 */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];

/** Open the database: PGlite (embedded, data directory) or PostgreSQL (pg pool). */
export async function createDb(opts: DbOptions): Promise<DbHandle> {
  if (opts.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.max ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          const p = PARSERS[oid];
          return p ?? pg.types.getTypeParser(oid, format as 'text');
        }) as typeof pg.types.getTypeParser,
      },
    });
    // An idle connection the server ends (a restart, an administrator's command) must not crash the
    // process: pg drops it from the pool and the next query opens a new one.
    pool.on('error', (err) => process.emitWarning(`PostgreSQL 空闲连接已断开 / idle connection ended: ${err.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: opts.log ?? withStatement });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  let pglite: PGlite;
  let unlock = () => {};
  if ('dataDir' in opts) {
    if (!opts.dataDir.startsWith('memory://')) {
      mkdirSync(opts.dataDir, { recursive: true });
      unlock = lockDataDir(opts.dataDir); // before the engine touches a file (data-dir-lock.ts)
    }
    pglite = await PGlite.create(opts.dataDir, { parsers: PARSERS, extensions: PGLITE_EXTENSIONS, startParams: PGLITE_START_PARAMS }).catch((e) => {
      unlock();
      throw e;
    });
  } else {
    pglite = await PGlite.create({ loadDataDir: opts.loadDataDir, parsers: PARSERS, extensions: PGLITE_EXTENSIONS, startParams: PGLITE_START_PARAMS });
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }), log: opts.log ?? withStatement });
  return {
    db,
    kind: 'pglite',
    pglite,
    close: async () => {
      try {
        await db.destroy();
        if (!pglite.closed) await pglite.close();
      } finally {
        unlock();
      }
    },
  };
}
