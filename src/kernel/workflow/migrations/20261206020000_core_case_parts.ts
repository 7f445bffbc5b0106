import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Parallel co-handling (主办 / 协办 / 会办): each part is a case of its own (holder, clocks,
 * history), linked to the case it belongs to.
 */
export const coreCaseParts: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table core.case_part (
      child_id uuid primary key references core.case(id),
      parent_id uuid not null references core.case(id),
      role text not null check (role in ('lead', 'assist', 'joint')),
      created_at timestamptz not null default now()
    )`.execute(db);
    await sql`create index case_part_parent_idx on core.case_part (parent_id, created_at)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table core.case_part`.execute(db);
  },
};
