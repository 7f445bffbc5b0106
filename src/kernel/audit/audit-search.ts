import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { AppContext } from '../../platform/context.ts';

/** One search box (搜索) over the audit log: what a reader would type, matched on the server. */
export type AuditSearch = {
  /** 操作人 name or account (any part), 案件编号 (whole), the object's id or the event's id (whole). */
  text: string;
  /** The action codes whose label (in the console's words) contains the text: labels live in the console. */
  actions?: readonly string[];
};

/** Resolved against the small tables first, so the log is read by plain index conditions. */
export type ResolvedAuditSearch = { text: string; actorIds: string[]; caseIds: string[]; actions: readonly string[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A name shared by more accounts than this (a one-character surname nationwide) narrows to the first ones by account. */
export const ACTOR_MATCH_CAP = 2000;

/** The accounts whose name or username contains the text, and the case whose 案件编号 it is. */
export async function resolveAuditSearch(ctx: AppContext, s: AuditSearch): Promise<ResolvedAuditSearch> {
  const text = s.text.trim();
  const like = '%' + text.replace(/[\\%_]/g, (ch) => '\\' + ch) + '%';
  const [actors, cases] = await Promise.all([
    ctx.db
      .selectFrom('core.app_user')
      .select('id')
      .where((w) => w.or([w('display_name', 'ilike', like), w('username', 'ilike', like)]))
      .orderBy('username')
      .limit(ACTOR_MATCH_CAP)
      .execute(),
    ctx.db.selectFrom('core.case').select('id').where('ref_no', '=', text.toUpperCase()).execute(),
  ]);
  return { text, actorIds: actors.map((r) => r.id), caseIds: cases.map((r) => r.id), actions: s.actions ?? [] };
}

/**
 * Events matching the search, as one `or` whose every branch an index serves, so PostgreSQL reads them as a
 * BitmapOr however large the log: the actors named (audit_event_actor_idx), the case with that reference number and
 * the object id (audit_event_entity_id_idx), the event id (its unique index), the actions labelled
 * (audit_event_action_idx).
 */
export function auditSearchWhere(r: ResolvedAuditSearch) {
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> => {
    const ids = [r.text, ...(UUID.test(r.text) ? [r.text.toLowerCase()] : []), ...r.caseIds];
    const branches: Expression<SqlBool>[] = [eb('entity_id', 'in', [...new Set(ids)])];
    if (r.actorIds.length) branches.push(eb('actor_id', 'in', r.actorIds));
    if (UUID.test(r.text)) branches.push(eb('id', '=', r.text.toLowerCase()));
    if (r.actions.length) branches.push(eb('action', 'in', r.actions));
    return eb.or(branches);
  };
}
