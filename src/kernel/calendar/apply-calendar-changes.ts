import { sql, type ExpressionBuilder } from 'kysely';
import { withTx, type AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor } from '../identity/actor.ts';
import { forgetTxCalendar } from './load-calendar.ts';
import { notifyCalendarChange, type CalendarChange, type CalendarDayChange, type CalendarDayValue } from './change-hooks.ts';
import { resolveCalendarArea } from './resolve-area.ts';

/** Set (after = value) or clear (after = null) one override row. */
export type CalendarOp = { date: string; areaCode: string | null; after: CalendarDayValue | null };

export type ApplyOptions = {
  reason: string;
  /** A seed's key: the change is made once per database, ever (see seed-calendar.ts). */
  seedKey?: string;
  /** Only add missing rows; leave rows that exist as they are (seeds). */
  insertOnly?: boolean;
};

/**
 * The one writer of calendar rows: applies the ops that change something, appends a
 * calendar_version row, audits every changed day and tells the listeners — all in one
 * transaction. Returns null when nothing changed (no version is spent on a no-op), or when
 * the seed key has already been used.
 */
export async function applyCalendarChanges(ctx: AppContext, actor: Actor, ops: readonly CalendarOp[], opts: ApplyOptions): Promise<CalendarChange | null> {
  return withTx(ctx, async (tx) => {
    // Serialises writers so version numbers are gapless; plain reads (the cache check) do not wait.
    await sql`lock table core.calendar_version in exclusive mode`.execute(tx.db);
    if (opts.seedKey) {
      const done = await tx.db.selectFrom('core.calendar_version').select('version').where('seed_key', '=', opts.seedKey).executeTakeFirst();
      if (done) return null;
    }
    const changes: CalendarDayChange[] = [];
    for (const op of ops) {
      const areaPath = op.areaCode === null ? null : (await resolveCalendarArea(tx, op.areaCode, 'areaCode')).path;
      const row = await findRow(tx, op.date, op.areaCode);
      const before: CalendarDayValue | null = row ? { kind: row.kind as CalendarDayValue['kind'], name: row.name, source: row.source } : null;
      if (sameValue(before, op.after) || (opts.insertOnly && before)) continue;
      changes.push({ date: op.date, areaCode: op.areaCode, areaPath, before, after: op.after });
    }
    if (!changes.length && !opts.seedKey) return null;

    const at = tx.clock.now();
    const v = await sql<{ version: number }>`insert into core.calendar_version (version, at, actor_id, actor_name, reason, changes, seed_key)
      select coalesce(max(version), 0) + 1, cast(${at} as timestamptz), cast(${actor.userId} as uuid),
        cast(${`${actor.displayName}(${actor.username})`} as text), cast(${opts.reason} as text),
        cast(${JSON.stringify(changes)} as jsonb), cast(${opts.seedKey ?? null} as text)
      from core.calendar_version
      returning version`.execute(tx.db);
    const version = v.rows[0]!.version;

    for (const c of changes) {
      if (c.after === null) {
        await tx.db.deleteFrom('core.calendar_day').where(byKey(c.date, c.areaCode)).execute();
      } else if (c.before === null) {
        await tx.db
          .insertInto('core.calendar_day')
          .values({ id: uuidv7(at.getTime()), area_code: c.areaCode, date: c.date, ...c.after, version, updated_at: at, created_at: at })
          .execute();
      } else {
        await tx.db
          .updateTable('core.calendar_day')
          .set({ ...c.after, version, updated_at: at })
          .where(byKey(c.date, c.areaCode))
          .execute();
      }
    }
    const change: CalendarChange = { version, reason: opts.reason, changes };
    forgetTxCalendar(tx);
    await notifyCalendarChange(tx, change);
    for (const c of changes) {
      await recordAudit(tx, {
        actor,
        action: c.after ? 'calendar.day.set' : 'calendar.day.clear',
        entityType: 'calendar_day',
        entityId: `${c.areaCode ?? 'national'}:${c.date}`,
        before: c.before,
        after: c.after ? { ...c.after, version } : { cleared: true, version },
        reason: opts.reason,
        ...(c.areaCode ? { areaCode: c.areaCode, areaPath: c.areaPath } : {}),
      });
    }
    return change;
  });
}

async function findRow(tx: AppContext, date: string, areaCode: string | null) {
  return tx.db.selectFrom('core.calendar_day').select(['kind', 'name', 'source']).where(byKey(date, areaCode)).forUpdate().executeTakeFirst();
}

/** date = … and area_code = … (is null for the national layer). */
function byKey(date: string, areaCode: string | null) {
  return (eb: ExpressionBuilder<DB, 'core.calendar_day'>) =>
    eb.and([eb('date', '=', date), areaCode === null ? eb('area_code', 'is', null) : eb('area_code', '=', areaCode)]);
}

function sameValue(a: CalendarDayValue | null, b: CalendarDayValue | null): boolean {
  if (a === null || b === null) return a === b;
  return a.kind === b.kind && a.name === b.name && (a.source ?? null) === (b.source ?? null);
}
