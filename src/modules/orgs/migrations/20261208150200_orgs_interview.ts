import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** 约谈: the registrar's talks with an organization's responsible people — date, people, matter, commitments, follow-up. */
export const orgsInterview: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table orgs.interview (
      id uuid primary key,
      organization_id uuid not null references orgs.organization(id),
      held_on date not null,
      people text not null,
      matter text not null,
      commitments text not null,
      follow_up text,
      followed_up_on date,
      recorded_by uuid,
      created_at timestamptz not null,
      check (followed_up_on is null or followed_up_on >= held_on)
    )`.execute(db);
    await sql`create index interview_org_idx on orgs.interview (organization_id, held_on)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table if exists orgs.interview`.execute(db);
  },
};
