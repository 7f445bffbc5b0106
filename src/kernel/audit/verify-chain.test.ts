import { describe, expect, it } from 'vitest';
import type { AuditEventRow, AuditProblem, ChainHead } from './contract.ts';
import { eventHash, genesisHash } from './hash.ts';
import { createChainVerifier } from './verify-chain.ts';

const C = 2;
const id = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;

/** A well-formed chain of n events, built the way recordAudit builds them. */
function chain(n: number): AuditEventRow[] {
  const rows: AuditEventRow[] = [];
  for (let seq = 1; seq <= n; seq++) {
    const prev = rows[seq - 2];
    rows.push(
      seal({
        chain_id: C,
        seq,
        id: id(seq),
        at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)),
        actor_id: id(900),
        actor_name: '测试(tester)',
        org_unit_id: null,
        area_code: '640000',
        area_path: '640000',
        action: 'thing.update',
        entity_type: 'thing',
        entity_id: 't1',
        before: { n: seq - 1 },
        after: { n: seq },
        reason: null,
        client_ip: null,
        prev_id: prev?.id ?? null,
        prev_hash: prev?.hash ?? genesisHash(C),
      }),
    );
  }
  return rows;
}

const seal = (r: Omit<AuditEventRow, 'hash'>): AuditEventRow => ({ ...r, hash: eventHash(r) });
const headOf = (rows: AuditEventRow[]): ChainHead => {
  const last = rows[rows.length - 1];
  return { chain: C, seq: last?.seq ?? 0, hash: last?.hash ?? genesisHash(C), id: last?.id ?? null };
};

function verify(rows: AuditEventRow[], head: ChainHead, checkpoint: ChainHead | null = null) {
  const problems: AuditProblem[] = [];
  const v = createChainVerifier(C, head, checkpoint, (p) => problems.push(p));
  for (const r of rows) v.push(r);
  const events = v.finish();
  return { events, problems, first: problems[0] };
}

describe('createChainVerifier', () => {
  it('accepts an intact chain, an empty chain and a matching checkpoint', () => {
    const rows = chain(5);
    expect(verify(rows, headOf(rows), headOf(rows.slice(0, 3)))).toEqual({ events: 5, problems: [], first: undefined });
    expect(verify([], headOf([])).problems).toEqual([]);
  });

  it('names an altered row (content changed, hash left)', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, after: { n: 99 } };
    const { problems, first } = verify(rows, headOf(rows));
    expect(first).toMatchObject({ kind: 'altered', chainId: C, seq: 3, eventId: id(3) });
    expect(problems).toHaveLength(1);
  });

  it('names the rewritten row, not its innocent successor, when the hash was recomputed', () => {
    const rows = chain(5);
    rows[2] = seal({ ...rows[2]!, reason: '改写' });
    const { problems } = verify(rows, headOf(chain(5)));
    expect(problems).toEqual([expect.objectContaining({ kind: 'altered', seq: 3, eventId: id(3) })]);
  });

  it('names a rewritten last row through the head', () => {
    const rows = chain(4);
    const head = headOf(rows);
    rows[3] = seal({ ...rows[3]!, reason: '改写' });
    expect(verify(rows, head).problems).toEqual([expect.objectContaining({ kind: 'head_mismatch', seq: 4, eventId: id(4) })]);
  });

  it("names a removed middle row by the next row's prev_id, and a removed run by its first seq", () => {
    const rows = chain(6);
    expect(
      verify(
        rows.filter((r) => r.seq !== 3),
        headOf(rows),
      ).problems,
    ).toEqual([expect.objectContaining({ kind: 'removed', seq: 3, eventId: id(3) })]);
    expect(
      verify(
        rows.filter((r) => r.seq < 2 || r.seq > 4),
        headOf(rows),
      ).first,
    ).toMatchObject({ kind: 'removed', seq: 2, eventId: null });
  });

  it('names a removed last row through the head', () => {
    const rows = chain(4);
    expect(verify(rows.slice(0, 3), headOf(rows)).problems).toEqual([expect.objectContaining({ kind: 'removed', seq: 4, eventId: id(4) })]);
  });

  it('names rows appended beyond the head', () => {
    const rows = chain(4);
    const head = headOf(rows.slice(0, 3));
    expect(verify(rows, head).problems).toEqual([expect.objectContaining({ kind: 'inserted', seq: 4, eventId: id(4) })]);
  });

  it('names a forged replacement that links to neither neighbour', () => {
    const rows = chain(5);
    rows[2] = seal({ ...rows[2]!, id: id(333), prev_hash: 'f'.repeat(64) });
    expect(verify(rows, headOf(rows)).first).toMatchObject({ kind: 'inserted', seq: 3, eventId: id(333) });
  });

  it('names a forged replacement that links back but not forward as the replaced row', () => {
    const rows = chain(5);
    rows[2] = seal({ ...rows[2]!, after: { n: 'forged' } });
    // it chains to row 2 correctly; row 4 still points at the original row 3
    expect(verify(rows, headOf(chain(5))).first).toMatchObject({ kind: 'altered', seq: 3, eventId: id(3) });
  });

  it('names a row with seq 0 as inserted', () => {
    const rows = chain(2);
    const forged = seal({ ...rows[0]!, seq: 0, id: id(777) });
    expect(verify([forged, ...rows], headOf(rows)).problems).toEqual([expect.objectContaining({ kind: 'inserted', seq: 0, eventId: id(777) })]);
  });

  it('catches a tail rewritten together with its head through the checkpoint', () => {
    const rows = chain(5);
    const checkpoint = headOf(rows.slice(0, 4));
    const rewritten = rows.slice(0, 3);
    for (const seq of [4, 5]) {
      const prev = rewritten[rewritten.length - 1]!;
      rewritten.push(seal({ ...rows[seq - 1]!, reason: '整体改写', prev_hash: prev.hash }));
    }
    expect(verify(rewritten, headOf(rewritten)).problems).toEqual([]);
    expect(verify(rewritten, headOf(rewritten), checkpoint).problems).toEqual([
      expect.objectContaining({ kind: 'checkpoint_mismatch', seq: 4, eventId: id(4) }),
    ]);
    const cut = rows.slice(0, 2);
    expect(verify(cut, headOf(cut), checkpoint).first).toMatchObject({ kind: 'removed', seq: 3 });
  });
});
