import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { DataScope } from '../../platform/db/tables/identity.ts';
import type { Actor, Grant } from './actor.ts';

/**
 * The one data-scope filter. Every list, detail, search and export of scoped records adds
 * `.where(inScope(actor, permission, columns))`, so a county clerk cannot read another
 * county's rows by any route. Scopes: self (本人), org (本级), subtree (本级及下级).
 */
export type ScopeColumns = {
  /** Column holding the record's area path (dotted codes). Required. */
  areaPath: string;
  /** Column holding the owning org unit id, for 本级. Without it 本级 means "same area". */
  orgUnitId?: string;
  /** Column holding the creating/owning user id, for 本人. Without it 本人 sees nothing. */
  ownerId?: string;
};

export function grantsFor(actor: Actor, permission: string): Grant[] {
  return actor.grants.filter((g) => g.permissions.includes(permission));
}

/** True if an area path lies in the subtree rooted at `root` (inclusive). */
export function pathWithin(path: string, root: string): boolean {
  return path === root || path.startsWith(root + '.');
}

/** A Kysely where-callback restricting rows to what the actor may see with this permission. */
export function inScope(actor: Actor, permission: string, cols: ScopeColumns) {
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> => {
    const parts: Expression<SqlBool>[] = [];
    for (const g of grantsFor(actor, permission)) {
      if (g.scope === 'subtree') {
        parts.push(eb.or([eb(eb.ref(cols.areaPath), '=', g.areaPath), eb(eb.ref(cols.areaPath), 'like', likePrefix(g.areaPath))]));
      } else if (g.scope === 'org') {
        parts.push(cols.orgUnitId ? eb(eb.ref(cols.orgUnitId), '=', g.orgUnitId) : eb(eb.ref(cols.areaPath), '=', g.areaPath));
      } else if (cols.ownerId) {
        parts.push(eb(eb.ref(cols.ownerId), '=', actor.userId));
      }
    }
    return parts.length ? eb.or(parts) : sql<SqlBool>`false`;
  };
}

/** The same decision in memory, for one record already loaded. */
export function recordInScope(actor: Actor, permission: string, rec: { areaPath: string; orgUnitId?: string | null; ownerId?: string | null }): boolean {
  return grantsFor(actor, permission).some((g) =>
    g.scope === 'subtree'
      ? pathWithin(rec.areaPath, g.areaPath)
      : g.scope === 'org'
        ? rec.orgUnitId !== undefined
          ? rec.orgUnitId === g.orgUnitId
          : rec.areaPath === g.areaPath
        : rec.ownerId != null && rec.ownerId === actor.userId,
  );
}

function likePrefix(path: string): string {
  return path.replace(/[\\%_]/g, (c) => '\\' + c) + '.%';
}

/** What a new or delegated assignment would let its holder see: a scope held at an org unit. */
export type ScopeTarget = { areaPath: string; orgUnitId: string; scope: DataScope };

/**
 * True if grant `g` already covers everything `t` would cover, so handing out `t` widens nobody's
 * view: subtree ⊇ anything inside it, org ⊇ org/self at the same unit. 本人 grants cover nothing.
 */
export function grantCovers(g: Grant, t: ScopeTarget): boolean {
  if (g.scope === 'subtree') return pathWithin(t.areaPath, g.areaPath);
  if (g.scope === 'org') return t.scope !== 'subtree' && t.orgUnitId === g.orgUnitId;
  return false;
}

/**
 * The no-escalation rule for granting and delegating: the actor must hold `managePermission`
 * covering the target, and every permission of the role through a grant that covers the target.
 * Returns the permissions that fail (empty = allowed).
 */
export function missingForGrant(actor: Actor, managePermission: string, rolePermissions: readonly string[], t: ScopeTarget): string[] {
  const covered = (p: string) => grantsFor(actor, p).some((g) => grantCovers(g, t));
  return [managePermission, ...rolePermissions].filter((p, i, all) => all.indexOf(p) === i && !covered(p));
}
