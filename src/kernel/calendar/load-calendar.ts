import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { createCalendar, type Calendar } from './calendar.ts';
import type { DayKind, LayerEntry } from './contract.ts';
import { chineseDaysPackage } from './national-package.ts';

type Row = {
  max_version: number | null;
  area_code: string | null;
  date: string | null;
  kind: string | null;
  name: string | null;
  source: string | null;
  area_name: string | null;
  area_level: number | null;
};

/** The latest calendar version (0 before any change): the cheap check behind the cache. */
export async function currentCalendarVersion(ctx: AppContext): Promise<number> {
  const r = await sql<{ v: number | null }>`select max(version) as v from core.calendar_version`.execute(ctx.db);
  return r.rows[0]?.v ?? 0;
}

/**
 * Build the engine from chinese-days and every override row. Version and rows come from one
 * statement, hence one snapshot: the version number always describes exactly these rows.
 */
export async function loadCalendar(ctx: AppContext): Promise<Calendar> {
  const r = await sql<Row>`select v.max_version, d.area_code, d.date, d.kind, d.name, d.source, a.name as area_name, a.level as area_level
    from (select max(version) as max_version from core.calendar_version) v
    left join core.calendar_day d on true
    left join core.area a on a.code = d.area_code
    order by d.date`.execute(ctx.db);
  const national: LayerEntry[] = [];
  const regional: Record<string, LayerEntry[]> = {};
  const areaLabels: Record<string, string> = {};
  for (const row of r.rows) {
    if (!row.date) continue;
    const entry: LayerEntry = { date: row.date, kind: row.kind as DayKind, name: row.name!, source: row.source };
    if (row.area_code === null) national.push(entry);
    else {
      (regional[row.area_code] ??= []).push(entry);
      if (row.area_name) areaLabels[row.area_code] = shortAreaName(row.area_name, row.area_level);
    }
  }
  const pkg = chineseDaysPackage();
  return createCalendar({
    version: r.rows[0]?.max_version ?? 0,
    nationalSource: pkg.source,
    packageDays: pkg.days,
    nationalOverrides: national,
    regional,
    areaLabels,
  });
}

/**
 * '宁夏回族自治区' → '宁夏', so a reason reads '宁夏开斋节'. Only the provincial level is
 * shortened; '隆德县' and '固原市' are already what people say.
 */
export function shortAreaName(name: string, level: number | null): string {
  if (level !== 1) return name;
  return name.replace(/(回族|维吾尔|壮族)?自治区$|省$/, '') || name;
}

export type CalendarCache = {
  /** The engine at the current version; reloads only when the version has moved. */
  get(ctx: AppContext): Promise<Calendar>;
  /** The engine at a version the caller has just read (in a statement of its own). */
  at(ctx: AppContext, version: number): Promise<Calendar>;
};

/**
 * One cache per database (the app makes one, a CLI run another). Only calendars read outside
 * a transaction (committed data) are stored. Inside a transaction the cached calendar is
 * reused when the version the transaction sees is the cached one; otherwise (e.g. the
 * transaction changed the calendar itself) it is read fresh and not stored, so a rolled-back
 * version number is never cached with rows that did not commit.
 */
export function createCalendarCache(): CalendarCache {
  let cached: Calendar | undefined;
  const at = async (ctx: AppContext, version: number): Promise<Calendar> => {
    if (cached && cached.version === version) return cached;
    if (ctx.db.isTransaction) return loadCalendar(ctx);
    const fresh = await loadCalendar(ctx);
    // A concurrent reload may have fetched a newer version; keep the newest.
    if (!cached || fresh.version >= cached.version) cached = fresh;
    return fresh;
  };
  return { at, get: async (ctx) => at(ctx, await currentCalendarVersion(ctx)) };
}

/**
 * One cache per application context: its config object is made once per app, CLI run or test
 * database and is shared by that context's transactions, so two databases in one process (test
 * files sharing a worker) never see each other's calendar at an equal version number.
 */
const shared = new WeakMap<object, CalendarCache>();
function cacheFor(ctx: AppContext): CalendarCache {
  let c = shared.get(ctx.config);
  if (!c) shared.set(ctx.config, (c = createCalendarCache()));
  return c;
}
/** Per transaction, the calendar is looked up once: a transition asks for it many times. */
const perTx = new WeakMap<object, Promise<Calendar>>();

/**
 * The process-wide calendar for the application's database (cheap version check per call,
 * once per transaction). Code that changes the calendar inside a transaction calls
 * `forgetTxCalendar` so later reads in that transaction see the change.
 */
export function currentCalendar(ctx: AppContext): Promise<Calendar> {
  if (!ctx.db.isTransaction) return cacheFor(ctx).get(ctx);
  let cal = perTx.get(ctx.db);
  if (!cal) {
    cal = cacheFor(ctx).get(ctx);
    perTx.set(ctx.db, cal);
  }
  return cal;
}

/**
 * The transaction has read the calendar version itself (a step reads it with the case it locks):
 * its calendar is the cached one at that version, without a look-up of its own.
 */
export function primeTxCalendar(ctx: AppContext, version: number): void {
  if (!ctx.db.isTransaction || perTx.has(ctx.db)) return;
  perTx.set(ctx.db, cacheFor(ctx).at(ctx, version));
}

export function forgetTxCalendar(ctx: AppContext): void {
  perTx.delete(ctx.db);
}
