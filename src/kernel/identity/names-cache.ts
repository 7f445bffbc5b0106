import type { AppContext } from '../../platform/context.ts';

/** Entries are dropped this long after the first was kept, even when nothing said a name changed. */
export const NAMES_TTL_MS = 60_000;

type Names = { gen: number; since: number; units: Map<string, string>; areas: Map<string, string> };
const byDb = new WeakMap<object, Names>();

/**
 * The names of org units and areas that list pages show beside each row, kept in this process so
 * the list's statement need not join them (the join was half the database's time for a page of
 * 信访事项). A rename of either bumps core.auth_epoch; the session cache calls forgetNames when it
 * sees the counter move, before the request that follows is handled. Inside a transaction the names
 * are read, not kept (what that transaction wrote must show).
 */
function namesOf(ctx: AppContext): Names | null {
  if (ctx.db.isTransaction) return null;
  const now = Date.now();
  let n = byDb.get(ctx.db);
  if (!n) byDb.set(ctx.db, (n = { gen: 0, since: now, units: new Map(), areas: new Map() }));
  if (now - n.since >= NAMES_TTL_MS) forget(n, now);
  return n;
}

function forget(n: Names, now: number): void {
  n.gen++;
  n.since = now;
  n.units.clear();
  n.areas.clear();
}

/** Drop the names kept for this database (its auth epoch moved: a unit or an area may have a new name). */
export function forgetNames(db: object): void {
  const n = byDb.get(db);
  if (n) forget(n, Date.now());
}

async function lookup(
  ctx: AppContext,
  keys: Iterable<string | null | undefined>,
  pick: (n: Names) => Map<string, string>,
  read: (missing: string[]) => Promise<Array<{ k: string; name: string }>>,
): Promise<Map<string, string>> {
  const n = namesOf(ctx);
  const kept = n ? pick(n) : new Map<string, string>();
  const out = new Map<string, string>();
  const missing = new Set<string>();
  for (const k of keys) {
    if (!k) continue;
    const v = kept.get(k);
    if (v === undefined) missing.add(k);
    else out.set(k, v);
  }
  if (!missing.size) return out;
  const gen = n?.gen;
  const rows = await read([...missing]);
  // Kept only if nothing was forgotten while the read ran (it may have seen the old name).
  const keep = n && n.gen === gen;
  for (const r of rows) {
    out.set(r.k, r.name);
    if (keep) kept.set(r.k, r.name);
  }
  return out;
}

/** Org unit id → name, for the ids given. */
export function orgUnitNames(ctx: AppContext, ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  return lookup(
    ctx,
    ids,
    (n) => n.units,
    (missing) => ctx.db.selectFrom('core.org_unit').select(['id as k', 'name']).where('id', 'in', missing).execute(),
  );
}

/** Area code → name, for the codes given. */
export function areaNames(ctx: AppContext, codes: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  return lookup(
    ctx,
    codes,
    (n) => n.areas,
    (missing) => ctx.db.selectFrom('core.area').select(['code as k', 'name']).where('code', 'in', missing).execute(),
  );
}
