import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { requirePermission, type Actor } from '../identity/actor.ts';
import { inScope } from '../identity/scope.ts';
import { toDetail, type AuditEventDetail } from './audit-event-view.ts';
import { AUDIT_ERRORS, AUDIT_PERMISSIONS, type AuditEventRow } from './contract.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One event with its values and hashes; out of scope answers 404 like a missing one. */
export async function getAuditEvent(ctx: AppContext, actor: Actor, id: string): Promise<AuditEventDetail> {
  requirePermission(actor, AUDIT_PERMISSIONS.read);
  const missing = () => notFound(AUDIT_ERRORS.AUDIT_EVENT_NOT_FOUND, 'AUDIT_EVENT_NOT_FOUND');
  if (!UUID.test(id)) throw missing();
  const row = await ctx.db
    .selectFrom('core.audit_event')
    .selectAll()
    .where('id', '=', id.toLowerCase())
    .where(inScope(actor, AUDIT_PERMISSIONS.read, { areaPath: 'area_path', orgUnitId: 'org_unit_id', ownerId: 'actor_id' }))
    .executeTakeFirst();
  if (!row) throw missing();
  // `select *` also returns prev_id, which the shared row type (platform/db/schema.ts) does not list yet.
  return toDetail(row as unknown as AuditEventRow);
}
