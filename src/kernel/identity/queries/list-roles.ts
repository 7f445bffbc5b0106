import type { AppContext } from '../../../platform/context.ts';
import { permissionCatalogue, SCOPE_LABELS } from '../permissions.ts';

/** 角色 and the permission catalogue (reference data, not scoped). */
export async function listRoles(ctx: AppContext) {
  const catalogue = permissionCatalogue();
  const label = new Map<string, string>(catalogue.map((p) => [p.code, p.label]));
  const rows = await ctx.db.selectFrom('core.role').selectAll().orderBy('builtin', 'desc').orderBy('code').execute();
  return {
    items: rows.map((r) => ({
      code: r.code,
      name: r.name,
      nameEn: r.name_en,
      description: r.description,
      builtin: r.builtin,
      permissions: r.permissions.map((p) => ({ code: p, label: label.get(p) ?? p })),
    })),
    permissions: catalogue.map((p) => ({ code: p.code, label: p.label, group: p.group })),
    scopes: Object.entries(SCOPE_LABELS).map(([code, label]) => ({ code, label })),
  };
}
