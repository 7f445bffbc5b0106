import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 变更 of a published 主动公开 item (第二十六条「形成或者变更之日起20个工作日内」): one row per change —
 * the new text while it waits for review (`pending`), then `published` (the earlier version is kept in
 * `prev_*`) or `returned`. `disclosure.item.changed_on` is the date of the last published change.
 */
export const disclosureItemChange: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table disclosure.item add column changed_on date`.execute(db);
    await sql`create table disclosure.item_change (
      case_id uuid not null references core.case(id),
      seq int not null,
      changed_on date not null,
      reason text not null,
      title text not null,
      summary text not null,
      validity text not null,
      state text not null check (state in ('pending', 'published', 'returned')),
      prev_title text,
      prev_summary text,
      prev_validity text,
      prev_formed_on date,
      prev_published_on date,
      prev_changed_on date,
      decided_on date,
      created_at timestamptz not null,
      primary key (case_id, seq)
    )`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table if exists disclosure.item_change`.execute(db);
    await sql`alter table disclosure.item drop column if exists changed_on`.execute(db);
  },
};
