import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { builtinRoles } from './permissions.ts';

/**
 * Upserts the built-in roles (idempotent; safe on every start). Built-in roles follow the code:
 * when a release adds permissions, sysadmin gains them here. Custom roles are left alone.
 */
export async function seedRoles(ctx: AppContext): Promise<void> {
  for (const r of builtinRoles()) {
    const perms = [...r.permissions];
    await ctx.db
      .insertInto('core.role')
      .values({ code: r.code, name: r.name, name_en: r.nameEn, description: r.description, permissions: perms, builtin: true })
      .onConflict((oc) =>
        oc
          .column('code')
          .doUpdateSet({
            name: r.name,
            name_en: r.nameEn,
            description: r.description,
            permissions: perms,
            builtin: true,
            updated_at: sql`now()`,
          })
          .where((eb) =>
            eb.or([
              eb('core.role.name', '<>', r.name),
              eb('core.role.permissions', '<>', sql<string[]>`${perms}::text[]`),
              eb('core.role.description', 'is distinct from', r.description),
            ]),
          ),
      )
      .execute();
  }
}
