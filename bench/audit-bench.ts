/**
 * Audit-chain writes: N events one transaction each, N in one transaction, against plain inserts of a similar row; with
 * DATABASE_URL also 1 and 8 writers side by side; then verifyAudit over the whole log. With --on-generated (or
 * BENCH_ON_GENERATED=1) on the generated database (its chains' heads are put back and the events removed at the end).
 */
import { createDb, type DbHandle } from '../src/platform/db/create-db.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { migrations } from '../src/server/migrations.ts';
import { parseConfig } from '../src/platform/config.ts';
import { systemClock, withTx, type AppContext } from '../src/platform/context.ts';
import { noJobs } from '../src/platform/jobs.ts';
import { ensureAuditChains } from '../src/kernel/audit/ensure-audit-chains.ts';
import { recordAudit } from '../src/kernel/audit/record-audit.ts';
import { verifyAudit } from '../src/kernel/audit/verify-audit.ts';
import { SYSTEM_ACTOR } from '../src/kernel/identity/actor.ts';
import { adminQuery, withDatabase } from '../tests/helpers/databases.ts';
import { sql } from 'kysely';
import { onGenerated, openBench } from './lib.ts';

const url = process.env.DATABASE_URL;
const silent = { info() {}, warn() {}, error() {}, debug() {} };
let h: DbHandle;
let ctx: AppContext;
let close = async () => {};
if (onGenerated) {
  const b = await openBench({ pool: 16 });
  h = b.handle;
  ctx = b.ctx;
  close = b.close;
} else {
  if (url) {
    const name = `mz_bench_${Date.now()}`;
    await adminQuery(url, `create database ${name}`);
    h = await createDb({ kind: 'postgres', url: withDatabase(url, name), max: 16 });
  } else h = await createDb({ kind: 'pglite', dataDir: 'memory://' });
  ctx = {
    db: h.db,
    dbKind: h.kind,
    config: parseConfig({ DATABASE_URL: url, AUDIT_CHAINS: process.env.AUDIT_CHAINS }),
    clock: systemClock,
    jobs: noJobs,
    logger: silent,
  };
  await migrateToLatest(h.db, migrations);
  await ensureAuditChains(ctx);
  close = () => h.close();
}
try {
  const payload = { name: '银川市兴庆区民政局', level: 3, tags: ['a', 'b'], nested: { x: 1.5, y: null } };
  const N = 2000;
  let t0 = performance.now();
  for (let i = 0; i < N; i++)
    await recordAudit(ctx, { actor: SYSTEM_ACTOR, action: 'bench.one', entityType: 'bench', entityId: String(i), before: payload, after: payload });
  console.log(`${h.kind}${onGenerated ? ' (generated)' : ''}: ${N} events, one tx each: ${((performance.now() - t0) / N).toFixed(3)} ms/event`);
  t0 = performance.now();
  await withTx(ctx, async (tx) => {
    for (let i = 0; i < N; i++)
      await recordAudit(tx, { actor: SYSTEM_ACTOR, action: 'bench.bulk', entityType: 'bench', entityId: String(i), before: payload, after: payload });
  });
  console.log(`${h.kind}: ${N} events in one tx: ${((performance.now() - t0) / N).toFixed(3)} ms/event`);
  // baseline: plain insert of a similar row without hashing/locking
  await sql`create table public.plain (id uuid primary key, at timestamptz, body jsonb)`.execute(h.db);
  t0 = performance.now();
  for (let i = 0; i < N; i++)
    await withTx(ctx, (tx) => sql`insert into public.plain values (gen_random_uuid(), now(), ${JSON.stringify(payload)})`.execute(tx.db));
  console.log(`${h.kind}: baseline plain insert, one tx each: ${((performance.now() - t0) / N).toFixed(3)} ms/row`);
  if (url) {
    for (const W of [1, 8]) {
      t0 = performance.now();
      let k = 0;
      await Promise.all(
        Array.from({ length: W }, async (_, w) => {
          for (let i = 0; i < N / W; i++)
            await recordAudit(ctx, {
              actor: SYSTEM_ACTOR,
              action: 'bench.par',
              entityType: 'bench',
              entityId: `${w}-${i}-${k++}`,
              before: payload,
              after: payload,
            });
        }),
      );
      const a = performance.now() - t0;
      t0 = performance.now();
      await Promise.all(
        Array.from({ length: W }, async () => {
          for (let i = 0; i < N / W; i++)
            await withTx(ctx, (tx) => sql`insert into public.plain values (gen_random_uuid(), now(), ${JSON.stringify(payload)})`.execute(tx.db));
        }),
      );
      const b = performance.now() - t0;
      console.log(
        `${h.kind}: ${W} writers: audit ${((N / a) * 1000).toFixed(0)} ev/s, plain ${((N / b) * 1000).toFixed(0)} rows/s, ratio ${(b / a).toFixed(2)}`,
      );
    }
  }
  t0 = performance.now();
  const v = await verifyAudit(ctx);
  console.log(
    `${h.kind}: verify ${v.events} events ok=${v.ok}: ${(performance.now() - t0).toFixed(0)} ms (${(((performance.now() - t0) / v.events) * 1000).toFixed(1)} µs/event)`,
  );
} finally {
  await close();
}
