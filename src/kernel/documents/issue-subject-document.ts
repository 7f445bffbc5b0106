import type { AppContext } from '../../platform/context.ts';
import type { Actor } from '../identity/actor.ts';
import type { DocumentFill, SubjectDocumentType } from './define-document.ts';
import { writeDocument, type IssuedDocument } from './issue-document.ts';

export type DocumentSubject = {
  /** The module record's id (text: a composite key reads `a:b`). */
  id: string;
  /** What scopes the file: the area path (and org unit) of the office the record belongs to. */
  areaPath: string;
  orgUnitId: string | null;
};

/**
 * Issue a document of a subject type, filled by the caller from its record, inside the caller's transaction; numbered,
 * versioned, rendered, stored and audited as a case's documents are (issue-document.ts). `issuer` is the 发文机关.
 * The caller has checked the actor's right to act on the record.
 */
export async function issueSubjectDocument(
  tx: AppContext,
  req: { type: SubjectDocumentType; subject: DocumentSubject; fill: DocumentFill & { issuer: string }; actor: Actor },
): Promise<IssuedDocument> {
  if (!tx.db.isTransaction) throw new Error('issueSubjectDocument must run inside withTx');
  const { type: t, subject: s } = req;
  return writeDocument(tx, {
    type: t,
    fill: req.fill,
    actor: req.actor,
    link: { subject_type: t.subjectType, subject_id: s.id, area_path: s.areaPath, org_unit_id: s.orgUnitId },
    audit: { entityType: t.subjectType, entityId: s.id, areaPath: s.areaPath, orgUnitId: s.orgUnitId },
  });
}
