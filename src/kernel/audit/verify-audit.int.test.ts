import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestContext, type TestContext } from '../../../tests/helpers/test-context.ts';
import type { AppContext } from '../../platform/context.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { RecordedAudit } from './contract.ts';
import { ensureAuditChains } from './ensure-audit-chains.ts';
import { chainFor, eventHash } from './hash.ts';
import { recordAudit } from './record-audit.ts';
import { chainHead, eventRow, insertRowJson, saveRow, tamper, testActor } from './testing/audit-fixtures.ts';
import { verifyAudit } from './verify-audit.ts';
import { writeCheckpoint } from './write-checkpoint.ts';

let t: TestContext;
let ctx: AppContext;
const actor = testActor();
const entityId = `e-${Math.random().toString(36).slice(2)}`;
/** Five events of one entity: consecutive on one chain, the last ones of that chain. */
let ev: RecordedAudit[];

beforeAll(async () => {
  t = await openTestContext();
  ctx = t.ctx;
  await ensureAuditChains(ctx);
  ev = [];
  for (let i = 0; i < 5; i++) {
    ev.push(await recordAudit(ctx, { actor, action: 'thing.update', entityType: 'thing', entityId, before: { i }, after: { i: i + 1, 说明: '第' + i } }));
  }
  // other entities on other chains, so that verification has company
  for (let i = 0; i < 10; i++) await recordAudit(ctx, { actor, action: 'thing.create', entityType: 'other', entityId: elsewhere() });
});
afterAll(() => t?.close());

/** An entity id whose events go to another chain than the entity under test. */
function elsewhere(): string {
  const chain = chainFor('thing', entityId, ctx.config.auditChains);
  for (;;) {
    const id = Math.random().toString(36).slice(2);
    if (chainFor('other', id, ctx.config.auditChains) !== chain) return id;
  }
}

/** Verify in small pages too, so keyset pagination crosses page boundaries. */
async function check() {
  const big = await verifyAudit(ctx);
  const small = await verifyAudit(ctx, { batchSize: 2 });
  expect(small).toEqual(big);
  return big;
}

describe('verifyAudit', () => {
  it('reports an intact log with its event count and system head', async () => {
    const r = await check();
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({ ok: true, chains: ctx.config.auditChains, truncated: false });
    expect(r.events).toBeGreaterThanOrEqual(15);
    expect(r.headHash).toMatch(/^[0-9a-f]{64}$/);
    await recordAudit(ctx, { actor, action: 'thing.create', entityType: 'other', entityId: elsewhere() });
    const again = await verifyAudit(ctx);
    expect(again.events).toBe(r.events + 1);
    expect(again.headHash).not.toBe(r.headHash);
  });

  it('(a) names an event whose field was altered', async () => {
    const target = ev[2]!;
    const saved = await saveRow(ctx.db, target.id);
    await tamper(ctx, (db) => sql`update core.audit_event set after = '{"i": 999}' where id = ${target.id}`.execute(db));
    const r = await check();
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ kind: 'altered', chainId: target.chainId, seq: target.seq, eventId: target.id });
    expect(r.problems[0]!.message).toContain('被修改');
    expect(r.problems).toHaveLength(1);
    await restore(target.id, saved);
  });

  it("(a') names an event rewritten with a recomputed hash, not its successor", async () => {
    const target = ev[1]!;
    const saved = await saveRow(ctx.db, target.id);
    const forged = { ...(await eventRow(ctx.db, target.id)), reason: '伪造理由' };
    const hash = eventHash(forged);
    await tamper(ctx, (db) => sql`update core.audit_event set reason = ${forged.reason}, hash = ${hash} where id = ${target.id}`.execute(db));
    const r = await check();
    expect(r.problems).toEqual([expect.objectContaining({ kind: 'altered', chainId: target.chainId, seq: target.seq, eventId: target.id })]);
    await restore(target.id, saved);
  });

  it('(b) names a deleted middle event', async () => {
    const target = ev[2]!;
    const saved = await saveRow(ctx.db, target.id);
    await tamper(ctx, (db) => sql`delete from core.audit_event where id = ${target.id}`.execute(db));
    const r = await check();
    expect(r.problems[0]).toMatchObject({ kind: 'removed', chainId: target.chainId, seq: target.seq, eventId: target.id });
    expect(r.problems).toHaveLength(1);
    await restore(target.id, saved);
  });

  it('(c) names a deleted last event', async () => {
    const target = ev[4]!;
    expect((await chainHead(ctx.db, target.chainId)).head_id).toBe(target.id);
    const saved = await saveRow(ctx.db, target.id);
    await tamper(ctx, (db) => sql`delete from core.audit_event where id = ${target.id}`.execute(db));
    const r = await check();
    expect(r.problems).toEqual([expect.objectContaining({ kind: 'removed', chainId: target.chainId, seq: target.seq, eventId: target.id })]);
    await restore(target.id, saved);
  });

  it('(d) names a forged event inserted after the head, even with a valid hash', async () => {
    const last = await eventRow(ctx.db, ev[4]!.id);
    const forged = { ...last, seq: last.seq + 1, id: uuidv7(), at: new Date(), reason: '伪造', prev_id: last.id, prev_hash: last.hash };
    forged.hash = eventHash(forged);
    await tamper(ctx, (db) => insertRowJson(db, JSON.stringify(forged)));
    const r = await check();
    expect(r.problems).toEqual([expect.objectContaining({ kind: 'inserted', chainId: last.chain_id, seq: forged.seq, eventId: forged.id })]);
    await tamper(ctx, (db) => sql`delete from core.audit_event where id = ${forged.id}`.execute(db));
    expect((await check()).ok).toBe(true);
  });

  it("(d') names a forged event that replaced a deleted one", async () => {
    const target = ev[3]!;
    const saved = await saveRow(ctx.db, target.id);
    const original = await eventRow(ctx.db, target.id);
    const forged = { ...original, id: uuidv7(), prev_hash: '0'.repeat(64), after: { i: -1 } };
    forged.hash = eventHash(forged);
    await tamper(ctx, async (db) => {
      await sql`delete from core.audit_event where id = ${target.id}`.execute(db);
      await insertRowJson(db, JSON.stringify(forged));
    });
    const r = await check();
    expect(r.problems[0]).toMatchObject({ kind: 'inserted', chainId: target.chainId, seq: target.seq, eventId: forged.id });
    await tamper(ctx, (db) => sql`delete from core.audit_event where id = ${forged.id}`.execute(db));
    await restore(target.id, saved);
  });

  it('names an event placed on a chain that has no head', async () => {
    const row = { ...(await eventRow(ctx.db, ev[0]!.id)), chain_id: 9999, seq: 1, id: uuidv7() };
    await tamper(ctx, (db) => insertRowJson(db, JSON.stringify(row)));
    const r = await check();
    expect(r.problems).toEqual([expect.objectContaining({ kind: 'inserted', chainId: 9999, seq: 1, eventId: row.id })]);
    await tamper(ctx, (db) => sql`delete from core.audit_event where id = ${row.id}`.execute(db));
  });

  it('reports the first damage first when there are several', async () => {
    const a = ev[1]!;
    const b = ev[3]!;
    await tamper(ctx, (db) => sql`update core.audit_event set reason = 'x' where id in (${a.id}, ${b.id})`.execute(db));
    const r = await check();
    expect(r.problems.map((p) => p.eventId)).toEqual([a.id, b.id]);
    await tamper(ctx, (db) => sql`update core.audit_event set reason = null where id in (${a.id}, ${b.id})`.execute(db));
    expect((await check()).ok).toBe(true);
  });
});

describe('checkpoints', () => {
  it('chain the heads, and catch a tail rewritten together with its head', async () => {
    const cp1 = await writeCheckpoint(ctx);
    await recordAudit(ctx, { actor, action: 'thing.update', entityType: 'thing', entityId });
    const cp2 = await writeCheckpoint(ctx);
    expect(cp2.seq).toBe(cp1.seq + 1);
    expect(cp2.prevHash).toBe(cp1.hash);
    const ok = await check();
    expect(ok.ok).toBe(true);
    expect(ok.checkpoints).toBeGreaterThanOrEqual(2);
    expect(cp2.systemHead).toBe(ok.headHash);

    // Rewrite the last event, recompute its hash and move the head to match: the chain alone looks fine.
    const target = ev[4]!; // same chain; its newest event is covered by the latest checkpoint
    const last = (await chainHead(ctx.db, target.chainId)).head_id!;
    const saved = await saveRow(ctx.db, last);
    const original = await eventRow(ctx.db, last);
    const forged = { ...original, reason: '事后改写' };
    forged.hash = eventHash(forged);
    await tamper(ctx, async (db) => {
      await sql`update core.audit_event set reason = ${forged.reason}, hash = ${forged.hash} where id = ${last}`.execute(db);
      await sql`update core.audit_chain set head_hash = ${forged.hash} where chain_id = ${target.chainId}`.execute(db);
    });
    const r = await check();
    expect(r.problems).toEqual([expect.objectContaining({ kind: 'checkpoint_mismatch', chainId: target.chainId, seq: original.seq, eventId: last })]);
    await tamper(ctx, async (db) => {
      await sql`delete from core.audit_event where id = ${last}`.execute(db);
      await insertRowJson(db, saved);
      await sql`update core.audit_chain set head_hash = ${original.hash} where chain_id = ${target.chainId}`.execute(db);
    });
    expect((await check()).ok).toBe(true);
  });

  it('detects an altered checkpoint', async () => {
    const cp = await writeCheckpoint(ctx);
    await tamper(ctx, (db) => sql`update core.audit_checkpoint set at = at + interval '1 hour' where seq = ${cp.seq}`.execute(db));
    const r = await check();
    expect(r.problems[0]).toMatchObject({ kind: 'checkpoint_mismatch', chainId: null, seq: cp.seq });
    await tamper(ctx, (db) => sql`update core.audit_checkpoint set at = at - interval '1 hour' where seq = ${cp.seq}`.execute(db));
    expect((await check()).ok).toBe(true);
  });
});

async function restore(id: string, saved: string) {
  await tamper(ctx, async (db) => {
    await sql`delete from core.audit_event where id = ${id}`.execute(db);
    await insertRowJson(db, saved);
  });
  const r = await check();
  expect(r.problems).toEqual([]);
}
