import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { chinaDate, chinaYear } from '../../platform/china-time.ts';
import { badRequest } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { sm3Hex } from '../../platform/crypto/sm3.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { type Actor, userRef } from '../identity/actor.ts';
import { attachmentStore } from '../workflow/attachments.ts';
import { caseNotFound } from '../workflow/errors.ts';
import type { CaseRow } from '../workflow/define-workflow.ts';
import { fullWidth, type DocumentContent } from './content.ts';
import { documentsDb } from './db.ts';
import type { DocumentFill, DocumentType } from './define-document.ts';
import { renderPdf } from './render-pdf.ts';

/** No 0/O, 1/I/L: a code read out over the phone or typed from paper. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newVerifyCode(): string {
  const pick = () => Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `${pick()}-${pick()}`;
}

/** Next number of a type's gapless yearly series, in the caller's transaction (a rollback gives it back). */
async function nextNumber(tx: AppContext, type: string, year: number): Promise<number> {
  const r = await sql<{ last: number }>`
    insert into core.document_counter (type, year, last) values (${type}, ${year}, 1)
    on conflict (type, year) do update set last = core.document_counter.last + 1
    returning last`.execute(tx.db);
  return r.rows[0]!.last;
}

export type IssuedDocument = { id: string; type: string; docNo: string; version: number; title: string; sm3: string; verifyCode: string };

/**
 * Issue a document of `type` from a case, inside the caller's transaction (a 送达 step, or the
 * issue route): fill the template, number it (the first issue draws from the type's yearly
 * series; a re-issue keeps the number as a new version), render the PDF, store the file by its
 * SM3 hash and write the immutable row and an audit event. The caller has checked the actor's
 * right to act on the case.
 */
export async function issueDocument(tx: AppContext, req: { type: DocumentType; caseId: string; actor: Actor }): Promise<IssuedDocument> {
  if (!tx.db.isTransaction) throw new Error('issueDocument must run inside withTx');
  const t = req.type;
  const c = (await tx.db.selectFrom('core.case').selectAll().where('id', '=', req.caseId).executeTakeFirst()) as CaseRow | undefined;
  if (!c) throw caseNotFound();
  if (c.type !== t.caseType) throw badRequest('DOCUMENT_TYPE_MISMATCH', `「${t.title}」不能由该类事项出具`, { field: 'type' });
  const fill = await t.fill(tx, c);
  const org = await tx.db.selectFrom('core.org_unit').select('name').where('id', '=', c.org_unit_id).executeTakeFirst();
  return writeDocument(tx, {
    type: t,
    fill: { ...fill, issuer: fill.issuer ?? org?.name ?? '' },
    actor: req.actor,
    link: { case_id: c.id },
    audit: { entityType: 'case', entityId: c.id, areaCode: c.area_code, areaPath: c.area_path, orgUnitId: c.org_unit_id },
  });
}

/**
 * The common part of issuing (a case's or a subject's document), in the caller's transaction: number (the first issue
 * of the type for the case or subject draws from the yearly series; a re-issue keeps it as a new version), render the
 * PDF, store it by its SM3 hash, write the immutable row and an audit event.
 */
export async function writeDocument(
  tx: AppContext,
  req: {
    type: { type: string; title: string; numberPrefix: string };
    fill: DocumentFill & { issuer: string };
    actor: Actor;
    link: { case_id: string } | { subject_type: string; subject_id: string; area_path: string; org_unit_id: string | null };
    audit: { entityType: string; entityId: string; areaCode?: string | null; areaPath: string; orgUnitId: string | null };
  },
): Promise<IssuedDocument> {
  const t = req.type;
  const db = documentsDb(tx.db as never);
  const now = tx.clock.now();
  let previous = db.selectFrom('core.document').select(['doc_no', 'version']).where('type', '=', t.type);
  previous =
    'case_id' in req.link
      ? previous.where('case_id', '=', req.link.case_id)
      : previous.where('subject_type', '=', req.link.subject_type).where('subject_id', '=', req.link.subject_id);
  const prev = await previous.orderBy('version', 'desc').limit(1).executeTakeFirst();
  const docNo = prev?.doc_no ?? `${t.numberPrefix}〔${chinaYear(now)}〕${await nextNumber(tx, t.type, chinaYear(now))}号`;
  const content: DocumentContent = {
    title: t.title,
    docNo,
    version: (prev?.version ?? 0) + 1,
    recipient: fullWidth(req.fill.recipient),
    body: req.fill.body.map(fullWidth),
    remedy: req.fill.remedy ? fullWidth(req.fill.remedy) : null,
    issuer: req.fill.issuer,
    date: chinaDate(now),
    verifyCode: newVerifyCode(),
  };
  const pdf = await renderPdf(content);
  const hash = sm3Hex(pdf);
  await attachmentStore(tx).put(hash, pdf);
  const row = {
    id: uuidv7(),
    case_id: null,
    ...req.link,
    type: t.type,
    doc_no: docNo,
    version: content.version,
    title: t.title,
    issuer: content.issuer,
    issued_on: content.date,
    verify_code: content.verifyCode,
    content: JSON.stringify(content),
    sm3: hash,
    storage_key: hash,
    size_bytes: pdf.length,
    issued_by: userRef(req.actor),
    issued_at: now,
  };
  await db.insertInto('core.document').values(row).execute();
  await recordAudit(tx, {
    actor: req.actor,
    action: content.version > 1 ? 'document.reissue' : 'document.issue',
    entityType: req.audit.entityType,
    entityId: req.audit.entityId,
    after: { documentId: row.id, type: t.type, docNo, version: content.version, sm3: hash },
    areaCode: req.audit.areaCode ?? undefined,
    areaPath: req.audit.areaPath,
    orgUnitId: req.audit.orgUnitId ?? undefined,
  });
  return { id: row.id, type: t.type, docNo, version: content.version, title: t.title, sm3: hash, verifyCode: content.verifyCode };
}
