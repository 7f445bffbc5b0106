import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import type { CaseRow } from '../../../kernel/workflow/index.ts';
import { lawOf, penaltyOf } from './penalty-row.ts';
import { evidenceCounts, missingRecords } from './close-case.ts';

/** Labels of the case page's facts (key → label). */
export const PENALTY_FACT_LABELS = {
  partyName: '当事人',
  actDate: '违法行为日期',
  filedOn: '立案日期',
  law: '适用法律文本',
  powerCode: '执法事项',
  investigators: '执法人员',
  tier: '裁量档次',
  intendedKinds: '拟处罚种类',
  intendedFine: '拟罚款（元）',
  notifiedOn: '告知日期',
  hearingRight: '有听证权利',
  hearingOn: '听证日期',
  reviewRequired: '须法制审核',
  reviewReasons: '法制审核理由',
  reviewPassed: '法制审核通过',
  collectiveOn: '集体讨论日期',
  decisionNo: '决定书文号',
  decisionKind: '决定类型',
  fine: '罚款（元）',
  decidedOn: '决定日期',
  servedOn: '送达日期',
  paidOn: '缴款日期',
  lateCharge: '加处罚款（元）',
  publishedOn: '公开日期',
  missingRecords: '尚缺记录',
} as const;

/** The case page's facts, from enforcement.penalty (the case's only home for them). */
export async function penaltyFacts(ctx: AppContext, c: CaseRow): Promise<Record<string, unknown>> {
  const p = await penaltyOf(ctx, c.id);
  const names = (
    await sql<{
      name: string;
      cert_no: string;
    }>`select name, cert_no from enforcement.officer where id = any(${p.investigators}::uuid[]) order by name`.execute(ctx.db)
  ).rows;
  const f: Record<string, unknown> = {
    partyName: p.party_name,
    actDate: p.act_date,
    filedOn: p.filed_on,
    law: lawOf(p).name,
    powerCode: p.power_code,
    investigators: names.map((o) => `${o.name}(${o.cert_no})`).join('、') || null,
    tier: p.tier,
    intendedKinds: p.intended_kinds?.join('、') ?? null,
    intendedFine: p.intended_fine === null ? null : Number(p.intended_fine),
    notifiedOn: p.notified_on,
    hearingRight: p.notified_on ? p.hearing_right : null,
    hearingOn: p.hearing_on,
    reviewRequired: p.notified_on ? p.review_required : null,
    reviewReasons: p.review_reasons.join('；') || null,
    reviewPassed: p.review_passed,
    collectiveOn: p.collective_on,
    decisionNo: p.decision_no,
    decisionKind: p.decision_kind,
    fine: p.fine === null ? null : Number(p.fine),
    decidedOn: p.decided_on,
    servedOn: p.served_on,
    paidOn: p.paid_on,
    lateCharge: p.late_charge === null ? null : Number(p.late_charge),
    publishedOn: p.published_on,
    missingRecords: missingRecords(p, await evidenceCounts(ctx, c.id)).join('、') || null,
  };
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== null && v !== undefined));
}
