import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestContext, type TestContext } from '../../../tests/helpers/test-context.ts';
import { EMBEDDED_VACUUM_JOB, vacuumEmbedded } from './embedded-vacuum.ts';

/** PGlite has no autovacuum daemon: a daily job vacuums and analyzes the embedded database; PostgreSQL's own daemon does it there. */
let t: TestContext;
beforeAll(async () => {
  t = await openTestContext();
});
afterAll(async () => t?.close());

describe('vacuum of the embedded database', () => {
  it('removes the pages a delete left behind on PGlite and gives the planner statistics; on PostgreSQL it leaves that to autovacuum', async () => {
    await sql`create table public.vacuum_probe (id int primary key, body text not null)`.execute(t.ctx.db);
    try {
      await sql`insert into public.vacuum_probe select g, repeat('x', 200) from generate_series(1, 5000) g`.execute(t.ctx.db);
      await sql`delete from public.vacuum_probe where id > 10`.execute(t.ctx.db);
      const before = await sql<{ n: number }>`select pg_relation_size('public.vacuum_probe')::int as n`.execute(t.ctx.db);
      const done = await vacuumEmbedded(t.ctx, { tables: ['public.vacuum_probe'], analyze: true });
      expect(done).toBe(t.ctx.dbKind === 'pglite');
      const after = await sql<{ n: number; tuples: number }>`select pg_relation_size('public.vacuum_probe')::int as n,
        (select reltuples from pg_class where oid = 'public.vacuum_probe'::regclass)::int as tuples`.execute(t.ctx.db);
      if (done) {
        // The heap shrinks to the pages the ten rows left need, and ANALYZE counted them.
        expect(after.rows[0]!.n).toBeLessThan(before.rows[0]!.n / 10);
        expect(after.rows[0]!.tuples).toBe(10);
      }
    } finally {
      await sql`drop table public.vacuum_probe`.execute(t.ctx.db);
    }
  });

  it('runs as the daily job, over the whole database', async () => {
    await sql`create table public.vacuum_probe2 (id int primary key, body text not null)`.execute(t.ctx.db);
    try {
      await sql`insert into public.vacuum_probe2 select g, repeat('x', 200) from generate_series(1, 5000) g`.execute(t.ctx.db);
      await sql`delete from public.vacuum_probe2`.execute(t.ctx.db);
      await t.ctx.jobs.send(t.ctx, EMBEDDED_VACUUM_JOB, {});
      expect(await t.jobs.runDue(t.ctx, { names: [EMBEDDED_VACUUM_JOB] })).toBe(1);
      const left = await sql<{ n: number }>`select pg_relation_size('public.vacuum_probe2')::int as n`.execute(t.ctx.db);
      if (t.ctx.dbKind === 'pglite') expect(left.rows[0]!.n).toBe(0);
    } finally {
      await sql`drop table public.vacuum_probe2`.execute(t.ctx.db);
    }
  });
});
