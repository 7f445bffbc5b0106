import { sql } from 'kysely';
import { withTx, type AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { dropPiiKeyMaterial, piiKeyring } from '../../platform/crypto/pii-key.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { SYSTEM_ACTOR } from './actor.ts';
import { countFilesByKid, countValuesByKid } from './pii-columns.ts';

export type PiiKeyInfo = {
  kid: string;
  status: 'current' | 'previous' | 'retired' | 'missing';
  /** Whether this process holds the key (PII_KEY, PII_OLD_KEYS, key files or core.secret). */
  available: boolean;
  values: number;
  files: number;
  retiredAt: Date | null;
};

/**
 * Every key id this deployment knows of: the keys it holds, the retired ones, and any id still
 * found in the data without its key ('missing': those values cannot be read until it is supplied).
 * `plain` counts files stored before encryption at rest.
 */
export async function listPiiKeys(ctx: AppContext): Promise<{ keys: PiiKeyInfo[]; plainFiles: number }> {
  const ring = await piiKeyring(ctx);
  const values = await countValuesByKid(ctx);
  const files = await countFilesByKid(ctx);
  const retired = new Map(
    (await sql<{ kid: string; retired_at: Date }>`select kid, retired_at from core.pii_key_retired`.execute(ctx.db)).rows.map((r) => [r.kid, r.retired_at]),
  );
  const kids = new Set([ring.kid, ...ring.byKid.keys(), ...retired.keys(), ...values.keys(), ...files.keys()]);
  kids.delete('plain');
  const keys = [...kids].map((kid): PiiKeyInfo => {
    const available = ring.byKid.has(kid);
    const status = kid === ring.kid ? 'current' : retired.has(kid) ? 'retired' : available ? 'previous' : 'missing';
    return { kid, status, available, values: values.get(kid) ?? 0, files: files.get(kid) ?? 0, retiredAt: retired.get(kid) ?? null };
  });
  const order = { current: 0, previous: 1, missing: 2, retired: 3 };
  keys.sort((a, b) => order[a.status] - order[b.status] || a.kid.localeCompare(b.kid));
  return { keys, plainFiles: files.get('plain') ?? 0 };
}

/**
 * Retire an earlier key: only once no value and no file is encrypted under it (run
 * `minzheng pii rotate` first), never the current one. Its material is deleted where the platform
 * keeps it (key file, core.secret); a key given in PII_OLD_KEYS is then to be removed from there.
 */
export async function retirePiiKey(ctx: AppContext, kid: string): Promise<{ materialDeleted: boolean }> {
  if (!/^[0-9a-f]{8}$/.test(kid)) throw new AppError('PII_KID_INVALID', 400, '密钥编号应为 8 位十六进制（见 minzheng pii keys）');
  const { keys } = await listPiiKeys(ctx);
  const k = keys.find((x) => x.kid === kid);
  if (!k) throw new AppError('PII_KEY_NOT_FOUND', 404, `没有编号为 ${kid} 的密钥`);
  if (k.status === 'current') throw new AppError('PII_KEY_CURRENT', 409, '不能停用当前密钥：请先换用新密钥并运行 minzheng pii rotate');
  if (k.values || k.files)
    throw new AppError('PII_KEY_IN_USE', 409, `密钥 ${kid} 仍在使用：${k.values} 项数据、${k.files} 个文件；请先运行 minzheng pii rotate`, {
      values: k.values,
      files: k.files,
    });
  await withTx(ctx, async (tx) => {
    await sql`insert into core.pii_key_retired (kid, retired_at) values (${kid}, ${tx.clock.now()}) on conflict (kid) do nothing`.execute(tx.db);
    await recordAudit(tx, { actor: SYSTEM_ACTOR, action: 'pii.key_retire', entityType: 'pii_key', entityId: kid, after: { kid } });
  });
  return { materialDeleted: await dropPiiKeyMaterial(ctx, kid) };
}
