import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Links to two other modules. A 双随机 item keeps the 检查实施清单 item it carried out and the 互联网+监管 检查行为
 * written for it (catalogue's row id), or why none was (free-text inspectors, no item). A penalty keeps the enforcement
 * case that decided it, and 没收违法所得 is a flag of its own (an enforcement decision names it without an amount).
 */
export const orgsLinks: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table orgs.spot_check_item add column inspection_code text, add column inspection_record_id uuid,
      add column supervision_note text`.execute(db);
    await sql`alter table orgs.penalty add column case_id uuid, add column confiscated boolean not null default false`.execute(db);
    await sql`update orgs.penalty set confiscated = true where confiscation_cents is not null`.execute(db);
    await sql`alter table orgs.penalty drop constraint penalty_check`.execute(db);
    await sql`alter table orgs.penalty add constraint penalty_measure_check
      check (warning or fine_cents is not null or confiscated or suspended_until is not null or dismissal)`.execute(db);
    await sql`create unique index penalty_case_idx on orgs.penalty (case_id) where case_id is not null`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop index if exists orgs.penalty_case_idx`.execute(db);
    await sql`alter table orgs.penalty drop constraint penalty_measure_check`.execute(db);
    await sql`alter table orgs.penalty add constraint penalty_check
      check (warning or fine_cents is not null or confiscation_cents is not null or suspended_until is not null or dismissal)`.execute(db);
    await sql`alter table orgs.penalty drop column case_id, drop column confiscated`.execute(db);
    await sql`alter table orgs.spot_check_item drop column inspection_code, drop column inspection_record_id, drop column supervision_note`.execute(db);
  },
};
