import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { withTx } from '../../platform/context.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import type { Actor } from '../identity/actor.ts';
import { requirePermission, userRef } from '../identity/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { REPORT_PERMISSIONS } from './contract.ts';
import { defaultTemplate } from './default-template.ts';
import { metricCodes } from './registry.ts';

/** A placeholder in a paragraph: {{section.metric}}. */
export const PLACEHOLDER = /\{\{\s*([a-z][a-z0-9_]*\.[a-z][a-z0-9_.]*)\s*\}\}/g;

const text = (field: string, max: number) =>
  z
    .string({ message: `「${field}」须为文字。` })
    .trim()
    .min(1, `「${field}」不能为空。`)
    .max(max, `「${field}」不超过 ${max} 字。`);

export const TemplateBody = z.object({
  title: text('标题', 100),
  docNo: text('发文字号', 40),
  issuer: text('发文机关', 60),
  recipient: text('主送机关', 60),
  sections: z
    .array(
      z.object({
        heading: text('一级标题', 60),
        paragraphs: z.array(text('段落', 5000)).min(1, '「段落」每个部分至少一段。').max(40, '「段落」每个部分不超过 40 段。'),
      }),
    )
    .min(1, '「sections」至少一个部分。')
    .max(30, '「sections」不超过 30 个部分。'),
});
export type TemplateBody = z.infer<typeof TemplateBody>;
/** PUT body: the template and the version the editor started from. */
export const PutTemplateBody = TemplateBody.extend({
  baseVersion: z.number({ message: '「baseVersion」须为编辑所基于的模板版本号。' }).int().min(0, '「baseVersion」不能为负数。'),
});

export type ReportTemplate = TemplateBody & { year: number; version: number; savedAt: string | null };

/** The placeholders of a template body, in order of appearance. */
export function placeholders(body: TemplateBody): string[] {
  return body.sections.flatMap((s) => s.paragraphs.flatMap((p) => [...p.matchAll(PLACEHOLDER)].map((m) => m[1]!)));
}

/** The newest saved version of the year's template, or the built-in default (version 0). */
export async function getTemplate(ctx: AppContext, year: number): Promise<ReportTemplate> {
  const r = (
    await sql<{ version: number; body: TemplateBody; saved_at: Date }>`select version, body, saved_at from core.report_template
      where year = ${year} order by version desc limit 1`.execute(ctx.db)
  ).rows[0];
  if (!r) return { ...defaultTemplate(year), year, version: 0, savedAt: null };
  return { ...r.body, year, version: r.version, savedAt: r.saved_at.toISOString() };
}

/**
 * Save a new version of the year's template (report.edit). `baseVersion` is the version the editor
 * started from: when someone saved meanwhile, 409 (nothing is overwritten). Every placeholder must
 * name a metric.
 */
export async function saveTemplate(ctx: AppContext, actor: Actor, year: number, body: TemplateBody, baseVersion: number): Promise<ReportTemplate> {
  requirePermission(actor, REPORT_PERMISSIONS.edit);
  const known = metricCodes();
  const unknown = [...new Set(placeholders(body).filter((p) => !known.has(p)))];
  if (unknown.length)
    throw badRequest('UNKNOWN_PLACEHOLDER', `模板中的占位符不是已有指标：${unknown.map((u) => `{{${u}}}`).join('、')}。`, { placeholders: unknown });
  return withTx(ctx, async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtext('core.report_template'), ${year})`.execute(tx.db);
    const last = (await sql<{ v: number | null }>`select max(version) as v from core.report_template where year = ${year}`.execute(tx.db)).rows[0]?.v ?? 0;
    if (Number(last) !== baseVersion)
      throw conflict('TEMPLATE_CHANGED', `模板已被他人修改（当前第 ${last} 版，您编辑的是第 ${baseVersion} 版），请刷新后再改。`, { version: Number(last) });
    const version = Number(last) + 1;
    const now = ctx.clock.now();
    await sql`insert into core.report_template (year, version, title, body, saved_at, saved_by)
      values (${year}, ${version}, ${body.title}, ${JSON.stringify(body)}::jsonb, ${now}, ${userRef(actor)})`.execute(tx.db);
    await recordAudit(tx, {
      actor,
      action: 'report.template.save',
      entityType: 'report_template',
      entityId: String(year),
      after: { year, version, title: body.title },
    });
    return { ...body, year, version, savedAt: now.toISOString() };
  });
}
