import pg from 'pg';
import type { AppContext } from '../../platform/context.ts';

const RECONNECT_MS = 5_000;

/**
 * On PostgreSQL, one connection per app process LISTENs on core_auth_epoch (sent by the bump
 * trigger at commit) and calls `onBump`, so sessions revoked or grants changed by another process
 * are dropped from this process's cache within milliseconds. A lost connection is re-opened; until
 * then the cache's periodic re-check (AUTH_EPOCH_RECHECK_MS) bounds the delay. On PGlite there is
 * one process and nothing to listen to. Returns the function that stops listening.
 */
export function listenAuthEpoch(ctx: AppContext, onBump: () => void): () => Promise<void> {
  const url = ctx.config.databaseUrl;
  if (ctx.dbKind !== 'postgres' || !url) return async () => {};
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;

  const connect = async () => {
    const c = new pg.Client({ connectionString: url, application_name: 'minzheng auth-epoch listener' });
    client = c;
    const lost = (err?: Error) => {
      if (client !== c) return;
      client = null;
      onBump(); // whatever happened meanwhile was not heard: re-read the counter
      if (err) ctx.logger.warn({ err }, '会话失效通知连接已断开 / auth-epoch listener connection lost');
      if (!stopped) retry = setTimeout(() => void connect(), RECONNECT_MS);
    };
    c.on('notification', () => onBump());
    c.on('error', (err) => lost(err));
    c.on('end', () => lost());
    try {
      await c.connect();
      await c.query('listen core_auth_epoch');
      onBump(); // bumps before LISTEN took effect were not heard
    } catch (err) {
      lost(err as Error);
      await c.end().catch(() => undefined);
    }
  };
  const started = connect();

  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    await started;
    const c = client;
    client = null;
    await c?.end().catch(() => undefined);
  };
}
