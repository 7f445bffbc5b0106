import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { attachmentStore } from '../../../kernel/workflow/index.ts';
import { orgByFilingCode } from '../inspection/filing-code.ts';
import type { FilingStatus } from '../contracts/annual-report.ts';
import { rectificationNotice } from '../documents/rectification-notice.ts';

type NoticeRow = FilingStatus['notices'][number];

/**
 * The 整改通知书 issued to one organization from spot checks, newest first: number, the check, the day issued, the
 * deadline and whether rectified. Shown to the organization on the portal after it signs in (USCC + 年报报送码).
 */
export async function noticesOf(ctx: AppContext, organizationId: string): Promise<NoticeRow[]> {
  return (
    await sql<NoticeRow>`select i.notice_no as "docNo", s.title as "spotCheckTitle", i.notice_on::text as "issuedOn",
      i.rectify_by::text as "rectifyBy", i.rectified_on::text as "rectifiedOn"
      from orgs.spot_check_item i join orgs.spot_check s on s.id = i.spot_check_id
      where i.organization_id = ${organizationId} and i.notice_document_id is not null
      order by i.notice_on desc, i.notice_no desc`.execute(ctx.db)
  ).rows;
}

/**
 * The notice's PDF (its latest version) for the organization it was issued to: USCC + 年报报送码 and the notice's number.
 * Another organization's number answers the same 404 as an unknown one.
 */
export async function noticePdf(ctx: AppContext, uscc: string, filingCode: string, docNo: string) {
  const o = await orgByFilingCode(ctx, uscc, filingCode);
  const d = (
    await sql<{ title: string; docNo: string; storageKey: string; sm3: string }>`select d.title, d.doc_no as "docNo", d.storage_key as "storageKey", d.sm3
      from orgs.spot_check_item i join core.document d on d.doc_no = i.notice_no and d.type = ${rectificationNotice.type}
      where i.organization_id = ${o.id} and i.notice_no = ${docNo.trim()}
      order by d.version desc limit 1`.execute(ctx.db)
  ).rows[0];
  if (!d)
    throw new AppError(
      'ORG_NOTICE_NOT_FOUND',
      404,
      '未查到发给本单位的该编号整改通知书。（No rectification notice with this number was issued to this organization.）',
    );
  return { doc: d, bytes: await attachmentStore(ctx).get(d.storageKey) };
}
