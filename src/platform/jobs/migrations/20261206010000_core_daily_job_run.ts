import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** One row per daily job and business day it completed (src/platform/jobs/daily.ts): a day runs once. */
export const coreDailyJobRun: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table core.daily_job_run (
      name text not null,
      day date not null,
      finished_at timestamptz not null,
      primary key (name, day)
    )`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table if exists core.daily_job_run`.execute(db);
  },
};
