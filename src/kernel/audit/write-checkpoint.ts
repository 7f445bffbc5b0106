import { sql } from 'kysely';
import { withTx, type AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { canonicalJson } from './canonical-json.ts';
import { AUDIT_ERRORS, type ChainHead } from './contract.ts';
import { CHECKPOINT_GENESIS, checkpointHash, systemHeadHash } from './hash.ts';

export type Checkpoint = { seq: number; at: Date; heads: ChainHead[]; prevHash: string; hash: string; systemHead: string };

/**
 * Snapshot every chain head into core.audit_checkpoint, chained to the previous checkpoint.
 * Run periodically (CLI `minzheng audit checkpoint`, after seeding, later a scheduled job) and
 * copy the printed hash somewhere the database's administrators cannot rewrite: a checkpoint
 * is what makes a rewritten chain tail detectable. It reads committed heads without locking
 * them, so writers never wait for it.
 */
export async function writeCheckpoint(ctx: AppContext): Promise<Checkpoint> {
  return withTx(ctx, async (tx) => {
    const last = (await sql<{ seq: number; hash: string }>`select seq, hash from core.audit_checkpoint order by seq desc limit 1`.execute(tx.db)).rows[0];
    const heads = (
      await sql<{ chain_id: number; seq: number; head_hash: string; head_id: string | null }>`
        select chain_id, seq, head_hash, head_id from core.audit_chain order by chain_id`.execute(tx.db)
    ).rows.map((r): ChainHead => ({ chain: r.chain_id, seq: r.seq, hash: r.head_hash, id: r.head_id }));
    const seq = (last?.seq ?? 0) + 1;
    const prevHash = last?.hash ?? CHECKPOINT_GENESIS;
    const at = tx.clock.now();
    const hash = checkpointHash(prevHash, { seq, at, heads });
    // A concurrent checkpoint took this seq: do nothing rather than abort the transaction.
    const inserted = await sql`insert into core.audit_checkpoint (seq, at, heads, prev_hash, hash)
      values (${seq}, ${at}, cast(${canonicalJson(heads)} as jsonb), ${prevHash}, ${hash})
      on conflict (seq) do nothing returning seq`.execute(tx.db);
    if (!inserted.rows.length) throw new AppError('AUDIT_CHECKPOINT_CONFLICT', 409, AUDIT_ERRORS.AUDIT_CHECKPOINT_CONFLICT);
    return { seq, at, heads, prevHash, hash, systemHead: systemHeadHash(heads) };
  });
}
