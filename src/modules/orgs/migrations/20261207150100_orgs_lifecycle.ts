import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 登记 cases (成立、变更、注销) keep their facts here, one row per case: what was applied for
 * (payload), the day the statutory period counts from (全部有效文件收齐 / 业务主管单位审查同意 /
 * 清算结束), whether the organization filed late, and the decision with the 登记证书 number.
 */
export const orgsLifecycle: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table orgs.application (
      case_id uuid primary key references core.case(id),
      procedure text not null check (procedure in ('establish','change','deregister')),
      organization_id uuid references orgs.organization(id),
      authority_org_unit_id uuid not null references core.org_unit(id),
      payload jsonb not null,
      filed_on date not null,
      reference_on date,
      late boolean not null default false,
      name_check text,
      decision text check (decision in ('准予登记','不予登记')),
      decided_on date,
      decision_reason text,
      certificate_no text,
      is_demo boolean not null default false,
      check (procedure = 'establish' or organization_id is not null)
    )`.execute(db);
    await sql`create index application_org_idx on orgs.application (organization_id)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table if exists orgs.application`.execute(db);
  },
};
