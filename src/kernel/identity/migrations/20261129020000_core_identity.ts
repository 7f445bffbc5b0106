import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const coreIdentity: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table core.app_user (
      id uuid primary key,
      username text not null check (username ~ '^[a-z0-9][a-z0-9._-]{1,39}$'),
      display_name text not null check (length(display_name) between 1 and 50),
      org_unit_id uuid not null references core.org_unit(id),
      area_code text not null references core.area(code),
      area_path text not null,
      phone_enc text,
      phone_masked text,
      email text,
      password_hash text not null,
      password_changed_at timestamptz not null default now(),
      must_change_password boolean not null default false,
      status text not null default 'active' check (status in ('active','disabled')),
      failed_logins integer not null default 0,
      locked_until timestamptz,
      totp_secret_enc text,
      totp_enabled_at timestamptz,
      totp_last_step bigint,
      last_login_at timestamptz,
      is_demo boolean not null default false,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
    await sql`create unique index app_user_username_uq on core.app_user (username)`.execute(db);
    await sql`create index app_user_area_path_idx on core.app_user (area_path text_pattern_ops)`.execute(db);
    await sql`create index app_user_org_idx on core.app_user (org_unit_id)`.execute(db);
    await sql`create table core.role (
      code text primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
      name text not null,
      name_en text,
      permissions text[] not null default '{}',
      description text,
      builtin boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
    await sql`create table core.role_assignment (
      id uuid primary key,
      user_id uuid not null references core.app_user(id),
      role_code text not null references core.role(code),
      org_unit_id uuid not null references core.org_unit(id),
      scope text not null check (scope in ('self','org','subtree')),
      valid_from timestamptz not null default now(),
      valid_to timestamptz,
      delegated_from uuid references core.role_assignment(id),
      delegated_by uuid references core.app_user(id),
      reason text,
      revoked_at timestamptz,
      created_at timestamptz not null default now(),
      check (valid_to is null or valid_to > valid_from),
      check (delegated_from is null or (valid_to is not null and reason is not null))
    )`.execute(db);
    await sql`create index role_assignment_user_idx on core.role_assignment (user_id)`.execute(db);
    await sql`create index role_assignment_delegated_from_idx on core.role_assignment (delegated_from) where delegated_from is not null`.execute(db);
    await sql`create table core.session (
      id text primary key,
      user_id uuid not null references core.app_user(id),
      csrf_token text not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null,
      expires_at timestamptz not null,
      ip text,
      user_agent text,
      revoked_at timestamptz
    )`.execute(db);
    await sql`create index session_user_idx on core.session (user_id)`.execute(db);
    await sql`create table core.login_log (
      id uuid primary key,
      at timestamptz not null default now(),
      user_id uuid references core.app_user(id),
      username text not null,
      outcome text not null,
      ip text,
      user_agent text,
      area_path text,
      org_unit_id uuid
    )`.execute(db);
    await sql`create index login_log_at_idx on core.login_log (at desc)`.execute(db);
    await sql`create index login_log_user_idx on core.login_log (user_id, at desc)`.execute(db);
    await sql`create index login_log_area_idx on core.login_log (area_path text_pattern_ops, at desc)`.execute(db);
    // Generated secrets that have no better home (the PII key on PostgreSQL without PII_KEY, demo/test only).
    await sql`create table core.secret (
      name text primary key,
      value text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  },
};
