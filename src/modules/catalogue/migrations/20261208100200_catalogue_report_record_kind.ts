import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Report figures may link to a module's own rows that are not cases (record_kind 'record'): the catalogue's items, powers, lists. */
export const catalogueReportRecordKind: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table core.report_value drop constraint if exists report_value_record_kind_check`.execute(db);
    await sql`alter table core.report_value add constraint report_value_record_kind_check check (record_kind in ('case','area','record'))`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table core.report_value drop constraint if exists report_value_record_kind_check`.execute(db);
    await sql`alter table core.report_value add constraint report_value_record_kind_check check (record_kind in ('case','area'))`.execute(db);
  },
};
