import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../platform/db/create-db.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { RENAMED_MIGRATIONS } from '../platform/db/renamed-migrations.ts';
import { adminQuery, quoteIdent, withDatabase } from '../../tests/helpers/databases.ts';
import { migrations } from './migrations.ts';

/**
 * A database made by the previous release (the same migrations, recorded under their old
 * dated-and-banded names) is taken over by this one: the names are rewritten, nothing runs
 * twice, and the data stays.
 */
const url = process.env.DATABASE_URL;
const dbName = `mz_upgrade_${randomBytes(4).toString('hex')}`;
let h: DbHandle;

beforeAll(async () => {
  if (url) {
    await adminQuery(url, `create database ${quoteIdent(dbName)}`);
    h = await createDb({ kind: 'postgres', url: withDatabase(url, dbName), max: 2 });
  } else {
    h = await createDb({ kind: 'pglite', dataDir: 'memory://' });
  }
});
afterAll(async () => {
  await h?.close();
  if (url) await adminQuery(url, `drop database if exists ${quoteIdent(dbName)} with (force)`);
});

describe('upgrade from the previous release’s migration names', () => {
  it('renames the recorded names, runs only what is new, and keeps the data', async () => {
    const previous: Record<string, Migration> = Object.fromEntries(Object.entries(RENAMED_MIGRATIONS).map(([old, name]) => [old, migrations[name]!]));
    const first = await migrateToLatest(h.db, previous);
    expect(first.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName)).toEqual(Object.keys(RENAMED_MIGRATIONS).sort());
    await sql`insert into core.area (code, name, level, parent_code, path) values ('640000', '宁夏回族自治区', 1, null, '640000')`.execute(h.db);

    const second = await migrateToLatest(h.db, migrations);
    const ran = second.results?.map((r) => `${r.migrationName}:${r.status}`) ?? [];
    const fresh = Object.keys(migrations).filter((n) => !Object.values(RENAMED_MIGRATIONS).includes(n));
    expect(ran).toEqual(fresh.map((n) => `${n}:Success`));

    const recorded = (await sql<{ name: string }>`select name from public.kysely_migration order by name`.execute(h.db)).rows.map((r) => r.name);
    expect(recorded).toEqual(Object.keys(migrations));
    const area = await h.db.selectFrom('core.area').select(['code', 'name']).where('code', '=', '640000').executeTakeFirst();
    expect(area).toEqual({ code: '640000', name: '宁夏回族自治区' });

    // Again: a no-op.
    expect((await migrateToLatest(h.db, migrations)).results).toEqual([]);
  }, 120_000);
});
