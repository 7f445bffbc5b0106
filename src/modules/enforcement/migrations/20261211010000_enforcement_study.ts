import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 学法用法: study plans per unit and year, 集体学法 sessions with their attendance, the question
 * bank (each question with its legal basis), exams assembled from it (a fixed paper), the attempts
 * scored by the server with their 结业证明 number, and the qualification result on the officer.
 */
export const enforcementStudy: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table enforcement.study_plan (
      id uuid primary key,
      org_unit_id uuid not null references core.org_unit(id),
      area_path text not null,
      year int not null,
      title text not null,
      target_hours int not null,
      content text not null,
      is_demo boolean not null default false,
      created_at timestamptz not null,
      unique (org_unit_id, year)
    )`.execute(db);
    await sql`create table enforcement.study_session (
      id uuid primary key,
      org_unit_id uuid not null references core.org_unit(id),
      area_path text not null,
      held_on date not null,
      topic text not null,
      law_title text not null,
      law_ref text,
      presenter text not null,
      hours numeric(4,1) not null check (hours > 0),
      is_demo boolean not null default false,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create index study_session_area_idx on enforcement.study_session (area_path, held_on)`.execute(db);
    await sql`create table enforcement.study_attendance (
      session_id uuid not null references enforcement.study_session(id),
      officer_id uuid not null references enforcement.officer(id),
      primary key (session_id, officer_id)
    )`.execute(db);
    await sql`create index study_attendance_officer_idx on enforcement.study_attendance (officer_id)`.execute(db);
    await sql`create table enforcement.question (
      id uuid primary key,
      kind text not null check (kind in ('single', 'multiple', 'judge')),
      stem text not null,
      options text[] not null,
      answer text[] not null,
      basis text not null,
      is_demo boolean not null default false,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create table enforcement.exam (
      id uuid primary key,
      title text not null,
      year int not null,
      qualification boolean not null default false,
      pass_mark int not null check (pass_mark between 1 and 100),
      question_ids uuid[] not null,
      closes_on date,
      org_unit_id uuid not null references core.org_unit(id),
      is_demo boolean not null default false,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create table enforcement.exam_attempt (
      id uuid primary key,
      exam_id uuid not null references enforcement.exam(id),
      officer_id uuid not null references enforcement.officer(id),
      user_id uuid references core.app_user(id),
      area_path text not null,
      org_unit_id uuid not null,
      answers jsonb not null,
      correct int not null,
      score int not null,
      passed boolean not null,
      certificate_no text unique,
      submitted_on date not null,
      submitted_at timestamptz not null,
      unique (exam_id, officer_id)
    )`.execute(db);
    await sql`create index exam_attempt_area_idx on enforcement.exam_attempt (area_path)`.execute(db);
    await sql`alter table enforcement.officer
      add column qualification_passed_on date,
      add column qualification_score int,
      add column qualification_attempt_id uuid references enforcement.exam_attempt(id)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table enforcement.officer drop column qualification_attempt_id, drop column qualification_score, drop column qualification_passed_on`.execute(
      db,
    );
    for (const t of ['exam_attempt', 'exam', 'question', 'study_attendance', 'study_session', 'study_plan'])
      await sql`drop table if exists ${sql.table(`enforcement.${t}`)}`.execute(db);
  },
};
