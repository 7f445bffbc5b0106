import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const coreAreas: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create schema if not exists core`.execute(db);
    await sql`create table core.area (
      code text primary key check (code ~ '^[0-9]{6}([0-9]{3}([0-9]{3})?)?$'),
      name text not null check (length(name) between 1 and 100),
      name_en text,
      level smallint not null check (level between 1 and 5),
      parent_code text references core.area(code),
      path text not null unique,
      is_sample boolean not null default false,
      sort integer not null default 0,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
    await sql`create index area_path_idx on core.area (path text_pattern_ops)`.execute(db);
    await sql`create index area_parent_idx on core.area (parent_code)`.execute(db);
    await sql`create table core.org_unit (
      id uuid primary key,
      code text not null unique check (code ~ '^[A-Za-z0-9_.-]{2,64}$'),
      name text not null check (length(name) between 1 and 100),
      name_en text,
      kind text not null check (kind in ('department','division','bureau','township_office','community_committee','other')),
      area_code text not null references core.area(code),
      area_path text not null,
      parent_id uuid references core.org_unit(id),
      sort integer not null default 0,
      active boolean not null default true,
      is_sample boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
    await sql`create index org_unit_area_path_idx on core.org_unit (area_path text_pattern_ops)`.execute(db);
    await sql`create index org_unit_parent_idx on core.org_unit (parent_id)`.execute(db);
  },
};
