import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { attachmentStore } from '../../../kernel/workflow/index.ts';

/** A notice served on the household, as the citizen sees it: enough to download it and check it at 文书查验. */
export type ServedNotice = { title: string; docNo: string; version: number; verifyCode: string; issuedOn: string; issuer: string };

/**
 * The notices the platform issued on the application (一次性告知书, 不予受理告知书, 确认 / 不予确认 / 停发通知书,
 * 复查决定): each number's current version, oldest first. Every 低保 document is addressed to the applicant.
 */
export async function servedNotices(ctx: AppContext, caseId: string): Promise<ServedNotice[]> {
  const rows = (
    await sql<ServedNotice>`select distinct on (doc_no) title, doc_no as "docNo", version, verify_code as "verifyCode", issued_on::text as "issuedOn", issuer
      from core.document where case_id = ${caseId} order by doc_no, version desc`.execute(ctx.db)
  ).rows;
  return rows
    .map((r) => ({ ...r, issuedOn: String(r.issuedOn).slice(0, 10) }))
    .sort((a, b) => a.issuedOn.localeCompare(b.issuedOn) || a.docNo.localeCompare(b.docNo));
}

/** One served notice's PDF (its current version) for the case the citizen proved with ref + query code; any other number is a 404. */
export async function servedNoticePdf(ctx: AppContext, caseId: string, docNo: string) {
  const d = (
    await sql<
      ServedNotice & { storageKey: string; sm3: string }
    >`select title, doc_no as "docNo", version, verify_code as "verifyCode", issued_on::text as "issuedOn",
      issuer, sm3, storage_key as "storageKey" from core.document where case_id = ${caseId} and doc_no = ${docNo.trim()} order by version desc limit 1`.execute(
      ctx.db,
    )
  ).rows[0];
  if (!d) throw new AppError('DIBAO_NOTICE_NOT_FOUND', 404, '本申请没有该编号的文书');
  return { doc: d, bytes: await attachmentStore(ctx).get(d.storageKey) };
}
