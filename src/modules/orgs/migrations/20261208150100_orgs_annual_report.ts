import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 年度工作报告 on the portal: the report's content and channel on the inspection row, the day the
 * result was published; the organization's 年报报送码 (only its SM3 hash, issued by the registrar);
 * the reminders sent before the deadlines (one per organization, year and deadline).
 */
export const orgsAnnualReport: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table orgs.inspection
      add column report jsonb,
      add column submitted_via text check (submitted_via in ('portal','registrar')),
      add column published_on date`.execute(db);
    await sql`create table orgs.filing_code (
      organization_id uuid primary key references orgs.organization(id),
      code_hash text not null,
      issued_on date not null,
      issued_by uuid
    )`.execute(db);
    await sql`create table orgs.annual_reminder (
      organization_id uuid not null references orgs.organization(id),
      year integer not null,
      deadline_kind text not null check (deadline_kind in ('supervisor','registrar')),
      deadline date not null,
      reminded_on date not null,
      primary key (organization_id, year, deadline_kind)
    )`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table if exists orgs.annual_reminder`.execute(db);
    await sql`drop table if exists orgs.filing_code`.execute(db);
    await sql`alter table orgs.inspection drop column report, drop column submitted_via, drop column published_on`.execute(db);
  },
};
