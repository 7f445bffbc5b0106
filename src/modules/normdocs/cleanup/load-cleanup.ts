import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordInScope, type Actor } from '../../../kernel/identity/index.ts';
import { NORMDOC_ERRORS } from '../contract.ts';

export type CleanupRow = {
  id: string;
  name: string;
  basis: string;
  as_of: string;
  due_on: string | null;
  series_word: string;
  org_unit_id: string;
  area_path: string;
  opened_by_name: string;
  closed_on: string | null;
  closed_by_name: string | null;
};

const notFound = () => new AppError('NORMDOC_CLEANUP_NOT_FOUND', 404, NORMDOC_ERRORS.CLEANUP_NOT_FOUND);

/** A campaign the actor may read (normdocs.read over its body), else 404; `lock` takes it for update. */
export async function loadCleanup(tx: AppContext, actor: Actor, id: string, lock = false): Promise<CleanupRow> {
  const r = (
    await sql<CleanupRow>`select id, name, basis, as_of::text as as_of, due_on::text as due_on, series_word, org_unit_id, area_path, opened_by_name,
      closed_on::text as closed_on, closed_by_name from normdocs.cleanup where id = ${id} ${lock ? sql`for update` : sql``}`.execute(tx.db)
  ).rows[0];
  if (!r || !recordInScope(actor, 'normdocs.read', { areaPath: r.area_path, orgUnitId: r.org_unit_id })) throw notFound();
  return r;
}

/** For a change: the campaign locked, in the actor's normdocs.review scope, and (with `open`) not yet closed. */
export async function lockCleanup(tx: AppContext, actor: Actor, id: string, opts: { open: boolean }): Promise<CleanupRow> {
  const r = await loadCleanup(tx, actor, id, true);
  if (!recordInScope(actor, 'normdocs.review', { areaPath: r.area_path, orgUnitId: r.org_unit_id })) throw notFound();
  if (opts.open && r.closed_on) throw new AppError('NORMDOC_CLEANUP_CLOSED', 409, NORMDOC_ERRORS.CLEANUP_CLOSED);
  return r;
}
