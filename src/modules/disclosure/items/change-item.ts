import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { badRequest, conflict } from '../../../platform/errors.ts';
import { startCaseClock, stopCaseClock, type CaseRow } from '../../../kernel/workflow/index.ts';
import { notify } from '../../../kernel/notify/index.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { art, DISCLOSURE_ERRORS as E } from '../contracts/labels.ts';
import type { ChangeItemInput } from '../contracts/inputs.ts';
import type { z } from 'zod';

type Current = { title: string; summary: string; validity: string; formed_on: string; published_on: string; changed_on: string | null };
const clockName = (seq: number) => `publish_change_${seq}`;

const current = async (tx: AppContext, id: string) =>
  (
    await sql<Current>`select title, summary, validity, formed_on::text, published_on::text, changed_on::text
      from disclosure.item where case_id = ${id} for update`.execute(tx.db)
  ).rows[0]!;
const pending = async (tx: AppContext, id: string) =>
  (await sql<{ seq: number }>`select seq from disclosure.item_change where case_id = ${id} and state = 'pending'`.execute(tx.db)).rows[0]!;

/**
 * 变更 (disclosure.handle): the new text waits for review; the 20-working-day clock of 第二十六条
 * runs afresh from the day the information changed. Refused: a date in the future or before the
 * item's publication or last change; a change that changes nothing.
 */
export async function askChange(tx: AppContext, c: CaseRow, input: z.infer<typeof ChangeItemInput>) {
  const now = await current(tx, c.id);
  if (input.changedOn > chinaDate(tx.clock.now())) throw badRequest('VALIDATION_FAILED', E.CHANGE_FUTURE, { field: 'changedOn' });
  const floor = now.changed_on ?? now.published_on;
  if (input.changedOn < floor) throw badRequest('VALIDATION_FAILED', E.CHANGE_TOO_EARLY(floor), { field: 'changedOn' });
  const next = { title: input.title ?? now.title, summary: input.summary ?? now.summary, validity: input.validity ?? now.validity };
  if (next.title === now.title && next.summary === now.summary && next.validity === now.validity) throw conflict('DISCLOSURE_CHANGE_NOTHING', E.CHANGE_NOTHING);
  const seq = Number((await sql<{ n: number }>`select count(*)::int as n from disclosure.item_change where case_id = ${c.id}`.execute(tx.db)).rows[0]!.n) + 1;
  await sql`insert into disclosure.item_change (case_id, seq, changed_on, reason, title, summary, validity, state, created_at)
    values (${c.id}, ${seq}, ${input.changedOn}::date, ${input.reason}, ${next.title}, ${next.summary}, ${next.validity}, 'pending', ${tx.clock.now()})`.execute(
    tx.db,
  );
  const spec = { name: clockName(seq), label: `变更后公开期限（第 ${seq} 次变更，20 个工作日）`, legalBasis: art('第二十六条'), warnWorkdays: 5 };
  const k = await startCaseClock(tx, c, { ...spec, rule: { unit: 'workdays', n: 20 } }, input.changedOn);
  return { seq, publishDue: k?.due_date ?? null };
}

/** 审核发布变更 (disclosure.approve): the change becomes the item's text; the earlier version stays on record. */
export async function publishChange(tx: AppContext, c: CaseRow) {
  const now = await current(tx, c.id);
  const { seq } = await pending(tx, c.id);
  const today = chinaDate(tx.clock.now());
  const ch = (
    await sql<{ title: string; summary: string; validity: string; changed_on: string }>`update disclosure.item_change set state = 'published',
      decided_on = ${today}::date, prev_title = ${now.title}, prev_summary = ${now.summary}, prev_validity = ${now.validity},
      prev_formed_on = ${now.formed_on}::date, prev_published_on = ${now.published_on}::date, prev_changed_on = ${now.changed_on}::date
      where case_id = ${c.id} and seq = ${seq} returning title, summary, validity, changed_on::text`.execute(tx.db)
  ).rows[0]!;
  await sql`update disclosure.item set title = ${ch.title}, summary = ${ch.summary}, validity = ${ch.validity}, changed_on = ${ch.changed_on}::date
    where case_id = ${c.id}`.execute(tx.db);
  await stopCaseClock(tx, c, clockName(seq));
  return { title: ch.title };
}

/**
 * 退回变更 (disclosure.approve): the published version stays as it was; the change is kept, marked returned. The clerk
 * who asked for it is told (the item rests as 已公开, so no next step would reach them); the reason is in the case's record.
 */
export async function returnChange(tx: AppContext, c: CaseRow, actor: Actor) {
  const { seq } = await pending(tx, c.id);
  await sql`update disclosure.item_change set state = 'returned', decided_on = ${chinaDate(tx.clock.now())}::date
    where case_id = ${c.id} and seq = ${seq}`.execute(tx.db);
  await stopCaseClock(tx, c, clockName(seq));
  const asker = (
    await sql<{ actor_id: string | null }>`select actor_id from core.case_event where case_id = ${c.id} and transition = 'change'
      order by seq desc limit 1`.execute(tx.db)
  ).rows[0]?.actor_id;
  if (!asker || asker === actor.userId) return;
  await notify(tx, {
    userId: asker,
    orgUnitId: c.org_unit_id,
    caseId: c.id,
    kind: 'disclosure.change_returned',
    dedupeKey: `disclosure.change_returned:${c.id}:${seq}`,
    title: `变更被退回：${c.ref_no} ${c.title}`,
    body: `${actor.displayName}退回了第 ${seq} 次变更，公开内容保持原样；退回理由见办理记录。`,
  });
}

/** The item's changes, newest first, for its case page (变更记录): each with the version it replaced. */
export async function changeHistory(ctx: AppContext, id: string): Promise<string | null> {
  const rows = (
    await sql<{
      seq: number;
      changed_on: string;
      reason: string;
      state: string;
      prev_title: string | null;
      prev_validity: string | null;
      decided_on: string | null;
    }>`
      select seq, changed_on::text, reason, state, prev_title, prev_validity, decided_on::text from disclosure.item_change
      where case_id = ${id} order by seq desc`.execute(ctx.db)
  ).rows;
  if (!rows.length) return null;
  const state = { pending: '待审核', published: '已发布', returned: '已退回' } as Record<string, string>;
  return rows
    .map(
      (r) =>
        `第 ${r.seq} 次变更（${r.changed_on}，${state[r.state]}${r.decided_on ? ` ${r.decided_on}` : ''}）：${r.reason}` +
        (r.prev_title ? `；变更前：《${r.prev_title}》，${r.prev_validity}` : ''),
    )
    .join('\n');
}
