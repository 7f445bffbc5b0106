import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 低保 money side: monthly payment rosters (发放名册) with their lines, the insured persons paid
 * (a snapshot, so a person paid in two counties' rosters of one month is found), check problems
 * and the changes against the previous month; roster imports (批次) with their per-row errors.
 * Amounts are integer 分.
 */
export const dibaoMoney: Migration = {
  async up(db: Kysely<unknown>) {
    // One roster per county and month; regenerating an unapproved roster replaces its lines (version + 1).
    await sql`create table dibao.roster (
      id uuid primary key,
      county_code text not null references core.area(code),
      county_path text not null,
      month date not null check (extract(day from month) = 1),
      status text not null default 'generated' check (status in ('generated','checked','approved')),
      version integer not null default 1,
      households integer not null default 0,
      persons integer not null default 0,
      total_cents bigint not null default 0,
      problems integer,
      checked_version integer,
      generated_at timestamptz not null default now(),
      generated_by uuid,
      checked_at timestamptz,
      checked_by uuid,
      approved_at timestamptz,
      approved_by uuid,
      unique (county_code, month)
    )`.execute(db);
    await sql`create index roster_path_idx on dibao.roster (county_path text_pattern_ops, month)`.execute(db);
    await sql`create index roster_month_idx on dibao.roster (month)`.execute(db);

    // What is paid to one household in the month (snapshot at generation).
    await sql`create table dibao.roster_line (
      roster_id uuid not null references dibao.roster(id) on delete cascade,
      household_id uuid not null references dibao.household(id),
      line_no integer not null,
      area_code text not null,
      area_path text not null,
      kind text not null,
      head_name text,
      head_id_masked text,
      address text,
      insured_persons integer not null,
      amount_cents integer not null,
      gradual_exit boolean not null default false,
      primary key (roster_id, household_id)
    )`.execute(db);

    // The insured persons paid through a line (active, insured members at generation).
    await sql`create table dibao.roster_person (
      roster_id uuid not null references dibao.roster(id) on delete cascade,
      household_id uuid not null,
      member_id uuid not null,
      id_hash text not null,
      month date not null,
      primary key (roster_id, member_id)
    )`.execute(db);
    await sql`create index roster_person_hash_idx on dibao.roster_person (month, id_hash)`.execute(db);

    // Problems found by the last check, one row per problem and line.
    await sql`create table dibao.roster_problem (
      roster_id uuid not null references dibao.roster(id) on delete cascade,
      household_id uuid not null,
      code text not null,
      message text not null
    )`.execute(db);
    await sql`create index roster_problem_idx on dibao.roster_problem (roster_id, household_id)`.execute(db);

    // 新增 / 增发 / 减发 / 停发 against the previous month's roster (or the benefit history).
    await sql`create table dibao.roster_change (
      roster_id uuid not null references dibao.roster(id) on delete cascade,
      household_id uuid not null,
      kind text not null check (kind in ('新增','增发','减发','停发')),
      before_cents integer not null,
      after_cents integer not null,
      head_name text,
      reason text
    )`.execute(db);
    await sql`create index roster_change_idx on dibao.roster_change (roster_id)`.execute(db);

    // One upload of an existing roster (xlsx/csv). The error report (a copy of the file with a
    // 错误说明 column) holds 身份证号, so it is stored SM4-encrypted.
    await sql`create table dibao.import_batch (
      id uuid primary key,
      file_name text not null,
      file_sha256 text not null,
      file_kind text not null check (file_kind in ('xlsx','csv')),
      org_unit_id uuid,
      area_path text not null,
      actor_id uuid,
      actor_name text,
      at timestamptz not null default now(),
      rows integer not null,
      households integer not null,
      members integer not null,
      accepted_rows integer not null,
      rejected_rows integer not null,
      accepted_households integer not null,
      report_enc text
    )`.execute(db);
    await sql`create index import_batch_sha_idx on dibao.import_batch (file_sha256)`.execute(db);
    await sql`create index import_batch_path_idx on dibao.import_batch (area_path text_pattern_ops, at)`.execute(db);

    await sql`create table dibao.import_row_error (
      batch_id uuid not null references dibao.import_batch(id) on delete cascade,
      row_no integer not null,
      message text not null
    )`.execute(db);
    await sql`create index import_row_error_idx on dibao.import_row_error (batch_id, row_no)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    for (const t of ['import_row_error', 'import_batch', 'roster_change', 'roster_problem', 'roster_person', 'roster_line', 'roster']) {
      await sql`drop table if exists ${sql.raw(`dibao.${t}`)} cascade`.execute(db);
    }
  },
};
