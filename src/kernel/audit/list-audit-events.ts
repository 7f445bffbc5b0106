import type { AppContext } from '../../platform/context.ts';
import { requirePermission, type Actor } from '../identity/actor.ts';
import { inScope } from '../identity/scope.ts';
import { auditSearchWhere, resolveAuditSearch, type AuditSearch } from './audit-search.ts';
import { SUMMARY_COLUMNS, toSummary, type AuditEventSummary } from './audit-event-view.ts';
import { AUDIT_PERMISSIONS } from './contract.ts';

export type ListAuditEventsQuery = {
  action?: string;
  entityType?: string;
  entityId?: string;
  actorId?: string;
  /** The one search box: 操作人, 案件编号 or id, the action's label. */
  search?: AuditSearch;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
  page: number;
  pageSize: number;
};

export type AuditEventPage = { items: AuditEventSummary[]; total: number; totalCapped: boolean; page: number; pageSize: number };

/** Counting past this many rows would cost seconds on a large log; the UI shows "10000+". */
export const TOTAL_CAP = 10_000;

/** Audit events the actor may see (area / org unit / own actions), newest first. */
export async function listAuditEvents(ctx: AppContext, actor: Actor, q: ListAuditEventsQuery): Promise<AuditEventPage> {
  requirePermission(actor, AUDIT_PERMISSIONS.read);
  let base = ctx.db
    .selectFrom('core.audit_event')
    .where(inScope(actor, AUDIT_PERMISSIONS.read, { areaPath: 'area_path', orgUnitId: 'org_unit_id', ownerId: 'actor_id' }));
  if (q.action) base = base.where('action', '=', q.action);
  if (q.entityType) base = base.where('entity_type', '=', q.entityType);
  if (q.entityId) base = base.where('entity_id', '=', q.entityId);
  if (q.search?.text.trim()) base = base.where(auditSearchWhere(await resolveAuditSearch(ctx, q.search)));
  if (q.actorId) base = base.where('actor_id', '=', q.actorId.toLowerCase());
  if (q.from) base = base.where('at', '>=', q.from);
  if (q.to) base = base.where('at', '<', q.to);
  const rows = await base
    .select(SUMMARY_COLUMNS)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const counted = await ctx.db
    .selectFrom(
      base
        .select('id')
        .limit(TOTAL_CAP + 1)
        .as('t'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(counted.n);
  return { items: rows.map(toSummary), total: Math.min(n, TOTAL_CAP), totalCapped: n > TOTAL_CAP, page: q.page, pageSize: q.pageSize };
}
