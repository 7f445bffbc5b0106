import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Login throttling by key (acct:<username>, src:<address>, pair:<username>|<address>) with growing
 * delays instead of a fixed account lock anyone could trigger; and the last password hashes of
 * each user, so a changed password cannot go back (no A→B→A).
 */
export const coreLoginThrottle: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table core.login_throttle (
      key text primary key,
      failures integer not null default 0,
      blocked_until timestamptz,
      last_failure_at timestamptz not null
    )`.execute(db);
    await sql`create index login_throttle_last_failure on core.login_throttle (last_failure_at)`.execute(db);
    await sql`create table core.password_history (
      id bigint generated always as identity primary key,
      user_id uuid not null references core.app_user(id) on delete cascade,
      password_hash text not null,
      retired_at timestamptz not null
    )`.execute(db);
    await sql`create index password_history_user on core.password_history (user_id, id desc)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table if exists core.password_history`.execute(db);
    await sql`drop table if exists core.login_throttle`.execute(db);
  },
};
