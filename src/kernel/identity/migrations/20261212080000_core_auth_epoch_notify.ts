import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The auth-epoch bump also sends NOTIFY core_auth_epoch (delivered at commit, once per
 * transaction: equal payloads collapse), so every app process listening on PostgreSQL drops its
 * cached sessions within milliseconds instead of at its next periodic re-check.
 */
export const coreAuthEpochNotify: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create or replace function core.auth_epoch_bump() returns trigger language plpgsql as $$
      begin
        update core.auth_epoch set v = v + 1 where id = 1;
        perform pg_notify('core_auth_epoch', '');
        return null;
      end $$`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`create or replace function core.auth_epoch_bump() returns trigger language plpgsql as $$
      begin
        update core.auth_epoch set v = v + 1 where id = 1;
        return null;
      end $$`.execute(db);
  },
};
