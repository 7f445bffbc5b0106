import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Working-day calendar overrides and their versions (design: ../README.md). chinese-days
 * supplies the national layer; core.calendar_day holds what the project adds or corrects:
 * national rows (area_code null) and regional rows (e.g. 640000 开斋节). Every change appends
 * a core.calendar_version row, so a stored deadline can name the calendar it was computed on.
 * No rows are written here: version 0 (no local change yet) is implied by an empty table, and
 * `db restore` needs every table of a freshly migrated database empty.
 */
export const coreCalendar: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table core.calendar_version (
      version integer primary key check (version >= 0),
      at timestamptz not null default now(),
      actor_id uuid,
      actor_name text,
      reason text not null check (length(reason) between 1 and 500),
      changes jsonb not null default '[]'::jsonb,
      seed_key text unique
    )`.execute(db);
    // NULLS NOT DISTINCT (PostgreSQL 15+): one national row per date, like one row per area and date.
    await sql`create table core.calendar_day (
      id uuid primary key,
      area_code text references core.area(code),
      date date not null,
      kind text not null check (kind in ('rest', 'work')),
      name text not null check (length(name) between 1 and 50),
      source text check (source is null or length(source) <= 200),
      version integer not null references core.calendar_version(version),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint calendar_day_area_date_key unique nulls not distinct (area_code, date)
    )`.execute(db);
    await sql`create index calendar_day_date_idx on core.calendar_day (date)`.execute(db);
  },
};
