import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { withTx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Actor } from '../identity/actor.ts';
import { requirePermission, userRef } from '../identity/actor.ts';
import { grantsFor, pathWithin } from '../identity/scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { fullWidth } from '../documents/content.ts';
import { computeFigures, type Figure } from './compute-figures.ts';
import { figureWords } from './report-wording.ts';
import { REPORT_PERMISSIONS } from './contract.ts';
import type { ReportArea } from './report-area.ts';
import { getTemplate, PLACEHOLDER, type TemplateBody } from './report-template.ts';
import { withPreviousYear, type PreviousYear } from './previous-year.ts';

/** A figure as the generated report used it (its stored value row, so the number stays traceable). */
export type UsedFigure = Pick<Figure, 'code' | 'label' | 'unit' | 'rule' | 'aggregationNote' | 'value' | 'computedAt' | 'valueId' | 'recordCount'> & {
  /** The previous year's value and the change (runs generated before 同比 existed have none). */
  previous?: PreviousYear | null;
};

export type ReportRun = {
  id: string;
  year: number;
  area: { code: string; name: string };
  templateVersion: number;
  generatedAt: string;
  text: TemplateBody & { date: string };
  figures: UsedFigure[];
  /** Placeholders that could not be filled (the reader lacks the metric's permission). */
  missing: string[];
};

/**
 * Fill a template's placeholders with the figures, in 公文 style: full-width punctuation, a
 * percentage with one decimal, and the figure's unit (件, 个, 户 …) unless the text already follows
 * the placeholder with it; staff text is otherwise kept as written.
 */
export function fillTemplate(body: TemplateBody, figures: Map<string, Figure>): { text: TemplateBody; missing: string[] } {
  const missing = new Set<string>();
  const fill = (p: string) =>
    fullWidth(p).replace(PLACEHOLDER, (m: string, code: string, at: number, all: string) => {
      const f = figures.get(code);
      if (!f || f.value === null) {
        missing.add(code);
        return '〔数据不可用〕';
      }
      return figureWords(f.value, f.unit, !all.slice(at + m.length).startsWith(f.unit));
    });
  const text = {
    ...body,
    title: fullWidth(body.title),
    sections: body.sections.map((s) => ({ heading: fullWidth(s.heading), paragraphs: s.paragraphs.map(fill) })),
  };
  return { text, missing: [...missing] };
}

/**
 * Generate the year's report for an area (report.edit): the newest template, the figures as this
 * actor reads them (stored values, computed where missing), filled in and kept in core.report_run
 * with the template version and the ids of the value rows used — which data produced it.
 */
export async function generateReport(ctx: AppContext, actor: Actor, year: number, area: ReportArea): Promise<ReportRun> {
  requirePermission(actor, REPORT_PERMISSIONS.edit);
  const template = await getTemplate(ctx, year);
  const sections = await withPreviousYear(ctx, actor, { year, area }, await computeFigures(ctx, actor, { year, area }));
  const byCode = new Map(sections.flatMap((s) => s.metrics).map((m) => [m.code, m]));
  const { text, missing } = fillTemplate(template, byCode);
  const used = [...new Set([...JSON.stringify(template.sections).matchAll(PLACEHOLDER)].map((m) => m[1]!))]
    .map((c) => byCode.get(c))
    .filter((f) => !!f && f.value !== null);
  const figures: UsedFigure[] = [...byCode.values()]
    .filter((f) => f.value !== null)
    .map((f) => ({
      code: f.code,
      label: f.label,
      unit: f.unit,
      rule: f.rule,
      aggregationNote: f.aggregationNote,
      value: f.value,
      computedAt: f.computedAt,
      valueId: f.valueId,
      recordCount: f.recordCount,
      previous: f.previous,
    }));
  const now = ctx.clock.now();
  const id = uuidv7();
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
  const stored = { title: text.title, docNo: text.docNo, issuer: text.issuer, recipient: text.recipient, sections: text.sections, date, figures, missing };
  await withTx(ctx, async (tx) => {
    await sql`insert into core.report_run (id, year, area_code, template_version, value_ids, text, generated_at, generated_by)
      values (${id}, ${year}, ${area.code}, ${template.version}, ${figures.map((f) => f.valueId!)}::uuid[], ${JSON.stringify(stored)}::jsonb, ${now}, ${userRef(actor)})`.execute(
      tx.db,
    );
    await recordAudit(tx, {
      actor,
      action: 'report.generate',
      entityType: 'report_run',
      entityId: id,
      after: { year, area: area.code, templateVersion: template.version, placeholders: used.length, missing },
      areaCode: area.code,
      areaPath: area.path,
    });
  });
  return {
    id,
    year,
    area: { code: area.code, name: area.name },
    templateVersion: template.version,
    generatedAt: now.toISOString(),
    text: { ...text, date },
    figures,
    missing,
  };
}

/** A generated report, if its area lies in the actor's report.read scope (else 404). */
export async function getReportRun(ctx: AppContext, actor: Actor, id: string): Promise<ReportRun> {
  const r = (
    await sql<{
      id: string;
      year: number;
      area_code: string;
      area_name: string;
      area_path: string;
      template_version: number;
      generated_at: Date;
      text: TemplateBody & { date: string; figures: UsedFigure[]; missing: string[] };
    }>`select r.id, r.year, r.area_code, a.name as area_name, a.path as area_path, r.template_version, r.generated_at, r.text
      from core.report_run r join core.area a on a.code = r.area_code where r.id::text = ${id}`.execute(ctx.db)
  ).rows[0];
  const covered =
    r && grantsFor(actor, REPORT_PERMISSIONS.read).some((g) => (g.scope === 'subtree' ? pathWithin(r.area_path, g.areaPath) : g.areaPath === r.area_path));
  if (!r || !covered) throw notFound('报告');
  const { figures, missing, date, ...body } = r.text;
  return {
    id: r.id,
    year: r.year,
    area: { code: r.area_code, name: r.area_name },
    templateVersion: r.template_version,
    generatedAt: r.generated_at.toISOString(),
    text: { ...body, date },
    figures,
    missing,
  };
}

/** The generated reports of a year for an area, newest first. */
export async function listReportRuns(ctx: AppContext, year: number, area: ReportArea) {
  const rows = (
    await sql<{ id: string; template_version: number; generated_at: Date; generated_by_name: string | null }>`
    select r.id, r.template_version, r.generated_at, u.display_name as generated_by_name from core.report_run r
    left join core.app_user u on u.id = r.generated_by where r.year = ${year} and r.area_code = ${area.code} order by r.generated_at desc, r.id desc limit 50`.execute(
      ctx.db,
    )
  ).rows;
  return rows.map((r) => ({ id: r.id, templateVersion: r.template_version, generatedAt: r.generated_at.toISOString(), generatedBy: r.generated_by_name }));
}
