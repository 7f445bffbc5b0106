import { sql } from 'kysely';
import { AppError } from '../../../platform/errors.ts';
import { dateLine, defineDocument } from '../../../kernel/documents/index.ts';
import { yuanText } from '../../../platform/money.ts';
import { LEGAL, RECHECK_TYPE, countyOfPath } from '../contract.ts';
import { measuresOn } from '../law.ts';
import { decidingBureau, placeOf, remedyText } from './remedy.ts';

type Row = {
  result: string | null;
  before_cents: number | null;
  after_cents: number | null;
  decided_on: string | null;
  decided_level: 'county' | 'township' | null;
  gradual_exit_until: string | null;
  proposal: unknown;
  opinion: string | null;
  area_path: string;
  applicant: string | null;
};

/**
 * 最低生活保障复核决定通知书: a re-check's changing decision (增发、减发、渐退), with the written reasons a
 * 渐退 needs and the remedy naming the 复议机关 and the court. A 停发 has its own notice (stop-notice.ts).
 */
export const dibaoRecheckDecision = defineDocument({
  type: 'dibao.recheck_decision',
  caseType: RECHECK_TYPE,
  title: '最低生活保障复核决定通知书',
  numberPrefix: '低保复决',
  issuePermission: 'dibao.confirm',
  issuableIn: ['done'],
  docx: true,
  async fill(tx, c) {
    const r = (
      await sql<Row>`select r.result, r.before_cents, r.after_cents, r.decided_on::text as decided_on, r.decided_level, r.gradual_exit_until::text as gradual_exit_until,
        r.proposal, r.opinion, h.area_path,
        (select m.name from dibao.member m where m.household_id = h.id order by (m.relation = '申请人') desc, m.created_at, m.id limit 1) as applicant
      from dibao.recheck r join dibao.household h on h.id = r.household_id where r.case_id = ${c.id}`.execute(tx.db)
    ).rows[0];
    if (r?.result === '停发') throw new AppError('DOCUMENT_FACTS_MISSING', 409, '本复核决定停发，请出具停发通知书');
    if (!r?.result || r.result === '不变' || !r.decided_on) throw new AppError('DOCUMENT_FACTS_MISSING', 409, '本复核尚未作出调整或渐退决定，不能出具该文书');
    const p = (typeof r.proposal === 'string' ? JSON.parse(r.proposal) : r.proposal) as { reason?: string | null; findings?: string } | null;
    const before = yuanText(r.before_cents ?? 0);
    const after = yuanText(r.after_cents ?? 0);
    const what =
      r.result === '渐退'
        ? `决定对您家庭实行救助渐退：月保障金 ${before} 元继续发放至 ${(r.gradual_exit_until ?? '').slice(0, 7)}，期满后停发。理由：${(p?.reason ?? '').replace(/[。.]$/, '')}。`
        : `决定将您家庭的月最低生活保障金由 ${before} 元调整为 ${after} 元，自下月起执行。`;
    const county = countyOfPath(r.area_path) ?? '';
    // A county decision is issued by the county 民政 bureau; a delegated township's by the township (the case's holder, the default).
    const bureau = r.decided_level === 'county' ? await decidingBureau(tx, county) : undefined;
    return {
      ...(bureau ? { issuer: bureau } : {}),
      recipient: r.applicant ?? '低保家庭',
      body: [
        `经对您家庭人口、收入和财产状况复核（编号 ${c.ref_no}）${p?.findings ? `，复核情况：${p.findings.replace(/[。.]$/, '')}` : ''}，本机关于${dateLine(r.decided_on)}${what}`,
        `依据：${LEGAL.interim}第十三条、${await measuresOn(tx, r.decided_on)}。`,
      ],
      remedy: remedyText(r.decided_on, r.decided_level ?? 'county', await placeOf(tx, county)),
    };
  },
});
