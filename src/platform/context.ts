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
  /**
   * Set while the demo loads its history as past acts (src/server/seed.ts seedDemoHistory): `today` is the real
   * China date. What an act would start for an office to do now (a 主动公开 draft) is not started for an act long
   * past: that work was done, or not, back then.
   */
  replay?: { today: string };
};

/**
 * The only way to open a transaction. The callback gets a context whose `db` IS the
 * transaction, so nothing inside can reach the root handle (on PGlite that hangs forever).
 * Nested calls reuse the open transaction.
 */
export async function withTx<T>(ctx: AppContext, fn: (tx: AppContext) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx);
  const hooks: TxHooks = { commit: [], rollback: [] };
  let result: T;
  try {
    result = await (ctx.db as Kysely<DB>).transaction().execute((trx) => {
      txHooks.set(trx, hooks);
      return fn({ ...ctx, db: trx });
    });
  } catch (e) {
    for (const h of hooks.rollback) await h().catch((err) => ctx.logger.warn({ err }, '事务回滚后的清理失败 / cleanup after rollback failed'));
    throw e;
  }
  for (const h of hooks.commit) await h().catch((err) => ctx.logger.error({ err }, '事务提交后的操作失败 / after-commit action failed'));
  return result;
}

type TxHooks = { commit: (() => Promise<void>)[]; rollback: (() => Promise<void>)[] };
const txHooks = new WeakMap<object, TxHooks>();

/**
 * Run `commit` after the transaction `tx` commits, `rollback` after it rolls back (files moved into
 * place or removed with the rows that name them). Outside a transaction opened by withTx, false:
 * the caller acts at once.
 */
export function onTxEnd(tx: AppContext, h: { commit?: () => Promise<void>; rollback?: () => Promise<void> }): boolean {
  const hooks = tx.db.isTransaction ? txHooks.get(tx.db) : undefined;
  if (!hooks) return false;
  if (h.commit) hooks.commit.push(h.commit);
  if (h.rollback) hooks.rollback.push(h.rollback);
  return true;
}
