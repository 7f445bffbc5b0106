import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestContext, type TestContext } from '../../../tests/helpers/test-context.ts';
import { withTx, type AppContext } from '../context.ts';
import { registerJobHandler } from './registry.ts';

/** Jobs on the real engine: enqueued through the business transaction, or not at all. */
let t: TestContext;
let ctx: AppContext;
const tag = Math.random().toString(36).slice(2, 8);
const Q = `test.jobs.${tag}`;
const FAIL = `test.jobs.fail.${tag}`;
const effects = (key: string) =>
  sql<{ n: number }>`select count(*)::int as n from public.job_effect where key = ${key}`.execute(ctx.db).then((r) => r.rows[0]!.n);
const jobRows = (name: string) => sql<{ id: string; state: string }>`select id, state from pgboss.job where name = ${name}`.execute(ctx.db).then((r) => r.rows);

registerJobHandler<{ key: string }>(Q, async (c, data, job) => {
  await sql`insert into public.job_effect (key, job_id) values (${data.key}, ${job.id})`.execute(c.db);
});
registerJobHandler(
  FAIL,
  async () => {
    throw new Error('处理失败');
  },
  { retryLimit: 1, retryDelaySeconds: 60 },
);

beforeAll(async () => {
  t = await openTestContext();
  ctx = t.ctx;
  await sql`create table public.job_effect (key text not null, job_id text not null, at timestamptz not null default now())`.execute(ctx.db);
});
afterAll(async () => {
  await t?.close();
});

describe('jobs', () => {
  it('a job sent in a committed transaction exists and runs once', async () => {
    const id = await withTx(ctx, (tx) => tx.jobs.send(tx, Q, { key: 'committed' }));
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await t.jobs.runDue(ctx, { names: [Q] })).toBe(1);
    expect(await t.jobs.runDue(ctx, { names: [Q] })).toBe(0);
    expect(await effects('committed')).toBe(1);
  });

  it('a job sent in a rolled-back transaction never exists and never runs', async () => {
    let sent: string | null = null;
    await expect(
      withTx(ctx, async (tx) => {
        sent = await tx.jobs.send(tx, Q, { key: 'rolled-back' });
        throw new Error('业务失败');
      }),
    ).rejects.toThrow('业务失败');
    expect(sent).toMatch(/^[0-9a-f-]{36}$/);
    expect((await jobRows(Q)).some((r) => r.id === sent)).toBe(false);
    expect(await t.jobs.runDue(ctx, { names: [Q], includeFuture: true })).toBe(0);
    expect(await effects('rolled-back')).toBe(0);
  });

  it('sends outside a transaction at once', async () => {
    const id = await ctx.jobs.send(ctx, Q, { key: 'direct' });
    expect((await jobRows(Q)).find((r) => r.id === id)?.state).toBe('created');
    await t.jobs.runDue(ctx, { names: [Q] });
    expect(await effects('direct')).toBe(1);
  });

  it('holds a job back until startAfter (a durable timer); includeFuture fast-forwards', async () => {
    await ctx.jobs.send(ctx, Q, { key: 'later' }, { startAfter: new Date(Date.now() + 3600_000) });
    expect(await t.jobs.runDue(ctx, { names: [Q] })).toBe(0);
    expect(await t.jobs.runDue(ctx, { names: [Q], includeFuture: true })).toBe(1);
    expect(await effects('later')).toBe(1);
  });

  it('singletonKey: one queued job per key, seen inside the same transaction too', async () => {
    const [a, b] = await withTx(ctx, async (tx) => [
      await tx.jobs.send(tx, Q, { key: 'single' }, { singletonKey: 'k1', startAfter: new Date(Date.now() + 3600_000) }),
      await tx.jobs.send(tx, Q, { key: 'single' }, { singletonKey: 'k1' }),
    ]);
    expect(a).not.toBeNull();
    expect(b).toBeNull();
    expect(await ctx.jobs.send(ctx, Q, { key: 'single' }, { singletonKey: 'k2' })).not.toBeNull();
    await t.jobs.runDue(ctx, { names: [Q], includeFuture: true });
    expect(await effects('single')).toBe(2);
  });

  it('cancel inside a transaction withdraws a timer', async () => {
    const id = await ctx.jobs.send(ctx, Q, { key: 'cancelled' }, { startAfter: new Date(Date.now() + 3600_000) });
    await withTx(ctx, (tx) => tx.jobs.cancel(tx, Q, id!));
    expect((await jobRows(Q)).find((r) => r.id === id)?.state).toBe('cancelled');
    expect(await t.jobs.runDue(ctx, { names: [Q], includeFuture: true })).toBe(0);
  });

  it('a failing handler leaves its job for a retry and surfaces the error', async () => {
    const id = await ctx.jobs.send(ctx, FAIL, {});
    await expect(t.jobs.runDue(ctx, { names: [FAIL] })).rejects.toThrow('处理失败');
    expect((await jobRows(FAIL)).find((r) => r.id === id)?.state).toBe('retry');
  });

  it('an undeclared queue is created on first use outside a transaction, refused inside one', async () => {
    const name = `test.jobs.undeclared.${tag}`;
    await expect(withTx(ctx, (tx) => tx.jobs.send(tx, name, {}))).rejects.toThrow(/registerJobHandler/);
    expect(await ctx.jobs.send(ctx, name, {})).not.toBeNull();
    expect(await withTx(ctx, (tx) => tx.jobs.send(tx, name, {}))).not.toBeNull();
  });

  it('a started worker runs a due job within about two seconds', async () => {
    await t.jobs.start(ctx);
    const started = Date.now();
    await withTx(ctx, (tx) => tx.jobs.send(tx, Q, { key: 'worker' }));
    while ((await effects('worker')) === 0 && Date.now() - started < 8000) await new Promise((r) => setTimeout(r, 100));
    const ms = Date.now() - started;
    expect(await effects('worker')).toBe(1);
    expect(ms).toBeLessThan(3000);
  });
});
