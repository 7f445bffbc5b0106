import type { AuditEventRow, AuditProblem, ChainHead } from './contract.ts';
import { eventHash, genesisHash } from './hash.ts';

type Seen = { id: string; seq: number; hash: string };

/**
 * Walks one chain's events in seq order, one row at a time (no chain is ever held in memory),
 * and reports each damage once, naming the event it concerns:
 * - altered: the row's content no longer matches its own hash; or the row was rewritten with
 *   a recomputed hash, which shows as the next row's prev_hash not matching while the next row
 *   still links on to its successor;
 * - inserted: a row beyond the head, a row before seq 1, or a row that links to neither neighbour;
 * - removed: a gap in seq (named by the next row's prev_id), or a head / checkpoint beyond the last row;
 * - head_mismatch / checkpoint_mismatch: the head row / latest checkpoint disagrees with the row at its seq.
 */
export function createChainVerifier(chainId: number, head: ChainHead, checkpoint: ChainHead | null, report: (p: AuditProblem) => void) {
  let expected = 1;
  let prevHash = genesisHash(chainId);
  let prev: Seen | null = null;
  let pending: { row: Seen; before: Seen | null } | null = null;
  let atHead: Seen | null = null;
  let atCheckpoint: Seen | null = null;
  let events = 0;
  const problem = (kind: AuditProblem['kind'], seq: number, eventId: string | null, message: string) =>
    report({ kind, chainId, seq, eventId, message: `链 ${chainId} 第 ${seq} 条${eventId ? `（事件 ${eventId}）` : ''}：${message}` });

  /** A row that self-verifies but does not link back: decide once its successor is known. */
  function resolvePending(linksForward: boolean) {
    const p = pending!;
    pending = null;
    if (linksForward && p.before) {
      problem('altered', p.before.seq, p.before.id, '内容被改写并重算了哈希（后一条事件记录的前序哈希与之不符）');
    } else {
      problem('inserted', p.row.seq, p.row.id, '与前后事件都不衔接，是插入或替换的伪造事件');
    }
  }

  function advance(r: Seen) {
    prevHash = r.hash;
    prev = r;
    expected = r.seq + 1;
    if (r.seq === head.seq) atHead = r;
    if (checkpoint && r.seq === checkpoint.seq) atCheckpoint = r;
  }

  return {
    push(r: AuditEventRow) {
      events++;
      const seen: Seen = { id: r.id, seq: r.seq, hash: r.hash };
      const selfOk = eventHash(r) === r.hash;
      if (pending) resolvePending(r.seq === pending.row.seq + 1 && r.prev_hash === pending.row.hash);
      if (r.seq > head.seq) {
        problem('inserted', r.seq, r.id, `位于链头（第 ${head.seq} 条）之后，是绕过正常写入插入的事件`);
        advance(seen);
        return;
      }
      if (r.seq < expected) {
        problem('inserted', r.seq, r.id, '序号无效（链从第 1 条开始），是插入的事件');
        return;
      }
      if (r.seq > expected) {
        const one = r.seq === expected + 1;
        problem('removed', expected, one ? r.prev_id : null, one ? '事件被删除' : `第 ${expected}–${r.seq - 1} 条事件被删除`);
        if (!selfOk) problem('altered', r.seq, r.id, '事件内容与其哈希不符（被修改）');
        advance(seen);
        return;
      }
      if (!selfOk) problem('altered', r.seq, r.id, '事件内容与其哈希不符（被修改）');
      else if (r.prev_hash !== prevHash || r.prev_id !== (prev?.id ?? null)) {
        if (prev) pending = { row: seen, before: prev };
        else problem('inserted', r.seq, r.id, '首条事件未接续创世哈希，是替换的伪造事件');
      }
      advance(seen);
    },

    /** Head and checkpoint checks after the last row; returns the number of rows walked. */
    finish(): number {
      if (pending) resolvePending(head.seq === pending.row.seq && head.hash === pending.row.hash);
      const last = expected - 1;
      let tailRemoved = false;
      if (head.seq > last) {
        tailRemoved = true;
        const one = head.seq === last + 1;
        problem(
          'removed',
          last + 1,
          one ? head.id : null,
          one ? '末尾事件被删除（链头仍指向它）' : `第 ${last + 1}–${head.seq} 条末尾事件被删除（链头记录到第 ${head.seq} 条）`,
        );
      } else {
        const headRowHash = head.seq === 0 ? genesisHash(chainId) : atHead?.hash;
        if (headRowHash !== head.hash) problem('head_mismatch', head.seq, atHead?.id ?? null, '链头哈希与该条事件不符（事件被改写并重算哈希，或链头被篡改）');
      }
      if (checkpoint) {
        if (checkpoint.seq > last) {
          if (!tailRemoved) {
            const one = checkpoint.seq === last + 1;
            problem(
              'removed',
              last + 1,
              one ? checkpoint.id : null,
              `检查点记录本链已有 ${checkpoint.seq} 条事件，现仅存 ${last} 条（末尾事件连同链头被删改）`,
            );
          }
        } else {
          const cpRowHash = checkpoint.seq === 0 ? genesisHash(chainId) : atCheckpoint?.hash;
          if (cpRowHash !== checkpoint.hash)
            problem('checkpoint_mismatch', checkpoint.seq, atCheckpoint?.id ?? null, '与最近检查点记录的哈希不符（此前的事件被整体改写）');
        }
      }
      return events;
    },
  };
}
