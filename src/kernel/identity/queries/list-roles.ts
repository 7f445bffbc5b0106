import type { AppContext } from '../../../platform/context.ts';
import { PERMISSIONS, SCOPE_LABELS } from '../permissions.ts';

const LABEL = new Map<string, string>(PERMISSIONS.map((p) => [p.code, p.label]));

/** 角色 and the permission catalogue (reference data, not scoped). */
export async function listRoles(ctx: AppContext) {
  const rows = await ctx.db.selectFrom('core.role').selectAll().orderBy('builtin', 'desc').orderBy('code').execute();
  return {
    items: rows.map((r) => ({
      code: r.code, name: r.name, nameEn: r.name_en, description: r.description, builtin: r.builtin,
      permissions: r.permissions.map((p) => ({ code: p, label: LABEL.get(p) ?? p })),
    })),
    permissions: PERMISSIONS.map((p) => ({ code: p.code, label: p.label, group: p.group })),
    scopes: Object.entries(SCOPE_LABELS).map(([code, label]) => ({ code, label })),
  };
}
