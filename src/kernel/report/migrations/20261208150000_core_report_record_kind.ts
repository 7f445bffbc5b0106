import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Figures may also count a module's own rows (record_kind 'record', e.g. registered organizations). */
export const coreReportRecordKind: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table core.report_value drop constraint report_value_record_kind_check`.execute(db);
    await sql`alter table core.report_value add constraint report_value_record_kind_check check (record_kind in ('case','area','record'))`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table core.report_value drop constraint report_value_record_kind_check`.execute(db);
    await sql`alter table core.report_value add constraint report_value_record_kind_check check (record_kind in ('case','area'))`.execute(db);
  },
};
