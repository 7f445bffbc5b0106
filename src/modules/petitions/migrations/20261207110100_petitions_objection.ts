import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 异议 of a receiving unit (《信访工作条例》第二十三条第三款): raised within 5 个工作日 of receipt with
 * reasons; the case and materials go back only when the sending unit agrees (核实同意).
 */
export const petitionsObjection: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table petitions.objection (
      id uuid primary key,
      case_id uuid not null references core.case(id),
      handoff_id uuid not null references core.case_handoff(id),
      from_org_id uuid not null references core.org_unit(id),
      to_org_id uuid not null references core.org_unit(id),
      reason text not null,
      received_on date not null,
      raised_on date not null,
      raised_by uuid references core.app_user(id),
      raised_by_name text not null,
      raised_at timestamptz not null,
      decision text check (decision in ('agreed', 'rejected')),
      decision_note text,
      decided_by uuid references core.app_user(id),
      decided_by_name text,
      decided_at timestamptz
    )`.execute(db);
    await sql`create unique index objection_open_idx on petitions.objection (case_id) where decision is null`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table if exists petitions.objection`.execute(db);
  },
};
