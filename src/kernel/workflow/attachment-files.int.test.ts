import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { SAMPLE_TYPE } from '../../../tests/helpers/sample-workflow.ts';
import { withTx } from '../../platform/context.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { filePath, filesRoot } from '../../platform/files/file-store.ts';
import { FILE_SWEEP_JOB, sweepFiles } from '../../platform/files/sweep-files.ts';
import type { Actor } from '../identity/actor.ts';
import { addAttachment, attachmentStore, storeAttachment } from './attachments.ts';
import { createCase } from './create-case.ts';

/** Attachment bytes: encrypted 0600 files that exist only when their row committed, and a sweep for the rest. */
const dir = mkdtempSync(path.join(tmpdir(), 'mz-files-'));
let t: TestApp;
let actor: Actor;
let kase: { id: string; area_code: string | null; area_path: string | null; org_unit_id: string | null };
const root = () => filesRoot(t.ctx.config);
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n${text}\n%%EOF\n`);
const sm3 = (b: Buffer) => createHash('sm3').update(b).digest('hex');

/** Every file under the store, relative names (final and pending alike). */
function stored(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d, { withFileTypes: true })) {
      if (n.isDirectory()) walk(path.join(d, n.name));
      else out.push(n.name);
    }
  };
  walk(root());
  return out.sort();
}

beforeAll(async () => {
  t = await createTestApp({ env: { DATA_DIR: dir } });
  const s = await t.login('nx-fgc');
  const { loadSessionActor } = await import('../identity/queries/load-session-actor.ts');
  const r = await loadSessionActor(t.ctx, s.cookie.split('=')[1]!, null);
  if (r.kind !== 'ok') throw new Error('session not ok');
  actor = r.actor;
  const row = await createCase(t.ctx, actor, { type: SAMPLE_TYPE, title: '附件存储', orgUnitId: s.me.orgUnit.id, input: { summary: '附件' } });
  kase = await t.ctx.db.selectFrom('core.case').select(['id', 'area_code', 'area_path', 'org_unit_id']).where('id', '=', row.id).executeTakeFirstOrThrow();
  mkdirSync(root(), { recursive: true });
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('attachment files', () => {
  it('a failed insert leaves no file (the row names a case that does not exist)', async () => {
    const before = stored();
    const bytes = pdf('orphan-1');
    await expect(
      withTx(t.ctx, (tx) => storeAttachment(tx, { ...kase, id: uuidv7() }, actor, { fileName: 'a.pdf', name: 'a.pdf', mimeType: 'application/pdf', bytes })),
    ).rejects.toThrow();
    expect(stored()).toEqual(before);
  });

  it('a transaction that fails after the row was written takes its file with it', async () => {
    const before = stored();
    const bytes = pdf('orphan-2');
    await expect(
      withTx(t.ctx, async (tx) => {
        await storeAttachment(tx, kase, actor, { fileName: 'b.pdf', name: 'b.pdf', mimeType: 'application/pdf', bytes });
        // Read back inside the transaction: the bytes are there while it is open.
        expect((await attachmentStore(tx).get(sm3(bytes))).equals(bytes)).toBe(true);
        throw new Error('a later step fails');
      }),
    ).rejects.toThrow('a later step fails');
    expect(stored()).toEqual(before);
  });

  it('a committed upload is in place, encrypted (not plaintext), mode 0600 in 0700 folders, and reads back', async () => {
    const bytes = pdf('身份证 640104199001011234 committed');
    const row = await addAttachment(t.ctx, actor, { caseId: kase.id, fileName: 'c.pdf', mimeType: 'application/pdf', bytes });
    const f = filePath(root(), row.storage_key);
    expect(stored()).toContain(row.storage_key);
    expect(stored().some((n) => n.endsWith('.tmp'))).toBe(false);
    const raw = readFileSync(f);
    expect(raw.includes(Buffer.from('640104199001011234'))).toBe(false);
    expect(raw.includes(Buffer.from('%PDF'))).toBe(false);
    expect(statSync(f).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(f)).mode & 0o777).toBe(0o700);
    expect((await attachmentStore(t.ctx).get(row.storage_key)).equals(bytes)).toBe(true);
  });

  it('a file stored before encryption at rest (plaintext) is still readable', async () => {
    const bytes = pdf('legacy plaintext');
    const key = sm3(bytes);
    const f = filePath(root(), key);
    mkdirSync(path.dirname(f), { recursive: true });
    writeFileSync(f, bytes);
    expect((await attachmentStore(t.ctx).get(key)).equals(bytes)).toBe(true);
  });

  it('the sweep removes an old orphan and an unfinished write, keeps a referenced file and anything younger than the grace period', async () => {
    const kept = await addAttachment(t.ctx, actor, { caseId: kase.id, fileName: 'd.pdf', mimeType: 'application/pdf', bytes: pdf('referenced') });
    const orphan = pdf('orphan-3');
    const young = pdf('young orphan');
    await attachmentStore(t.ctx).put(sm3(orphan), orphan);
    await attachmentStore(t.ctx).put(sm3(young), young);
    const pending = `${filePath(root(), sm3(pdf('pending')))}.0196a4b2-0000-7000-8000-000000000000.tmp`;
    mkdirSync(path.dirname(pending), { recursive: true });
    writeFileSync(pending, 'x');
    const old = new Date(Date.now() - 3 * 24 * 3600_000);
    for (const f of [filePath(root(), kept.storage_key), filePath(root(), sm3(orphan)), pending]) utimesSync(f, old, old);

    const r = await sweepFiles(t.ctx);
    expect(r.removed.sort()).toEqual([filePath(root(), sm3(orphan)), pending].sort());
    const left = stored();
    expect(left).toContain(kept.storage_key);
    expect(left).toContain(sm3(young));
    expect(left).not.toContain(sm3(orphan));
    expect((await attachmentStore(t.ctx).get(kept.storage_key)).equals(pdf('referenced'))).toBe(true);
  });

  it('the sweep finishes a move a crash interrupted: a pending file whose row committed is put in place', async () => {
    const bytes = pdf('crash between commit and move');
    const row = await addAttachment(t.ctx, actor, { caseId: kase.id, fileName: 'e.pdf', mimeType: 'application/pdf', bytes });
    const f = filePath(root(), row.storage_key);
    const pending = `${f}.0196a4b2-0000-7000-8000-000000000001.tmp`;
    writeFileSync(pending, readFileSync(f), { mode: 0o600 });
    rmSync(f);
    expect((await attachmentStore(t.ctx).get(row.storage_key)).equals(bytes)).toBe(true);
    const old = new Date(Date.now() - 3 * 24 * 3600_000);
    utimesSync(pending, old, old);
    const r = await sweepFiles(t.ctx);
    expect(r.completed).toEqual([pending]);
    expect(statSync(f).isFile()).toBe(true);
    expect((await attachmentStore(t.ctx).get(row.storage_key)).equals(bytes)).toBe(true);
  });

  it('runs as the daily job files.sweep through the job queue', async () => {
    const orphan = pdf('orphan for the daily job');
    await attachmentStore(t.ctx).put(sm3(orphan), orphan);
    const old = new Date(Date.now() - 3 * 24 * 3600_000);
    utimesSync(filePath(root(), sm3(orphan)), old, old);
    await t.ctx.jobs.send(t.ctx, FILE_SWEEP_JOB, {});
    expect(await t.test.jobs.runDue(t.ctx, { names: [FILE_SWEEP_JOB] })).toBe(1);
    expect(stored()).not.toContain(sm3(orphan));
  });
});
