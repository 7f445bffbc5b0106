import { sql, type Kysely } from 'kysely';

/**
 * Migration names of the releases before Kernel 2.0 (dates with per-module number bands) and the
 * timestamp names the same migrations carry since. FROZEN: a database migrated by an older release
 * has the old names in `public.kysely_migration`; `renameLegacyMigrations` rewrites them before
 * migrating, so nothing runs twice. New migrations never go here.
 */
export const RENAMED_MIGRATIONS: Readonly<Record<string, string>> = Object.freeze({
  '2026-11-29-01-core-areas': '20261129010000_core_areas',
  '2026-11-29-02-core-identity': '20261129020000_core_identity',
  '2026-11-29-03-core-audit': '20261129030000_core_audit',
  '2026-11-29-04-core-calendar': '20261129040000_core_calendar',
  '2026-11-29-05-core-workflow': '20261129050000_core_workflow',
  '2026-11-29-10-petitions': '20261129100000_petitions_core',
  '2026-11-29-11-petition-first-time': '20261129110000_petitions_first_time',
  '2026-11-29-11-petition-rules': '20261129110100_petitions_rules',
  '2026-11-29-12-portal-pow': '20261129120000_petitions_portal_pow',
  '2026-11-29-13-petition-stats': '20261129130000_petitions_stats',
  '2026-11-29-20-dibao-core': '20261129200000_dibao_core',
  '2026-11-29-21-dibao-application': '20261129210000_dibao_application',
  '2026-11-29-22-dibao-money': '20261129220000_dibao_money',
  '2026-11-30-06-core-portal-pow': '20261130060000_core_portal_pow',
  '2026-11-30-14-portal-pow-to-core': '20261130140000_petitions_portal_pow_to_core',
});

/** A recorded migration name as the current release calls it. */
export const currentMigrationName = (name: string): string => RENAMED_MIGRATIONS[name] ?? name;

/**
 * Rename the recorded old names to the new ones (one statement; idempotent; a no-op on a fresh
 * database, which has no migration table yet). Returns how many rows were renamed.
 */
export async function renameLegacyMigrations(
  db: Pick<Kysely<unknown>, 'getExecutor'>,
  renamed: Readonly<Record<string, string>> = RENAMED_MIGRATIONS,
): Promise<number> {
  const table = await sql<{ t: string | null }>`select to_regclass('public.kysely_migration')::text as t`.execute(db);
  if (!table.rows[0]?.t) return 0;
  const pairs = Object.entries(renamed);
  if (!pairs.length) return 0;
  const r = await sql`update public.kysely_migration m set name = v.new_name
    from (values ${sql.join(pairs.map(([o, n]) => sql`(${o}, ${n})`))}) as v(old_name, new_name)
    where m.name = v.old_name`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}
