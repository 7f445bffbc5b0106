import path from 'node:path';
import { sql } from 'kysely';
import { withTx, type AppContext } from '../../platform/context.ts';
import { decryptPii, encryptWithKey } from '../../platform/crypto/pii.ts';
import { piiKeyring } from '../../platform/crypto/pii-key.ts';
import { filesRoot, resealFile, STORAGE_KEY, storedKid, walkStore } from '../../platform/files/file-store.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { SYSTEM_ACTOR } from './actor.ts';
import { encryptedColumns, tableOf } from './pii-columns.ts';

export type RotateOptions = {
  /** Stop after re-encrypting this many values and files (a run cut short; the next run resumes). */
  stopAfter?: number;
  /** Rows per transaction. */
  batch?: number;
  onProgress?: (line: string) => void;
};
export type RotateResult = { kid: string; values: number; files: number; done: boolean };

/**
 * `minzheng pii rotate`: re-encrypt every PII value and every stored file that is not under the
 * current key. Resumable by construction: what is done is what carries the current kid (in the
 * token, in the file header), so a run that stops — killed, or `stopAfter` — is continued by the
 * next run, which skips it. Values go in batches, each its own transaction (compare-and-set on the
 * old value, so a concurrent edit is never overwritten); files are replaced atomically (rename).
 * Legacy plaintext files are encrypted on the way.
 */
export async function rotatePii(ctx: AppContext, opts: RotateOptions = {}): Promise<RotateResult> {
  const ring = await piiKeyring(ctx);
  const say = opts.onProgress ?? (() => {});
  const batch = opts.batch ?? 200;
  let budget = opts.stopAfter ?? Number.POSITIVE_INFINITY;
  const out: RotateResult = { kid: ring.kid, values: 0, files: 0, done: false };
  const stale = (column: string) => sql`${sql.ref(column)} like 's4.%' and split_part(${sql.ref(column)}, '.', 2) <> ${ring.kid}`;

  for (const c of await encryptedColumns(ctx)) {
    const name = `${c.schema}.${c.table}.${c.column}`;
    const total = (await sql<{ n: number }>`select count(*)::int as n from ${tableOf(c)} where ${stale(c.column)}`.execute(ctx.db)).rows[0]!.n;
    if (!total) continue;
    let n = 0;
    let after: string | null = null;
    for (;;) {
      const take = Math.min(batch, budget);
      if (take <= 0) return stopped(say, out);
      const rows: { id: string; v: string }[] = (
        await sql<{ id: string; v: string }>`select ${sql.ref(c.pk)}::text as id, ${sql.ref(c.column)} as v from ${tableOf(c)}
          where ${stale(c.column)} ${after === null ? sql`` : sql`and ${sql.ref(c.pk)} > ${after}`}
          order by ${sql.ref(c.pk)} limit ${take}`.execute(ctx.db)
      ).rows;
      if (!rows.length) break;
      await withTx(ctx, async (tx) => {
        for (const r of rows) {
          const fresh = encryptWithKey(ring.key, await decryptPii(tx, r.v));
          await sql`update ${tableOf(c)} set ${sql.ref(c.column)} = ${fresh} where ${sql.ref(c.pk)} = ${r.id} and ${sql.ref(c.column)} = ${r.v}`.execute(tx.db);
        }
      });
      after = rows[rows.length - 1]!.id;
      n += rows.length;
      out.values += rows.length;
      budget -= rows.length;
      say(`${name}: ${n}/${total}`);
    }
  }

  for await (const { dir, name } of walkStore(filesRoot(ctx.config))) {
    if (!STORAGE_KEY.test(name)) continue;
    const file = path.join(dir, name);
    if ((await storedKid(file)) === ring.kid) continue;
    if (budget <= 0) return stopped(say, out);
    await resealFile(ctx, file);
    out.files++;
    budget--;
    if (out.files % 100 === 0) say(`files: ${out.files}`);
  }
  if (out.files % 100 !== 0) say(`files: ${out.files}`);
  out.done = true;
  await recordAudit(ctx, {
    actor: SYSTEM_ACTOR,
    action: 'pii.rotate',
    entityType: 'pii_key',
    entityId: ring.kid,
    after: { kid: ring.kid, values: out.values, files: out.files },
  });
  say(`完成 / done：当前密钥 ${ring.kid}，本次重新加密 ${out.values} 项数据、${out.files} 个文件`);
  return out;
}

function stopped(say: (l: string) => void, out: RotateResult): RotateResult {
  say(`已中止 / stopped：本次重新加密 ${out.values} 项数据、${out.files} 个文件；再次运行 minzheng pii rotate 从中断处继续`);
  return out;
}
