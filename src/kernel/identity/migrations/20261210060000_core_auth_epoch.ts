import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * One counter that every app process reads (one primary-key lookup) before trusting its cached
 * sessions and grants. Triggers bump it on any change that can end a session or alter what a
 * signed-in user may do — a logout or revocation, a user's status or profile, a role grant,
 * revocation or delegation, a role's permissions, an org unit's name, area or activity — so the
 * very next request on any process reloads from the tables. A session's last-seen touch does not.
 */
export const coreAuthEpoch: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table core.auth_epoch (
      id smallint primary key default 1 check (id = 1),
      v bigint not null default 0
    )`.execute(db);
    await sql`insert into core.auth_epoch (id, v) values (1, 0)`.execute(db);
    await sql`create function core.auth_epoch_bump() returns trigger language plpgsql as $$
      begin
        update core.auth_epoch set v = v + 1 where id = 1;
        return null;
      end $$`.execute(db);
    // Deferred to commit: the counter's row lock is held only for the commit itself, after every
    // other lock of the transaction, so two admins' changes cannot deadlock on it; readers see the
    // new value and the new rows at the same moment.
    const on: Array<[string, string]> = [
      ['session', 'update of revoked_at, expires_at, user_id, csrf_token or delete'],
      ['app_user', 'update or delete'],
      ['role_assignment', 'insert or update or delete'],
      ['role', 'update or delete'],
      ['org_unit', 'update or delete'],
    ];
    for (const [t, events] of on) {
      await sql`create constraint trigger ${sql.raw(`${t}_auth_epoch`)} after ${sql.raw(events)} on ${sql.raw(`core.${t}`)}
        deferrable initially deferred for each row execute function core.auth_epoch_bump()`.execute(db);
    }
  },
  async down(db: Kysely<unknown>) {
    for (const t of ['session', 'app_user', 'role_assignment', 'role', 'org_unit']) {
      await sql`drop trigger if exists ${sql.raw(`${t}_auth_epoch`)} on ${sql.raw(`core.${t}`)}`.execute(db);
    }
    await sql`drop function if exists core.auth_epoch_bump()`.execute(db);
    await sql`drop table if exists core.auth_epoch`.execute(db);
  },
};
