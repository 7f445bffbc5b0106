import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';

export type PetitionExtension = { clock: string; clockLabel: string; days: number; unit: string; reason: string; at: string; dueDate: string | null };

/**
 * The approved 延期 of a petition's clocks with their reasons (第三十四条: 告知信访人延期理由),
 * for the portal's tracking page. Source: core.deadline_clock.extensions (jsonb, written by the
 * kernel's extend route). No staff names.
 */
export async function petitionExtensions(ctx: AppContext, caseId: string): Promise<PetitionExtension[]> {
  const rows = (
    await sql<{ name: string; label: string; due_date: string | null; extensions: unknown }>`
    select name, label, due_date::text as due_date, extensions from core.deadline_clock where case_id = ${caseId} order by start_date, name`.execute(ctx.db)
  ).rows;
  return rows.flatMap((k) => {
    const list = (typeof k.extensions === 'string' ? JSON.parse(k.extensions) : k.extensions) as Array<{ n: number; unit: string; reason: string; at: string }>;
    return (list ?? []).map((e) => ({ clock: k.name, clockLabel: k.label, days: e.n, unit: e.unit, reason: e.reason, at: e.at, dueDate: k.due_date }));
  });
}
