import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 社会团体成立登记 handed over to the social-organization registry at 受理: the application keeps the orgs
 * 成立登记 case, the registrar's decision once made (the hall's 准予/不予 follows it) and the result the
 * applicant receives (the registrar's 登记证书, a kernel document) instead of a hall 电子证照.
 */
export const hallOrgsHandover: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table hall.application
      add column orgs_case_id uuid unique references core.case(id),
      add column registrar_decision text check (registrar_decision in ('准予登记', '不予登记')),
      add column result_document_id uuid references core.document(id),
      add check (registrar_decision is null or orgs_case_id is not null)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table hall.application drop column orgs_case_id, drop column registrar_decision, drop column result_document_id`.execute(db);
  },
};
