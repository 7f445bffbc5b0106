import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig, type Config } from '../../platform/config.ts';
import { withTx } from '../../platform/context.ts';
import { JOB_TABLES, listTables } from '../../platform/db/dump.ts';
import { openContext, prepareDatabase, type Booted } from '../boot.ts';
import { SYSTEM_ACTOR } from '../../kernel/identity/actor.ts';
import { createCase } from '../../kernel/workflow/create-case.ts';
import { attachmentStore, storeAttachment } from '../../kernel/workflow/attachments.ts';
import { verifyAudit } from '../../kernel/audit/verify-audit.ts';
import { adminQuery, quoteIdent, withDatabase } from '../../../tests/helpers/databases.ts';
import { manualClock } from '../../../tests/helpers/test-app.ts';
import { SAMPLE_TYPE } from '../../../tests/helpers/sample-workflow.ts';
import { attachmentsDir, dumpToFile, restoreFromFile } from './db-backup.ts';

/**
 * `db dump` → `db restore` into a fresh database and DATA_DIR: the same rows in every table, the
 * same open jobs (and a restored deadline timer fires), the same attachment bytes, and the audit
 * chain verifies. On PostgreSQL runs also PGlite → PostgreSQL, the documented migration path.
 */
const pgUrl = process.env.DATABASE_URL;
const KEY = '00112233445566778899aabbccddeeff';
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
});

type Kind = 'pglite' | 'postgres';
async function place(kind: Kind, key = KEY): Promise<Config> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mz-backup-'));
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  let url: string | undefined;
  if (kind === 'postgres') {
    const name = `mz_t_backup_${randomBytes(5).toString('hex')}`;
    await adminQuery(pgUrl!, `create database ${quoteIdent(name)}`);
    cleanups.push(() => adminQuery(pgUrl!, `drop database if exists ${quoteIdent(name)} with (force)`));
    url = withDatabase(pgUrl!, name);
  }
  return parseConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir, DATABASE_URL: url, DEMO: 'on', PII_KEY: key });
}

async function counts(b: Booted) {
  const out: Record<string, number> = {};
  for (const t of [...(await listTables(b.ctx)), ...JOB_TABLES])
    out[t] = (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(b.ctx.db)).rows[0]!.n;
  return out;
}
const openJobs = async (b: Booted) =>
  (
    await sql<{ id: string; name: string; state: string; singleton_key: string | null; start_after: Date; data: unknown }>`
      select id, name, state, singleton_key, start_after, data from pgboss.job where state in ('created', 'retry', 'active') order by id`.execute(b.ctx.db)
  ).rows;

const pairs: [Kind, Kind][] = pgUrl
  ? [
      ['postgres', 'postgres'],
      ['pglite', 'postgres'],
    ]
  : [['pglite', 'pglite']];

describe.each(pairs)('db dump (%s) → db restore (%s)', (from, to) => {
  it('round-trips every table, the open timers, the attachment files and the audit chain', { timeout: 600_000 }, async () => {
    const clock = manualClock(new Date('2019-06-03T02:00:00Z'));
    const src = await place(from);
    const file = path.join(src.dataDir, '..', `mz-backup-${randomBytes(4).toString('hex')}.jsonl.gz`);
    cleanups.push(async () => rmSync(file, { force: true }));

    // The source: demo accounts and areas, a case with pending deadline timers and an attachment.
    let b = await openContext(src);
    const ctx = { ...b.ctx, clock };
    await prepareDatabase(ctx, { demo: true, demoHistory: false });
    const org = (await ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', '640104-mzj').executeTakeFirstOrThrow()).id;
    const c = await createCase(ctx, SYSTEM_ACTOR, { type: SAMPLE_TYPE, title: '备份测试', orgUnitId: org, input: { summary: 'x' }, system: true });
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(300_000)]); // more than one chunk
    const att = await withTx(ctx, (tx) =>
      storeAttachment(tx, c, SYSTEM_ACTOR, { fileName: '证明.pdf', mimeType: 'application/pdf', bytes: pdf, name: '证明.pdf' }),
    );
    const stored = (p: typeof src) => path.join(attachmentsDir(p), att.storage_key.slice(0, 2), att.storage_key.slice(2, 4), att.storage_key);
    const before = { counts: await counts(b), jobs: await openJobs(b), audit: await verifyAudit(b.ctx) };
    await b.handle.close();
    expect(before.audit.ok).toBe(true);
    expect(before.jobs.some((j) => j.name === 'deadline.remind')).toBe(true);

    const dumped = await dumpToFile(src, file);
    expect(dumped.files).toBe(1);
    expect(dumped.jobs).toBeGreaterThan(0);

    // A target with another PII key is refused, and the refusal leaves it empty.
    if (from === pairs[0]![0] && to === pairs[0]![1]) {
      const wrong = await place(to, 'ffeeddccbbaa99887766554433221100');
      await expect(restoreFromFile(wrong, file)).rejects.toThrow(/PII_KEY/);
      b = await openContext(wrong);
      expect((await b.ctx.db.selectFrom('core.case').select('id').execute()).length).toBe(0);
      expect((await b.ctx.db.selectFrom('core.audit_event').select('id').execute()).length).toBe(0);
      await b.handle.close();
    }

    const dst = await place(to);
    const restored = await restoreFromFile(dst, file);
    expect(restored).toEqual(dumped);

    b = await openContext(dst);
    try {
      expect(await counts(b)).toEqual(before.counts);
      expect(await openJobs(b)).toEqual(before.jobs);
      const audit = await verifyAudit(b.ctx);
      expect(audit).toMatchObject({ ok: true, events: before.audit.events, headHash: before.audit.headHash });
      expect((await attachmentStore(b.ctx).get(att.storage_key)).equals(pdf)).toBe(true);
      // The stored file (encrypted at rest) is carried byte for byte.
      expect(readFileSync(stored(dst)).equals(readFileSync(stored(src)))).toBe(true);

      // The restored reminder is live: on its day it fires, once.
      clock.set(new Date('2019-06-12T16:30:00Z'));
      const dctx = { ...b.ctx, clock };
      await b.jobs!.runDue(dctx, { names: ['deadline.remind', 'deadline.overdue'], includeFuture: false });
      await b.jobs!.runDue(dctx, { names: ['deadline.remind', 'deadline.overdue'], includeFuture: false });
      const kinds = (await b.ctx.db.selectFrom('core.notification').select('kind').where('case_id', '=', c.id).execute()).map((n) => n.kind);
      expect(kinds.filter((k) => k === 'deadline.due_soon')).toHaveLength(1);
    } finally {
      await b.handle.close();
    }
    // A second restore into the same place is refused: it only restores into an empty database.
    await expect(restoreFromFile(dst, file)).rejects.toThrow(/不为空|not empty/);
  });
});
