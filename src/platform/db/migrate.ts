import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationResultSet } from 'kysely/migration';
import type { DB } from './schema.ts';
import { renameLegacyMigrations } from './renamed-migrations.ts';

/**
 * Run every pending migration (forward only). Names are `YYYYMMDDhhmmss_<owner>_<what>` and sort by
 * time; names recorded by older releases are first renamed (renamed-migrations.ts).
 */
export async function migrateToLatest(db: Kysely<DB>, migrations: Record<string, Migration>): Promise<MigrationResultSet> {
  if (await allApplied(db, Object.keys(migrations))) return { results: [] };
  await renameLegacyMigrations(db);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: 'public',
    // Each module adds its own timestamped migrations; a database that already ran a later one (of
    // another module, merged from another branch) still takes an earlier-stamped new one.
    allowUnorderedMigrations: true,
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const err = result.error instanceof Error ? result.error : new Error(String(result.error));
    err.message = `数据库迁移失败 / migration ${failed?.migrationName ?? '?'} failed: ${err.message}`;
    throw err;
  }
  return result;
}

/**
 * One query on an up-to-date database (every restart): are all these migrations recorded? A
 * database without the migration table yet, or with names of an older release, answers no and
 * takes the full path (rename, lock, migrate).
 */
async function allApplied(db: Kysely<DB>, names: string[]): Promise<boolean> {
  try {
    const r = await sql<{ n: number }>`select count(*)::int as n from public.kysely_migration where name = any(${names}::text[])`.execute(db);
    return r.rows[0]?.n === names.length;
  } catch {
    return false;
  }
}
