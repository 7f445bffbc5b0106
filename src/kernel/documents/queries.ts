import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { safeEqual } from '../../platform/crypto/sm3.ts';
import type { Actor } from '../identity/actor.ts';
import { recordInScope } from '../identity/scope.ts';
import { caseReadable } from '../workflow/case-access.ts';
import { workflowOf, type CaseRow } from '../workflow/define-workflow.ts';
import { caseNotFound } from '../workflow/errors.ts';
import { documentsDb } from './db.ts';
import { documentTypeOf, documentTypesFor, subjectDocumentTypeOf } from './define-document.ts';

const docs = (ctx: AppContext) => documentsDb(ctx.db as never);

/** The case, if the actor may read it (the kernel's case read rule); 404 otherwise. */
export async function readableCase(ctx: AppContext, actor: Actor, caseId: string): Promise<CaseRow> {
  const t = await ctx.db.selectFrom('core.case').select('type').where('id', '=', caseId).executeTakeFirst();
  if (!t) throw caseNotFound();
  const c = await ctx.db
    .selectFrom('core.case as c')
    .selectAll('c')
    .where('c.id', '=', caseId)
    .where(caseReadable(actor, workflowOf(t.type).readPermission))
    .executeTakeFirst();
  if (!c) throw caseNotFound();
  return c as CaseRow;
}

/** May the actor issue (or re-issue) this type by hand on this case now? */
export function canIssue(actor: Actor, c: CaseRow, type: string): boolean {
  const t = documentTypeOf(type);
  return (
    !!t &&
    t.caseType === c.type &&
    t.issuableIn.includes(c.state) &&
    recordInScope(actor, t.issuePermission, { areaPath: c.area_path, orgUnitId: c.org_unit_id, ownerId: c.created_by })
  );
}

/** The documents issued from a case (every version, newest first) and the types the actor may issue now. */
export async function listCaseDocuments(ctx: AppContext, actor: Actor, caseId: string) {
  const c = await readableCase(ctx, actor, caseId);
  const rows = await docs(ctx)
    .selectFrom('core.document as d')
    .leftJoin('core.app_user as u', 'u.id', 'd.issued_by')
    .select([
      'd.id',
      'd.type',
      'd.doc_no',
      'd.version',
      'd.title',
      'd.issuer',
      'd.issued_on',
      'd.issued_at',
      'd.verify_code',
      'd.sm3',
      'd.size_bytes',
      'u.display_name as issued_by_name',
    ])
    .where('d.case_id', '=', c.id)
    .orderBy('d.issued_at', 'desc')
    .orderBy('d.version', 'desc')
    .execute();
  const latest = new Map<string, number>();
  for (const r of rows) latest.set(r.type, Math.max(latest.get(r.type) ?? 0, r.version));
  return {
    items: rows.map((r) => ({
      id: r.id,
      type: r.type,
      title: r.title,
      docNo: r.doc_no,
      version: r.version,
      current: latest.get(r.type) === r.version,
      issuer: r.issuer,
      issuedOn: String(r.issued_on).slice(0, 10),
      issuedAt: r.issued_at.toISOString(),
      issuedBy: r.issued_by_name ?? null,
      verifyCode: r.verify_code,
      sm3: r.sm3,
      sizeBytes: r.size_bytes,
      pdfUrl: `/api/documents/${r.id}.pdf`,
      docxUrl: documentTypeOf(r.type)?.docx ? `/api/documents/${r.id}.docx` : null,
    })),
    issuable: documentTypesFor(c.type)
      .filter((t) => canIssue(actor, c, t.type))
      .map((t) => ({ type: t.type, title: t.title, issued: latest.has(t.type) })),
  };
}

/** One issued document, if the actor may read its case (or its subject, in scope); 404 otherwise (existence does not leak). */
export async function readableDocument(ctx: AppContext, actor: Actor, id: string) {
  const d = await docs(ctx).selectFrom('core.document').selectAll().where('id', '=', id).executeTakeFirst();
  if (!d) throw notFound('文书', 'DOCUMENT_NOT_FOUND');
  if (d.case_id == null) {
    // a subject document: readable with the type's permission in the subject's scope
    const t = subjectDocumentTypeOf(d.type);
    if (!t || !recordInScope(actor, t.readPermission, { areaPath: d.area_path!, orgUnitId: d.org_unit_id })) throw notFound('文书', 'DOCUMENT_NOT_FOUND');
    return d;
  }
  await readableCase(ctx, actor, d.case_id).catch(() => {
    throw notFound('文书', 'DOCUMENT_NOT_FOUND');
  });
  return d;
}

/**
 * Public check of a paper document: number + verification code. Answers only what is printed
 * on the document's head and foot (number, title, issuing body, date) and the file's SM3 hash,
 * never the addressee or the case.
 */
export async function verifyDocument(ctx: AppContext, q: { no: string; code: string }) {
  const code = q.code.replace(/[\s-]/g, '').toUpperCase();
  const rows = await docs(ctx)
    .selectFrom('core.document')
    .select(['doc_no', 'version', 'title', 'issuer', 'issued_on', 'sm3', 'verify_code', 'type'])
    .where('doc_no', '=', q.no.trim())
    .orderBy('version', 'desc')
    .execute();
  const hit = rows.find((r) => safeEqual(r.verify_code.replace('-', ''), code));
  if (!hit) throw new AppError('DOCUMENT_NOT_VERIFIED', 404, '未查到与该文书编号和验证码相符的文书');
  const latest = rows[0]!.version;
  return {
    genuine: true as const,
    docNo: hit.doc_no,
    version: hit.version,
    current: hit.version === latest,
    latestVersion: latest,
    title: hit.title,
    issuer: hit.issuer,
    issuedOn: String(hit.issued_on).slice(0, 10),
    sm3: hit.sm3,
  };
}
