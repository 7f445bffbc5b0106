import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { caseLink, type CaseLink, type CaseRow } from '../../../kernel/workflow/index.ts';
import { orgsDb } from '../db.ts';

export const APPLICATION_FACTS = {
  organization: '社会组织',
  filedOn: '申请日期',
  referenceOn: '期限起算日',
  late: '逾期申请',
  nameCheck: '名称审核',
  decision: '决定',
  decidedOn: '决定日期',
  decisionReason: '理由',
  certificateNo: '登记证书号',
  origin: '来源办件（政务服务大厅受理）',
} as const;

/** The case page's facts of a 登记 case, read from orgs.application. */
export async function applicationFacts(ctx: AppContext, c: CaseRow): Promise<Record<string, unknown>> {
  const a = await orgsDb(ctx.db)
    .selectFrom('orgs.application as a')
    .leftJoin('orgs.organization as o', 'o.id', 'a.organization_id')
    .select([
      'a.origin_case_id',
      'o.name',
      'a.late',
      'a.name_check',
      'a.decision',
      'a.decision_reason',
      'a.certificate_no',
      'a.payload',
      sql<string>`a.filed_on::text`.as('filed_on'),
      sql<string | null>`a.reference_on::text`.as('reference_on'),
      sql<string | null>`a.decided_on::text`.as('decided_on'),
    ])
    .where('a.case_id', '=', c.id)
    .executeTakeFirst();
  if (!a) return {};
  const payloadName = (a.payload as { name?: string } | null)?.name;
  return {
    organization: a.name ?? payloadName ?? null,
    filedOn: a.filed_on,
    referenceOn: a.reference_on,
    late: a.late ? '是' : '否',
    nameCheck: a.name_check,
    decision: a.decision,
    decidedOn: a.decided_on,
    decisionReason: a.decision_reason,
    certificateNo: a.certificate_no,
    origin: originText(await caseLink(ctx, a.origin_case_id)),
  };
}

/** The hall application a 成立登记 came from, as the header shows it: its reference, type and state. */
const originText = (l: CaseLink | null) => (l ? `${l.refNo}（${l.typeLabel}，${l.stateLabel}）` : null);

/** The application row of a case, locked by the step already (the case row is locked). */
export async function applicationOf(ctx: AppContext, caseId: string) {
  const a = await orgsDb(ctx.db)
    .selectFrom('orgs.application')
    .selectAll()
    .select(sql<string>`filed_on::text`.as('filed_on_t'))
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  return a;
}

/** Records the decision on the application row. */
export async function decide(
  ctx: AppContext,
  caseId: string,
  d: { decision: '准予登记' | '不予登记'; on: string; reason?: string | null; certificateNo?: string | null },
) {
  await orgsDb(ctx.db)
    .updateTable('orgs.application')
    .set({ decision: d.decision, decided_on: d.on, decision_reason: d.reason ?? null, certificate_no: d.certificateNo ?? null })
    .where('case_id', '=', caseId)
    .execute();
}
