import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { yuanText } from '../../platform/money.ts';
import type { CaseRow } from '../../kernel/workflow/index.ts';
import { AUTHORITY_LABEL } from './contract.ts';

type Authority = keyof typeof AUTHORITY_LABEL;

type Row = {
  channel: string;
  authority: Authority;
  document: string | null;
  accepted_on: string | null;
  special: boolean;
  township_opinion: unknown;
  eligibility: unknown;
  publicity_from: string | null;
  publicity_to: string | null;
  publicity_round: number;
  objections: number;
  decision: string | null;
  decided_on: string | null;
  benefit: unknown;
  missing_materials: unknown;
  checks: unknown;
  investigation: unknown;
  not_accepted_code: string | null;
  relative_of_staff: boolean;
  not_accepted_reason: string | null;
  duplicate_flag: unknown;
};
const json = <T>(v: unknown): T | null => (v == null ? null : ((typeof v === 'string' ? JSON.parse(v) : v) as T));

type DuplicateFlag = { items: Array<{ member: number; name: string; idMasked: string; note: string }> };

/** The township's to-check line for a flagged 网上申请 (家庭成员第 n 人 … : note), or null. */
export function duplicateFlagText(v: unknown): string | null {
  const f = json<DuplicateFlag>(v);
  if (!f?.items?.length) return null;
  return f.items.map((x) => `家庭成员第 ${x.member} 人${x.name}(${x.idMasked}):${x.note}`).join(';');
}

/**
 * The facts of a 低保 application for the case page, read from dibao.application — the one place
 * they live (labels: `facts` in workflow.ts). A fact appears once the step that sets it has run.
 */
export async function applicationFacts(ctx: AppContext, c: CaseRow): Promise<Record<string, unknown>> {
  const r = (
    await sql<Row>`select a.channel, a.authority, d.document, a.accepted_on::text as accepted_on, a.special, a.township_opinion, a.eligibility,
      a.publicity_from::text as publicity_from, a.publicity_to::text as publicity_to, a.publicity_round, jsonb_array_length(a.objections)::int as objections,
      a.decision, a.decided_on::text as decided_on, a.benefit, a.missing_materials, a.checks, a.investigation, a.not_accepted_code, a.not_accepted_reason, a.relative_of_staff, a.duplicate_flag
    from dibao.application a left join dibao.delegation d on d.id = a.delegation_id where a.case_id = ${c.id}`.execute(ctx.db)
  ).rows[0];
  if (!r) return {};
  const accepted = r.accepted_on !== null;
  const missing = json<{ items: string[]; toldOn?: string }>(r.missing_materials);
  const checks = json<{ results: Array<{ source: string; status: string }> }>(r.checks);
  const benefit = json<{ amountCents: number; benefitFrom: string }>(r.benefit);
  const facts: Record<string, unknown> = {
    channel: r.channel,
    approvingLevel: r.relative_of_staff ? `${AUTHORITY_LABEL.county}（近亲属单独登记备案）` : AUTHORITY_LABEL[r.authority],
    delegationDocument: accepted ? r.document : undefined,
    acceptedOn: r.accepted_on ?? undefined,
    special: accepted ? r.special : undefined,
    missingMaterials: missing?.toldOn ? missing.items : undefined,
    checkMismatches: checks ? checks.results.filter((x) => x.status === '不一致').map((x) => x.source) : undefined,
    investigationStaff: json<{ staff?: string[] }>(r.investigation)?.staff,
    townshipOpinion: json<{ opinion: string }>(r.township_opinion)?.opinion,
    eligible: json<{ eligible: boolean }>(r.eligibility)?.eligible,
    publicityFrom: r.publicity_from ?? undefined,
    publicityTo: r.publicity_to ?? undefined,
    publicityRound: r.publicity_round > 0 ? r.publicity_round : undefined,
    objections: r.objections > 0 ? r.objections : undefined,
    decision: r.decision ?? undefined,
    decidedOn: r.decided_on ?? undefined,
    benefitYuan: benefit ? yuanText(benefit.amountCents) : undefined,
    benefitFrom: benefit?.benefitFrom,
    duplicateFlag: duplicateFlagText(r.duplicate_flag) ?? undefined,
    notAccepted: r.not_accepted_code ? `${r.not_accepted_code}:${r.not_accepted_reason}` : undefined,
  };
  return Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined));
}
