import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 行政处罚 other than 撤销登记, recorded with basis and date until the enforcement module's case workflow
 * takes them: 警告, 罚款, 没收违法所得, 限期停止活动, 责令撤换直接负责的主管人员 (one row per decision).
 */
export const orgsPenalty: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table orgs.penalty (
      id uuid primary key,
      organization_id uuid not null references orgs.organization(id),
      decided_on date not null,
      article text not null,
      basis text not null,
      document_no text,
      facts text not null,
      warning boolean not null default false,
      fine_cents bigint check (fine_cents > 0),
      confiscation_cents bigint check (confiscation_cents > 0),
      suspended_until date,
      dismissal boolean not null default false,
      listing_ids jsonb not null default '[]',
      created_by uuid,
      created_at timestamptz not null default now(),
      check (warning or fine_cents is not null or confiscation_cents is not null or suspended_until is not null or dismissal),
      check (suspended_until is null or suspended_until >= decided_on)
    )`.execute(db);
    await sql`create index penalty_org_idx on orgs.penalty (organization_id, decided_on)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table if exists orgs.penalty`.execute(db);
  },
};
