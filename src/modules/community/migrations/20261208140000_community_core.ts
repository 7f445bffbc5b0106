import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 城乡社区: the station registry (community.station, one row per 社区综合服务站 case) and the duty
 * list (community.duty, one row per 社区工作事项 case: the 60 listed items and each 准入 request).
 */
export const communityCore: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create schema if not exists community`.execute(db);
    await sql`create table community.station (
      case_id uuid primary key references core.case(id),
      name text not null,
      kind text not null check (kind in ('urban', 'rural')),
      county_code text not null,
      area_code text not null,
      township text not null,
      community text not null,
      address text not null,
      lng numeric(9,6) not null,
      lat numeric(8,6) not null,
      area_m2 int not null check (area_m2 > 0),
      staff int not null check (staff >= 0),
      hours text not null,
      services text[] not null,
      brand text,
      established_on date not null,
      is_demo boolean not null default false,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create index station_county_idx on community.station (county_code, kind)`.execute(db);
    await sql`create table community.duty (
      case_id uuid primary key references core.case(id),
      title text not null,
      title_key text not null,
      aspect text not null,
      content text not null,
      basis text not null,
      assigning_office text not null,
      seq int,
      requested_by_name text not null,
      reason text,
      decision_note text,
      decided_on date,
      is_demo boolean not null default false,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create index duty_title_idx on community.duty (title_key)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop schema if exists community cascade`.execute(db);
  },
};
