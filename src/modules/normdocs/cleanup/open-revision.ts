import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { notify } from '../../../kernel/notify/index.ts';
import { createCase } from '../../../kernel/workflow/index.ts';
import { NORMDOC_TYPE } from '../contract.ts';
import { addVersion } from '../commands/steps.ts';

/** What asked for the revision: a 清理 conclusion or an evaluation's (its notice words and notification kind). */
export type RevisionOrigin = { label: '清理结论' | '评估结论'; kind: 'normdocs.cleanup.revise' | 'normdocs.evaluation.revise' };
const CLEANUP: RevisionOrigin = { label: '清理结论', kind: 'normdocs.cleanup.revise' };

/**
 * 清理结论 or 评估结论「修改」: a new drafting round at the drafting office of the document, linked to it
 * (revises_case_id), starting from its text in force; the office is told. The old document stays
 * in force until it is repealed, or replaced when the revision is published (supersede).
 */
export async function openRevision(
  tx: AppContext,
  actor: Actor,
  old: { caseId: string; number: string; title: string },
  why: string,
  origin: RevisionOrigin = CLEANUP,
) {
  const o = (
    await sql<{ org_unit_id: string; series_word: string }>`select c.org_unit_id, d.series_word from core.case c join normdocs.document d on d.case_id = c.id
      where c.id = ${old.caseId}`.execute(tx.db)
  ).rows[0]!;
  const text = (await sql<{ text: string }>`select text from normdocs.version where case_id = ${old.caseId} order by version_no desc limit 1`.execute(tx.db))
    .rows[0]!.text;
  // Opened by the clean-up decision for the drafting office (not by one of its drafters): a system creation.
  const row = await createCase(tx, actor, { type: NORMDOC_TYPE, title: old.title, orgUnitId: o.org_unit_id, system: true });
  await sql`insert into normdocs.document (case_id, title, series_word, drafted_by_name, revises_case_id, created_at)
    values (${row.id}, ${old.title}, ${o.series_word}, ${actor.displayName}, ${old.caseId}, ${tx.clock.now()})`.execute(tx.db);
  await addVersion(tx, actor, row.id, text, `修改${old.number}：${why}`.slice(0, 2000), '起草');
  await notify(tx, {
    orgUnitId: o.org_unit_id,
    caseId: row.id,
    kind: origin.kind,
    title: `${origin.label}：《${old.title}》（${old.number}）需修改，已开启修改草案 ${row.ref_no}`.slice(0, 200),
    dedupeKey: `${origin.kind}:${row.id}`,
  });
  return row.id;
}
