import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestContext, type TestContext } from '../../../tests/helpers/test-context.ts';
import { withTx, type AppContext } from '../../platform/context.ts';
import { canonicalJson } from './canonical-json.ts';
import { ensureAuditChains } from './ensure-audit-chains.ts';
import { chainFor, eventHash, genesisHash } from './hash.ts';
import { recordAudit, recordPiiRead, seenHeadColumn, type SeenHead } from './record-audit.ts';
import { chainHead, eventRow, testActor } from './testing/audit-fixtures.ts';
import { verifyAudit } from './verify-audit.ts';
import { writeCheckpoint } from './write-checkpoint.ts';

let t: TestContext;
let ctx: AppContext;
const actor = testActor({ areaPath: '640000.640100.640104', username: 'zhangsan' });
const uniq = () => Math.random().toString(36).slice(2);

beforeAll(async () => {
  t = await openTestContext();
  ctx = t.ctx;
  await ensureAuditChains(ctx);
});
afterAll(() => t?.close());

describe('recordAudit', () => {
  it("writes an event with the actor's defaults that hashes the same when read back", async () => {
    const at = new Date('2026-11-29T08:09:10.987Z');
    const c = { ...ctx, clock: { now: () => at } };
    const entityId = uniq();
    const before = { z: 1e21, a: [0.1, -0, 2 ** 60], 名称: '银川', nested: { b: true, a: null, when: new Date(5) }, gone: undefined };
    const res = await recordAudit(c, { actor, action: 'thing.update', entityType: 'thing', entityId, before, after: { s: 'a\u0000b' }, reason: '测试' });
    const row = await eventRow(ctx.db, res.id);
    expect(row).toMatchObject({
      chain_id: chainFor('thing', entityId, ctx.config.auditChains),
      seq: res.seq,
      actor_id: actor.userId,
      actor_name: '测试员(zhangsan)',
      org_unit_id: actor.orgUnitId,
      area_code: '640104',
      area_path: '640000.640100.640104',
      action: 'thing.update',
      entity_type: 'thing',
      entity_id: entityId,
      reason: '测试',
      client_ip: '192.0.2.10',
      after: { s: 'a\uFFFDb' },
      hash: res.hash,
    });
    expect(row.at.toISOString()).toBe(at.toISOString());
    expect(canonicalJson(row.before)).toBe(canonicalJson(before));
    expect(eventHash(row)).toBe(row.hash);
  });

  it('keeps one entity on one chain with consecutive seqs, linked by prev_hash and prev_id, and moves the head', async () => {
    const entityId = uniq();
    const a = await recordAudit(ctx, { actor, action: 'thing.create', entityType: 'thing', entityId });
    const b = await recordAudit(ctx, { actor, action: 'thing.update', entityType: 'thing', entityId, before: null, after: 'x' });
    expect(b.chainId).toBe(a.chainId);
    expect(b.seq).toBe(a.seq + 1);
    const row = await eventRow(ctx.db, b.id);
    expect(row).toMatchObject({ prev_hash: a.hash, prev_id: a.id, before: null, after: 'x' });
    expect(await chainHead(ctx.db, b.chainId)).toEqual({ seq: b.seq, head_hash: b.hash, head_id: b.id });
  });

  it('takes area and org unit from the input, deriving the code from a given path', async () => {
    const orgUnitId = '0190AAAA-0000-7000-8000-00000000000B';
    const r = await recordAudit(ctx, { actor, action: 'thing.move', entityType: 'thing', entityId: uniq(), areaPath: '640000.640500', orgUnitId });
    expect(await eventRow(ctx.db, r.id)).toMatchObject({ area_path: '640000.640500', area_code: '640500', org_unit_id: orgUnitId.toLowerCase() });
    const n = await recordAudit(ctx, { actor, action: 'thing.x', entityType: 'thing', areaPath: null, areaCode: null, orgUnitId: null });
    expect(await eventRow(ctx.db, n.id)).toMatchObject({ area_path: null, area_code: null, org_unit_id: null, entity_id: null });
  });

  it('rejects a missing action and an actor id that is not a uuid', async () => {
    await expect(recordAudit(ctx, { actor, action: '', entityType: 'thing' })).rejects.toThrow(/action/);
    await expect(recordAudit(ctx, { actor: { ...actor, userId: 'nope' }, action: 'a', entityType: 'thing' })).rejects.toThrow(/uuid/);
  });

  it('writes all events of one transaction to the chain of its first, and nothing when it rolls back', async () => {
    const ids = Array.from({ length: 6 }, uniq);
    const results = await withTx(ctx, async (tx) => {
      const out = [];
      for (const id of ids) out.push(await recordAudit(tx, { actor, action: 'thing.import', entityType: 'thing', entityId: id }));
      return out;
    });
    const chain = chainFor('thing', ids[0], ctx.config.auditChains);
    expect(results.map((r) => r.chainId)).toEqual(ids.map(() => chain));
    expect(results.map((r) => r.seq)).toEqual(results.map((_, i) => results[0]!.seq + i));

    const headBefore = await chainHead(ctx.db, chain);
    let id = '';
    await expect(
      withTx(ctx, async (tx) => {
        id = (await recordAudit(tx, { actor, action: 'thing.import', entityType: 'thing', entityId: ids[0] })).id;
        throw new Error('回滚');
      }),
    ).rejects.toThrow('回滚');
    expect(await chainHead(ctx.db, chain)).toEqual(headBefore);
    expect((await sql`select 1 from core.audit_event where id = ${id}`.execute(ctx.db)).rows).toHaveLength(0);
  });

  it('lets many writers append at once without breaking any chain', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => recordAudit(ctx, { actor, action: 'thing.touch', entityType: 'thing', entityId: `c${i}-${uniq()}`, after: { i } })),
    );
    const byChain = new Map<number, number[]>();
    for (const r of results) byChain.set(r.chainId, [...(byChain.get(r.chainId) ?? []), r.seq]);
    expect(byChain.size).toBeGreaterThan(1);
    for (const seqs of byChain.values()) expect(new Set(seqs).size).toBe(seqs.length);
    const v = await verifyAudit(ctx);
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);
  });

  it('appends in one statement on a head read earlier, and on the locked head when another writer has moved it since', async () => {
    const entityId = uniq();
    const chainId = chainFor('thing', entityId, ctx.config.auditChains);
    const seen = (await sql<{ head: SeenHead }>`select ${seenHeadColumn(chainId)} as head`.execute(ctx.db)).rows[0]!.head;
    await sql`create table if not exists public.audit_also_probe (audit_id uuid not null)`.execute(ctx.db);
    const probe = (id: string) => sql`p as (insert into public.audit_also_probe (audit_id) select ${id}::uuid where exists (select 1 from ev))`;
    const a = await recordAudit(ctx, { actor, action: 'thing.create', entityType: 'thing', entityId }, probe, seen);
    expect([a.chainId, a.seq]).toEqual([chainId, Number(seen.seq) + 1]);
    // `seen` is stale now: the first attempt writes nothing (nor the caller's writes), the second links to a.
    const b = await recordAudit(ctx, { actor, action: 'thing.update', entityType: 'thing', entityId }, probe, seen);
    expect(b.seq).toBe(a.seq + 1);
    expect((await eventRow(ctx.db, b.id)).prev_hash).toBe(a.hash);
    const probed = await sql<{ audit_id: string }>`select audit_id from public.audit_also_probe`.execute(ctx.db);
    expect(probed.rows.map((r) => r.audit_id).sort()).toEqual([a.id, b.id].sort());
    await sql`drop table public.audit_also_probe`.execute(ctx.db);
    expect((await verifyAudit(ctx)).problems).toEqual([]);
  });

  // PGlite has one backend and runs transactions one after another; this needs real PostgreSQL.
  it.runIf(!!process.env.DATABASE_URL)('makes only writers on the same chain wait for an open transaction', async () => {
    const n = ctx.config.auditChains;
    const x = uniq();
    let y = uniq();
    while (chainFor('thing', y, n) === chainFor('thing', x, n)) y = uniq();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const holding = new Promise<void>((r) => (locked = r));
    const long = withTx(ctx, async (tx) => {
      await recordAudit(tx, { actor, action: 'thing.slow', entityType: 'thing', entityId: x });
      locked();
      await gate;
    });
    await holding;
    // another chain: completes while the first transaction still holds its head
    await recordAudit(ctx, { actor, action: 'thing.fast', entityType: 'thing', entityId: y });
    // the same chain: waits for the commit
    let sameDone = false;
    const same = recordAudit(ctx, { actor, action: 'thing.after', entityType: 'thing', entityId: x }).then(() => (sameDone = true));
    await new Promise((r) => setTimeout(r, 200));
    expect(sameDone).toBe(false);
    release();
    await long;
    await same;
    expect(sameDone).toBe(true);
  });

  it('creates a missing chain head on first use when AUDIT_CHAINS was raised', async () => {
    const chains = ctx.config.auditChains + 5;
    let entityId = uniq();
    while (chainFor('thing', entityId, chains) < ctx.config.auditChains) entityId = uniq();
    const wide = { ...ctx, config: { ...ctx.config, auditChains: chains } };
    const r = await recordAudit(wide, { actor, action: 'thing.create', entityType: 'thing', entityId });
    expect(r.seq).toBe(1);
    expect((await eventRow(ctx.db, r.id)).prev_hash).toBe(genesisHash(r.chainId));
    expect((await verifyAudit(ctx)).ok).toBe(true);
  });
});

describe('recordPiiRead', () => {
  it("logs which fields of whose record were shown, in that person's area", async () => {
    const r = await recordPiiRead(ctx, actor, { entityType: 'resident', entityId: 'r-1', areaPath: '640000.640400.640423', fields: ['idNumber', 'phone'] });
    expect(await eventRow(ctx.db, r.id)).toMatchObject({
      action: 'pii.read',
      entity_type: 'resident',
      entity_id: 'r-1',
      area_path: '640000.640400.640423',
      area_code: '640423',
      before: null,
      after: { fields: ['idNumber', 'phone'] },
      actor_id: actor.userId,
    });
  });
});

describe('ensureAuditChains', () => {
  it('is idempotent and leaves existing heads alone', async () => {
    const r = await recordAudit(ctx, { actor, action: 'thing.create', entityType: 'thing', entityId: uniq() });
    await ensureAuditChains(ctx);
    expect((await chainHead(ctx.db, r.chainId)).seq).toBe(r.seq);
    const n = await sql<{ n: number }>`select count(*)::int as n from core.audit_chain where chain_id < ${ctx.config.auditChains}`.execute(ctx.db);
    expect(n.rows[0]!.n).toBe(ctx.config.auditChains);
  });
});

describe('the database refuses to change the log', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of events and checkpoints', async () => {
    const r = await recordAudit(ctx, { actor, action: 'thing.create', entityType: 'thing', entityId: uniq() });
    const refused = /审计日志只可追加,不可修改或删除/;
    await expect(sql`update core.audit_event set reason = '改' where id = ${r.id}`.execute(ctx.db)).rejects.toThrow(refused);
    await expect(sql`delete from core.audit_event where id = ${r.id}`.execute(ctx.db)).rejects.toThrow(refused);
    await expect(sql`truncate core.audit_event`.execute(ctx.db)).rejects.toThrow(refused);
    const cp = await writeCheckpoint(ctx);
    await expect(sql`delete from core.audit_checkpoint where seq = ${cp.seq}`.execute(ctx.db)).rejects.toThrow(refused);
    await expect(sql`update core.audit_checkpoint set hash = 'x' where seq = ${cp.seq}`.execute(ctx.db)).rejects.toThrow(refused);
    expect((await eventRow(ctx.db, r.id)).reason).toBeNull();
  });

  it('lets a chain head only advance by one', async () => {
    const r = await recordAudit(ctx, { actor, action: 'thing.create', entityType: 'thing', entityId: uniq() });
    const refused = /审计链头只能逐条前进/;
    await expect(sql`update core.audit_chain set seq = seq - 1 where chain_id = ${r.chainId}`.execute(ctx.db)).rejects.toThrow(refused);
    await expect(sql`update core.audit_chain set head_hash = 'x' where chain_id = ${r.chainId}`.execute(ctx.db)).rejects.toThrow(refused);
    await expect(sql`delete from core.audit_chain where chain_id = ${r.chainId}`.execute(ctx.db)).rejects.toThrow(refused);
    expect((await chainHead(ctx.db, r.chainId)).head_hash).toBe(r.hash);
  });
});
