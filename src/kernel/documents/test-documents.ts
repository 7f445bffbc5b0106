import { withTx, type AppContext } from '../../platform/context.ts';
import { SYSTEM_ACTOR } from '../identity/actor.ts';
import { SAMPLE_TYPE } from '../../../tests/helpers/sample-workflow.ts';
import { documentsDb } from './db.ts';
import { defineDocument, defineSubjectDocument } from './define-document.ts';
import { issueDocument } from './issue-document.ts';
import { issueSubjectDocument } from './issue-subject-document.ts';

/** A document type on the kernel tests' sample workflow (test.sample), for the scope suite. */
export const sampleNotice = defineDocument({
  type: 'test_sample.notice',
  caseType: SAMPLE_TYPE,
  title: '测试告知书',
  numberPrefix: '测告',
  issuePermission: 'org.read',
  issuableIn: ['registered', 'accepted'],
  docx: true,
  fill: async (_tx, c) => ({ recipient: '测试人', body: [`测试事项 ${c.ref_no} 的告知内容。`], remedy: null }),
});

/** A subject document type (issued from a record that is not a case), readable with area.read in the subject's scope. */
export const sampleSubjectNotice = defineSubjectDocument({
  type: 'test_subject.notice',
  subjectType: 'test_subject',
  title: '测试通知书',
  numberPrefix: '测通',
  readPermission: 'area.read',
  docx: true,
});

/**
 * One document on every sample case not handed on (the scope suite's detail check restates the
 * plain scope rule; the handed-on rule is proved through GET /api/cases/:id/documents), issued
 * once, and one subject document per such case's office (its area path and org unit, no owner); returns them as the
 * suite's detail records, scoped like their cases and offices.
 */
export async function sampleDocuments(ctx: AppContext) {
  const cases = await ctx.db
    .selectFrom('core.case as c')
    .select(['c.id', 'c.area_path', 'c.org_unit_id', 'c.created_by'])
    .where('c.type', '=', SAMPLE_TYPE)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('core.case_handoff as h').select('h.id').whereRef('h.case_id', '=', 'c.id'))))
    .execute();
  const db = documentsDb(ctx.db as never);
  const out = [];
  for (const c of cases) {
    const had = await db.selectFrom('core.document').select('id').where('case_id', '=', c.id).executeTakeFirst();
    const id = had?.id ?? (await withTx(ctx, (tx) => issueDocument(tx, { type: sampleNotice, caseId: c.id, actor: SYSTEM_ACTOR }))).id;
    out.push({ id, areaPath: c.area_path, orgUnitId: c.org_unit_id, ownerId: c.created_by });
    const subject = `office:${c.id}`;
    const hadSubject = await db
      .selectFrom('core.document')
      .select('id')
      .where('subject_type', '=', 'test_subject')
      .where('subject_id', '=', subject)
      .executeTakeFirst();
    const sid =
      hadSubject?.id ??
      (
        await withTx(ctx, (tx) =>
          issueSubjectDocument(tx, {
            type: sampleSubjectNotice,
            subject: { id: subject, areaPath: c.area_path, orgUnitId: c.org_unit_id },
            fill: { recipient: '测试单位', body: ['测试通知内容。'], remedy: null, issuer: '测试机关' },
            actor: SYSTEM_ACTOR,
          }),
        )
      ).id;
    out.push({ id: sid, areaPath: c.area_path, orgUnitId: c.org_unit_id, ownerId: null });
  }
  return out;
}
