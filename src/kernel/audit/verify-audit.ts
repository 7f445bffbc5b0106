import { sql } from 'kysely';
import { withTx, type AppContext } from '../../platform/context.ts';
import type { AuditEventRow, AuditProblem, ChainHead, VerifyResult } from './contract.ts';
import { CHECKPOINT_GENESIS, checkpointHash, genesisHash, systemHeadHash } from './hash.ts';
import { createChainVerifier } from './verify-chain.ts';

export type VerifyOptions = { batchSize?: number; maxProblems?: number };

/**
 * Check every chain and the checkpoint chain (see README). Streams each chain in seq order
 * by keyset pages, so memory stays flat on millions of rows. Runs in one repeatable-read
 * snapshot: events appended meanwhile are neither seen nor mistaken for insertions.
 */
export async function verifyAudit(ctx: AppContext, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const batch = opts.batchSize ?? 2000;
  const max = opts.maxProblems ?? 200;
  const ownTx = !ctx.db.isTransaction;
  return withTx(ctx, async (tx) => {
    if (ownTx) await sql`set transaction isolation level repeatable read, read only`.execute(tx.db);
    const problems: AuditProblem[] = [];
    let found = 0;
    const report = (p: AuditProblem) => {
      found++;
      if (problems.length < max) problems.push(p);
    };

    const heads = (
      await sql<{ chain_id: number; seq: number; head_hash: string; head_id: string | null }>`
        select chain_id, seq, head_hash, head_id from core.audit_chain order by chain_id`.execute(tx.db)
    ).rows.map((r): ChainHead => ({ chain: r.chain_id, seq: r.seq, hash: r.head_hash, id: r.head_id }));
    const headOf = new Map(heads.map((h) => [h.chain, h]));

    // Checkpoint-chain problems are listed after the event chains': the event ones name the damage.
    const cpProblems: AuditProblem[] = [];
    const { count: checkpoints, latest } = await verifyCheckpoints(tx, batch, (p) => cpProblems.push(p));

    const chainIds = new Set<number>([...headOf.keys(), ...(await chainsWithEvents(tx)), ...(latest?.map((h) => h.chain) ?? [])]);
    let events = 0;
    for (const chainId of [...chainIds].sort((a, b) => a - b)) {
      // A chain with events but no head row: every event in it is an insertion (head at seq 0).
      const head = headOf.get(chainId) ?? { chain: chainId, seq: 0, hash: genesisHash(chainId), id: null };
      const checkpoint = latest?.find((h) => h.chain === chainId) ?? null;
      const v = createChainVerifier(chainId, head, checkpoint, report);
      for (let after = Number.MIN_SAFE_INTEGER; ;) {
        const rows = (
          await sql<AuditEventRow>`select * from core.audit_event where chain_id = ${chainId} and seq > ${after}
            order by seq limit ${batch}`.execute(tx.db)
        ).rows;
        for (const r of rows) v.push(r);
        if (rows.length < batch) break;
        after = rows[rows.length - 1]!.seq;
      }
      events += v.finish();
    }
    for (const p of cpProblems) report(p);
    return {
      ok: found === 0,
      events,
      chains: heads.length,
      checkpoints,
      headHash: systemHeadHash(heads),
      problems,
      truncated: found > problems.length,
    };
  });
}

/** Distinct chain ids present in the log, by a skip scan over the primary key (no full scan). */
async function chainsWithEvents(tx: AppContext): Promise<number[]> {
  const r = await sql<{ id: number }>`with recursive c(id) as (
      select min(chain_id) from core.audit_event
      union all
      select (select min(e.chain_id) from core.audit_event e where e.chain_id > c.id) from c where c.id is not null
    ) select id from c where id is not null`.execute(tx.db);
  return r.rows.map((x) => x.id);
}

type CheckpointRow = { seq: number; at: Date; heads: ChainHead[]; prev_hash: string; hash: string };

/**
 * Walk the checkpoint chain; return the heads of the latest checkpoint that verifies. Heads
 * must never move backwards from one checkpoint to the next.
 */
async function verifyCheckpoints(tx: AppContext, batch: number, report: (p: AuditProblem) => void) {
  let expected = 1;
  let prevHash = CHECKPOINT_GENESIS;
  let latest: ChainHead[] | null = null;
  let count = 0;
  const lastSeq = new Map<number, number>();
  const problem = (seq: number, message: string) =>
    report({ kind: 'checkpoint_mismatch', chainId: null, seq, eventId: null, message: `检查点第 ${seq} 条：${message}` });
  for (let after = Number.MIN_SAFE_INTEGER; ;) {
    const rows = (
      await sql<CheckpointRow>`select seq, at, heads, prev_hash, hash from core.audit_checkpoint where seq > ${after}
        order by seq limit ${batch}`.execute(tx.db)
    ).rows;
    for (const cp of rows) {
      count++;
      if (cp.seq !== expected) problem(Math.min(cp.seq, expected), cp.seq > expected ? '检查点被删除' : '序号无效，是插入的检查点');
      const heads = Array.isArray(cp.heads) ? cp.heads : [];
      if (checkpointHash(cp.prev_hash, { seq: cp.seq, at: cp.at, heads }) !== cp.hash) problem(cp.seq, '内容与其哈希不符（被修改）');
      else if (cp.prev_hash !== prevHash && cp.seq === expected) problem(cp.seq, '与上一检查点不衔接（上一检查点被改写或本条为伪造）');
      else {
        for (const h of heads) {
          if ((lastSeq.get(h.chain) ?? 0) > h.seq) problem(cp.seq, `链 ${h.chain} 的链头较上一检查点回退`);
          lastSeq.set(h.chain, h.seq);
        }
        latest = heads;
      }
      prevHash = cp.hash;
      expected = cp.seq + 1;
    }
    if (rows.length < batch) break;
    after = rows[rows.length - 1]!.seq;
  }
  return { count, latest };
}
