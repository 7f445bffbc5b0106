import type { AppContext } from '../../platform/context.ts';
import type { NotificationMessage, NotificationRecipient } from './channels.ts';

/**
 * Who a notification reaches outside the app: its user, or everyone holding a current role
 * assignment at its org unit (not revoked, inside its validity window). Disabled accounts are skipped.
 */
export async function resolveRecipients(ctx: AppContext, n: Pick<NotificationMessage, 'userId' | 'orgUnitId'>): Promise<NotificationRecipient[]> {
  const now = ctx.clock.now();
  let q = ctx.db
    .selectFrom('core.app_user as u')
    .select(['u.id as userId', 'u.username', 'u.display_name as displayName', 'u.email'])
    .where('u.status', '=', 'active');
  if (n.userId) {
    q = q.where('u.id', '=', n.userId);
  } else if (n.orgUnitId) {
    const orgUnitId = n.orgUnitId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('core.role_assignment as ra')
          .select('ra.id')
          .whereRef('ra.user_id', '=', 'u.id')
          .where('ra.org_unit_id', '=', orgUnitId)
          .where('ra.revoked_at', 'is', null)
          .where('ra.valid_from', '<=', now)
          .where((w) => w.or([w('ra.valid_to', 'is', null), w('ra.valid_to', '>', now)])),
      ),
    );
  } else {
    return [];
  }
  return q.orderBy('u.username').execute();
}
