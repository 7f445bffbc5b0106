import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationResultSet } from 'kysely/migration';
import type { DB } from './schema.ts';

/** Run every pending migration (forward only). Names sort globally: prefix them with a date and a number. */
export async function migrateToLatest(db: Kysely<DB>, migrations: Record<string, Migration>): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: 'public',
    // Modules number their migrations independently (petitions 10–19, 低保 20–29 …); a database that
    // already ran a later module's migration still takes a new earlier-numbered one.
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
