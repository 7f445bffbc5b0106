import { sql, type RawBuilder } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { QA_STATUS_LABEL, type QaStatus } from '../contracts/vocab.ts';

export type EntryRow = {
  id: string;
  seq: number;
  category: string;
  question: string;
  answer: string;
  document_id: string | null;
  document_ref_no: string | null;
  policy_title: string;
  status: QaStatus;
  flag_reason: string | null;
  flagged_at: Date | null;
  reviewed_by_name: string | null;
  reviewed_at: Date | null;
  review_note: string | null;
  org_name: string;
  area_path: string;
  helpful_yes: number;
  helpful_no: number;
  updated_at: Date;
};

/** Entries with their office and linked document, filtered by `where` (SQL on q), in list order. */
export async function entryRows(ctx: AppContext, where: RawBuilder<unknown>, page = { limit: 1000, offset: 0 }): Promise<EntryRow[]> {
  return (
    await sql<EntryRow>`select q.id, q.seq, q.category, q.question, q.answer, q.document_id, c.ref_no as document_ref_no, q.policy_title, q.status,
      q.flag_reason, q.flagged_at, q.reviewed_by_name, q.reviewed_at, q.review_note, o.name as org_name, q.area_path, q.helpful_yes, q.helpful_no, q.updated_at
      from policyqa.entry q join core.org_unit o on o.id = q.org_unit_id left join core.case c on c.id = q.document_id
      where ${where} order by q.seq, q.id limit ${page.limit} offset ${page.offset}`.execute(ctx.db)
  ).rows;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const entryDto = (r: EntryRow) => ({
  id: r.id,
  seq: r.seq,
  category: r.category,
  question: r.question,
  answer: r.answer,
  documentId: r.document_id,
  documentRefNo: r.document_ref_no,
  policyTitle: r.policy_title,
  status: r.status,
  statusLabel: QA_STATUS_LABEL[r.status],
  flagReason: r.flag_reason,
  flaggedAt: iso(r.flagged_at),
  reviewedBy: r.reviewed_by_name,
  reviewedAt: iso(r.reviewed_at),
  reviewNote: r.review_note,
  orgUnitName: r.org_name,
  areaPath: r.area_path,
  helpfulYes: r.helpful_yes,
  helpfulNo: r.helpful_no,
  updatedAt: r.updated_at.toISOString(),
});

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);
