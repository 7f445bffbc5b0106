import type { Kysely, Transaction } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import type { DB } from './db/schema.ts';
import type { DbKind } from './db/create-db.ts';
import type { Jobs } from './jobs.ts';

export type Db = Kysely<DB> | Transaction<DB>;

export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

/** Everything a command needs, passed explicitly as the first argument (no DI container). */
export type AppContext = {
  db: Db;
  dbKind: DbKind;
  config: Config;
  clock: Clock;
  /** Durable job queue (pg-boss): `ctx.jobs.send(ctx, …)` enqueues inside ctx's transaction. */
  jobs: Jobs;
  logger: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error' | 'debug'>;
};

/**
 * The only way to open a transaction. The callback gets a context whose `db` IS the
 * transaction, so nothing inside can reach the root handle (on PGlite that hangs forever).
 * Nested calls reuse the open transaction.
 */
export async function withTx<T>(ctx: AppContext, fn: (tx: AppContext) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx);
  return (ctx.db as Kysely<DB>).transaction().execute((trx) => fn({ ...ctx, db: trx }));
}
