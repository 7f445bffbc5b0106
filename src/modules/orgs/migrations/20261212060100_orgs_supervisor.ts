import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 业务主管单位 as an org unit: the organization keeps the unit (and its area path) beside the free-text name, so the
 * supervising unit's accounts (role 业务主管单位, permission orgs.supervise, held at the unit) see exactly the
 * organizations they supervise; the unit's opinion on a year's annual report (年检初审, 社团条例第二十八条 /
 * 民非条例第二十三条: 经业务主管单位初审同意) on the inspection row.
 */
export const orgsSupervisor: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table orgs.organization
      add column supervisor_org_unit_id uuid references core.org_unit(id),
      add column supervisor_area_path text,
      add check ((supervisor_org_unit_id is null) = (supervisor_area_path is null))`.execute(db);
    await sql`create index organization_supervisor_idx on orgs.organization (supervisor_org_unit_id) where supervisor_org_unit_id is not null`.execute(db);
    await sql`alter table orgs.inspection
      add column supervisor_opinion text check (supervisor_opinion in ('同意','不同意')),
      add column supervisor_comment text,
      add column supervisor_opinion_on date,
      add column supervisor_opinion_by uuid,
      add check ((supervisor_opinion is null) = (supervisor_opinion_on is null)),
      add check (supervisor_opinion is distinct from '不同意' or supervisor_comment is not null)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table orgs.inspection drop column supervisor_opinion, drop column supervisor_comment, drop column supervisor_opinion_on,
      drop column supervisor_opinion_by`.execute(db);
    await sql`alter table orgs.organization drop column supervisor_org_unit_id, drop column supervisor_area_path`.execute(db);
  },
};
