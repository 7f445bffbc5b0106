import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** 集体学法: the materials studied (讲义、课件、文件名称), recorded with the session. */
export const enforcementSessionMaterials: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table enforcement.study_session add column materials text`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table enforcement.study_session drop column materials`.execute(db);
  },
};
