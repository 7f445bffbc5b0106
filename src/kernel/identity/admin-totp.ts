import type { AppContext } from '../../platform/context.ts';
import type { Actor } from './actor.ts';
import { requirePermission } from './actor.ts';
import { identityError } from './contract.ts';
import { isAdminPermission } from './permissions.ts';

/**
 * 等保: administrators authenticate with a second factor. When config.adminTotp is 'required',
 * a holder of any *.manage permission must have TOTP enabled before using admin functions.
 */
export function requireAdminTotp(ctx: AppContext, actor: Actor): void {
  if (ctx.config.adminTotp !== 'required' || actor.totpEnabled) return;
  if (actor.grants.some((g) => g.permissions.some(isAdminPermission))) throw identityError('TOTP_ENROLMENT_REQUIRED');
}

/** requirePermission plus, for *.manage permissions, the TOTP enrolment rule. */
export function requireAdmin(ctx: AppContext, actor: Actor, permission: string): void {
  requirePermission(actor, permission);
  requireAdminTotp(ctx, actor);
}
