import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../../../platform/context.ts';
import { SWEEP_GRACE_MS } from '../../../platform/files/sweep-files.ts';
import { enforcementDb } from '../db.ts';
import { uploadsRoot } from './upload-area.ts';

export const EVIDENCE_UPLOAD_SWEEP_JOB = 'enforcement.evidence-uploads.sweep';

/**
 * Abandoned chunked uploads: an upload untouched (no chunk received, not started) for longer than the
 * files sweep's grace period is deleted with its folder, and a folder no upload row names (a crash
 * between the two) is removed once as old. Daily (module `dailyJobs`, 03:00 China time); the sealed
 * files that reached the store are the files sweep's (platform/files/sweep-files.ts). Idempotent.
 */
export async function sweepEvidenceUploads(ctx: AppContext, opts: { graceMs?: number } = {}): Promise<{ removed: string[] }> {
  const root = uploadsRoot(ctx.config);
  const cutoff = ctx.clock.now().getTime() - (opts.graceMs ?? SWEEP_GRACE_MS);
  const db = enforcementDb(ctx.db);
  const rows = new Map((await db.selectFrom('enforcement.evidence_upload').select(['id', 'created_at']).execute()).map((r) => [r.id, r.created_at]));
  const removed: string[] = [];
  const names = new Set([...(await readdir(root).catch(() => [] as string[])), ...rows.keys()]);
  for (const id of names) {
    const dir = path.join(root, id);
    const touched = Math.max((await stat(dir).catch(() => null))?.mtimeMs ?? 0, rows.get(id)?.getTime() ?? 0);
    if (touched >= cutoff) continue;
    if (rows.has(id)) await db.deleteFrom('enforcement.evidence_upload').where('id', '=', id).execute();
    await rm(dir, { recursive: true, force: true });
    removed.push(id);
  }
  if (removed.length) ctx.logger.info(`证据分片上传清理：删除未完成的上传 ${removed.length} 个 / swept ${removed.length} abandoned uploads`);
  return { removed };
}
