import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { verifyPassword } from './hash.ts';

/** How many earlier passwords a new one must differ from (besides the current one): no A→B→A. */
export const PASSWORD_HISTORY = 5;

/** Refuses a password used among the user's last PASSWORD_HISTORY ones (400 PASSWORD_REUSED). */
export async function assertNotRecent(ctx: AppContext, userId: string, password: string): Promise<void> {
  const rows = await sql<{ password_hash: string }>`select password_hash from core.password_history where user_id = ${userId}
    order by id desc limit ${PASSWORD_HISTORY}`.execute(ctx.db);
  for (const r of rows.rows) {
    if (await verifyPassword(r.password_hash, password))
      throw new AppError(
        'PASSWORD_REUSED',
        400,
        `新密码不能与最近 ${PASSWORD_HISTORY} 次使用过的密码相同 / must differ from the last ${PASSWORD_HISTORY} passwords`,
      );
  }
}

/** Keeps the outgoing hash; only the newest PASSWORD_HISTORY are kept. */
export async function retirePassword(tx: AppContext, userId: string, hash: string): Promise<void> {
  await sql`insert into core.password_history (user_id, password_hash, retired_at) values (${userId}, ${hash}, ${tx.clock.now()})`.execute(tx.db);
  await sql`delete from core.password_history where user_id = ${userId} and id not in
    (select id from core.password_history where user_id = ${userId} order by id desc limit ${PASSWORD_HISTORY})`.execute(tx.db);
}
