import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestContext, type TestContext } from '../../../tests/helpers/test-context.ts';
import { auditCheckpointCommand, auditVerifyCommand } from '../../server/cli/audit-verify.ts';
import { UsageError, type CliIo } from '../../server/cli/io.ts';
import { ensureAuditChains } from './ensure-audit-chains.ts';
import { recordAudit } from './record-audit.ts';
import { saveRow, tamper, testActor, insertRowJson } from './testing/audit-fixtures.ts';

let t: TestContext;

beforeAll(async () => {
  t = await openTestContext();
  await ensureAuditChains(t.ctx);
});
afterAll(() => t?.close());

function io() {
  const out: string[] = [];
  const err: string[] = [];
  let closed = 0;
  const cli: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    open: async () => ({ ctx: t.ctx, handle: { ...t.handle, close: async () => void closed++ } }),
  };
  return { cli, out, err, closed: () => closed };
}

describe('minzheng audit verify / checkpoint', () => {
  it('prints counts and the head, and OK when the log is intact', async () => {
    await recordAudit(t.ctx, { actor: testActor(), action: 'cli.test', entityType: 'cli_thing', entityId: '1' });
    const x = io();
    expect(await auditVerifyCommand([], x.cli)).toBe(0);
    expect(x.out[0]).toMatch(/^events: [1-9]\d*$/);
    expect(x.out).toContain(`chains: ${t.ctx.config.auditChains}`);
    expect(x.out.find((l) => l.startsWith('head: '))).toMatch(/^head: [0-9a-f]{64}$/);
    expect(x.out.at(-1)).toBe('OK 审计链完整');
    expect(x.err).toEqual([]);
    expect(x.closed()).toBe(1);
  });

  it('writes a checkpoint whose head matches what verify prints', async () => {
    const c = io();
    expect(await auditCheckpointCommand([], c.cli)).toBe(0);
    expect(c.out[0]).toMatch(/^checkpoint: \d+$/);
    expect(c.out.find((l) => l.startsWith('hash: '))).toMatch(/^hash: [0-9a-f]{64}$/);
    const v = io();
    expect(await auditVerifyCommand([], v.cli)).toBe(0);
    expect(v.out.find((l) => l.startsWith('head: '))).toBe(c.out.find((l) => l.startsWith('head: ')));
  });

  it('exits 1 naming the altered event, its chain and seq', async () => {
    const r = await recordAudit(t.ctx, { actor: testActor(), action: 'cli.test', entityType: 'cli_thing', entityId: '2', reason: '原因' });
    const saved = await saveRow(t.ctx.db, r.id);
    await tamper(t.ctx, (db) => sql`update core.audit_event set reason = '篡改' where id = ${r.id}`.execute(db));
    const x = io();
    expect(await auditVerifyCommand([], x.cli)).toBe(1);
    expect(x.err[0]).toMatch(/^FAIL 审计链遭篡改/);
    expect(x.err[1]).toBe(
      `altered 被修改 chain=${r.chainId} seq=${r.seq} event=${r.id}: 链 ${r.chainId} 第 ${r.seq} 条（事件 ${r.id}）：事件内容与其哈希不符（被修改）`,
    );
    await tamper(t.ctx, async (db) => {
      await sql`delete from core.audit_event where id = ${r.id}`.execute(db);
      await insertRowJson(db, saved);
    });
    expect(await auditVerifyCommand([], io().cli)).toBe(0);
  });

  it('rejects arguments as a usage error', async () => {
    await expect(auditVerifyCommand(['--fast'], io().cli)).rejects.toThrow(UsageError);
    await expect(auditCheckpointCommand(['x'], io().cli)).rejects.toThrow(UsageError);
  });
});
