import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { attachmentStore } from '../../../kernel/workflow/index.ts';
import { PETITION_DOCUMENTS } from '../documents/index.ts';
import { findByRefAndCode, type PortalCase } from './portal-access.ts';

/** What the citizen is told about a served 意见书: enough to check it at 文书查验, nothing else. */
export type ServedOpinion = { title: string; docNo: string; version: number; verifyCode: string; issuedOn: string; issuer: string; sm3: string };
type Row = ServedOpinion & { storageKey: string };

/** The served papers: 处理意见书 (at 送达), 复查意见书 (at 送达复查意见), 复核意见书 (at 送达复核意见). */
export const SERVED = {
  opinion: { type: PETITION_DOCUMENTS.opinion.type, title: '处理意见书' },
  review: { type: PETITION_DOCUMENTS.reviewOpinion.type, title: '复查意见书' },
  recheck: { type: PETITION_DOCUMENTS.recheckOpinion.type, title: '复核意见书' },
} as const;
export type ServedKind = keyof typeof SERVED;

/**
 * The current version of the case's 处理意见书 once it has been served (送达), else null; with `which`,
 * the 复查意见书 / 复核意见书 (issued only when served, and only when a body on this platform made the opinion).
 */
export async function servedOpinionOf(ctx: AppContext, c: Pick<PortalCase, 'id' | 'delivered_at'>, which: ServedKind = 'opinion'): Promise<Row | null> {
  if (!c.delivered_at) return null;
  const r = (
    await sql<Row>`select title, doc_no as "docNo", version, verify_code as "verifyCode", issued_on::text as "issuedOn", issuer, sm3,
      storage_key as "storageKey" from core.document where case_id = ${c.id} and type = ${SERVED[which].type}
      order by version desc limit 1`.execute(ctx.db)
  ).rows[0];
  return r ? { ...r, issuedOn: String(r.issuedOn).slice(0, 10) } : null;
}

/**
 * A served 意见书 as PDF bytes for the citizen holding ref + query code. A wrong pair is the
 * same 404 as tracking; before 送达 (or for an outside body's opinion) a 409 says there is none to download.
 */
export async function servedOpinionPdf(
  ctx: AppContext,
  refNo: string,
  code: string,
  which: ServedKind = 'opinion',
): Promise<{ doc: ServedOpinion; bytes: Buffer }> {
  const c = await findByRefAndCode(ctx, refNo, code);
  const d = await servedOpinionOf(ctx, c, which);
  if (!d) throw new AppError('PETITION_OPINION_NOT_SERVED', 409, `${SERVED[which].title}尚未送达，送达后可在此下载`);
  const { storageKey, ...doc } = d;
  return { doc, bytes: await attachmentStore(ctx).get(storageKey) };
}
