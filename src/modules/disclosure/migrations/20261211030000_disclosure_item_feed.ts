import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Items other modules produce (规范性文件 公布, 行政处罚决定, 低保 公示/公布, 社会组织信用名单): the item keeps
 * a link to its source record (`source_link`, a console path) and, for a posted list, the list it
 * gathers (`list_key`: one draft per village, kind and day). `disclosure.item_source` holds one row
 * per source record with the line it added, so the same record never produces a second item.
 */
export const disclosureItemFeed: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table disclosure.item add column source_link text`.execute(db);
    await sql`alter table disclosure.item add column list_key text`.execute(db);
    await sql`create index item_list_key_idx on disclosure.item (list_key) where list_key is not null`.execute(db);
    await sql`create table disclosure.item_source (
      source_key text primary key,
      case_id uuid not null references core.case(id),
      line text not null,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create index item_source_case_idx on disclosure.item_source (case_id, created_at)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table if exists disclosure.item_source`.execute(db);
    await sql`alter table disclosure.item drop column if exists list_key`.execute(db);
    await sql`alter table disclosure.item drop column if exists source_link`.execute(db);
  },
};
