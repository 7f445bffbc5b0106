import type { Actor } from './actor.ts';

const PER_ACTOR = 64;
const memos = new WeakMap<readonly unknown[], Map<string, unknown>>();

/**
 * A value computed from the actor alone (and `key`), kept while the actor's grants are the same
 * object: the session cache hands every request of a session the grants it loaded, and a reload
 * (a change of grants, user or unit bumps core.auth_epoch; a cache entry's end) brings new ones,
 * which starts afresh. For what a request would otherwise rebuild each time from the grants — the
 * SQL text of a list read for this user, say. `build` must depend on nothing else that can change
 * while the process runs: not the clock, not the database. At most PER_ACTOR keys per grants.
 */
export function memoForActor<T>(actor: Actor, key: string, build: () => T): T {
  let m = memos.get(actor.grants);
  if (!m) memos.set(actor.grants, (m = new Map()));
  const k = `${actor.userId} ${actor.orgUnitId} ${actor.areaPath} ${key}`;
  if (m.has(k)) return m.get(k) as T;
  const v = build();
  if (m.size >= PER_ACTOR) m.delete(m.keys().next().value!);
  m.set(k, v);
  return v;
}
