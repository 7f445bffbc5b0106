import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 申请材料 as files: each uploaded file (a core.attachment of the case) names the material of the
 * item's list it is; the application keeps that list as it stood on the day (from the area's
 * implementation list when it has one), so 补正 and 受理 judge against the same list.
 */
export const hallMaterialFiles: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table hall.application add column material_list jsonb`.execute(db);
    await sql`create table hall.material_file (
      attachment_id uuid primary key references core.attachment(id),
      case_id uuid not null references hall.application(case_id),
      material text not null,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create index material_file_case on hall.material_file (case_id)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table if exists hall.material_file`.execute(db);
    await sql`alter table hall.application drop column if exists material_list`.execute(db);
  },
};
