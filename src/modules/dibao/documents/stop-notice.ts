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
  decided_on: string | null;
  decided_level: 'county' | 'township' | null;
  proposal: unknown;
  area_path: string;
  applicant: string | null;
  effective_month: string | null;
  insured_before: number | null;
};

/**
 * 最低生活保障停发通知书: a re-check decided 停发. The reasons in writing (《社会救助暂行办法》第十三条第三款:
 * 决定停发最低生活保障金的，应当书面说明理由), the month it takes effect, the way back (a new application) and
 * the remedy naming the 复议机关 and the court (第六十五条). Issued by the decision itself (decide-recheck.ts).
 */
export const dibaoStopNotice = defineDocument({
  type: 'dibao.stop',
  caseType: RECHECK_TYPE,
  title: '最低生活保障停发通知书',
  numberPrefix: '低保停',
  issuePermission: 'dibao.confirm',
  issuableIn: ['done'],
  docx: true,
  async fill(tx, c) {
    const r = (
      await sql<Row>`select r.result, r.before_cents, r.decided_on::text as decided_on, r.decided_level, r.proposal, h.area_path,
        (select m.name from dibao.member m where m.household_id = h.id order by (m.relation = '申请人') desc, m.created_at, m.id limit 1) as applicant,
        b.effective_month::text as effective_month, b.insured_before
      from dibao.recheck r join dibao.household h on h.id = r.household_id
      left join lateral (select effective_month, insured_before from dibao.benefit_change where case_id = r.case_id and kind = '停发'
        order by effective_month limit 1) b on true
      where r.case_id = ${c.id}`.execute(tx.db)
    ).rows[0];
    if (r?.result !== '停发' || !r.decided_on || !r.effective_month)
      throw new AppError('DOCUMENT_FACTS_MISSING', 409, '本复核未作出停发决定，不能出具停发通知书（调整、渐退出具复核决定通知书）');
    const p = (typeof r.proposal === 'string' ? JSON.parse(r.proposal) : r.proposal) as { reason?: string | null; findings?: string } | null;
    const county = countyOfPath(r.area_path) ?? '';
    const bureau = r.decided_level === 'county' ? await decidingBureau(tx, county) : undefined;
    const persons = r.insured_before ? `，保障人口 ${r.insured_before} 人` : '';
    return {
      ...(bureau ? { issuer: bureau } : {}),
      recipient: r.applicant ?? '低保家庭',
      body: [
        `经对您家庭人口、收入和财产状况复核（编号 ${c.ref_no}）${p?.findings ? `，复核情况：${p.findings.replace(/[。.]$/, '')}` : ''}。`,
        `本机关于${dateLine(r.decided_on)}决定，自${dateLine(r.effective_month)}起停发您家庭的最低生活保障金（原月保障金 ${yuanText(r.before_cents ?? 0)} 元${persons}）。`,
        `停发理由：${(p?.reason ?? '').replace(/[。.]$/, '')}。`,
        `依据：${LEGAL.interim}第十三条第三款、${await measuresOn(tx, r.decided_on)}。`,
        '今后家庭人口、收入、财产状况发生变化，符合最低生活保障条件的，可以向户籍所在地乡镇人民政府（街道办事处）重新提出申请。',
      ],
      remedy: `依照${LEGAL.interim}第六十五条，${remedyText(r.decided_on, r.decided_level ?? 'county', await placeOf(tx, county))}`,
    };
  },
});
