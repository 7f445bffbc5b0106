import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 网上申请 without verification: its members do not take a person's one-household slot until the
 * township accepts (受理) the application, and a possible duplicate is flagged for the township
 * clerk (`duplicate_flag`) instead of being refused to an anonymous visitor.
 */
export const dibaoPortalUnverified: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table dibao.member add column unverified boolean not null default false`.execute(db);
    await sql`alter table dibao.application add column duplicate_flag jsonb`.execute(db);
    await sql`drop index if exists dibao.member_one_active_household`.execute(db);
    await sql`create unique index member_one_active_household on dibao.member (id_hash) where active and not unverified`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop index if exists dibao.member_one_active_household`.execute(db);
    await sql`create unique index member_one_active_household on dibao.member (id_hash) where active`.execute(db);
    await sql`alter table dibao.application drop column if exists duplicate_flag`.execute(db);
    await sql`alter table dibao.member drop column if exists unverified`.execute(db);
  },
};
