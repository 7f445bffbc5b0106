import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Intake, routing and safeguards (issue 10 part B): the earlier 复核终结 matter a registration
 * resembles (a flag for the handler, never an automatic refusal), the day received, the original
 * form beside the source, 被投诉机关, 被检举对象 (检举控告), 重大紧急 and its report, the 第三十一条
 * routing outcome, how and when the 受理 / 不予受理 notices were served, and the 接待登记 log
 * (批/人次 of letters and visits).
 */
export const petitionsIntake: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table petitions.petition
      add column final_match_of uuid references core.case(id),
      add column received_on date,
      add column original_form text,
      add column complained_org text,
      add column accused_name text,
      add column accused_org_id uuid references core.org_unit(id),
      add column urgent boolean not null default false,
      add column urgent_note text,
      add column urgent_reported_at timestamptz,
      add column urgent_report text,
      add column routed_to text,
      add column routing_note text,
      add column routed_at timestamptz,
      add column acceptance_served_method text,
      add column acceptance_served_on date,
      add column refusal_served_method text,
      add column refusal_served_on date`.execute(db);
    // Sources 国家信访局, 自治区政府, 人大, 政协 join the list; more than five representatives is registered (with a warning).
    await sql`alter table petitions.petition drop constraint petition_source_body_check,
      add constraint petition_source_body_check check (source_body in ('国家信访局','民政部','自治区信访局','自治区政府','人大','政协','12345','其他')),
      drop constraint petition_representatives_check, add constraint petition_representatives_check check (representatives is null or representatives >= 0),
      add constraint petition_original_form_check check (original_form in ('来信','来访','网上信访','电话','传真')),
      add constraint petition_acceptance_served_check check (acceptance_served_method in ('当场书面告知','邮寄送达','网上告知','短信告知')),
      add constraint petition_refusal_served_check check (refusal_served_method in ('当场书面告知','邮寄送达','网上告知','短信告知'))`.execute(db);
    await sql`update petitions.petition set received_on = (created_at at time zone 'Asia/Shanghai')::date where received_on is null`.execute(db);
    await sql`create table petitions.reception_log (
      id uuid primary key,
      org_unit_id uuid not null references core.org_unit(id),
      area_path text not null,
      day date not null,
      kind text not null check (kind in ('来信', '来访')),
      batches int not null check (batches >= 1),
      persons int not null check (persons >= 1),
      note text,
      recorded_by uuid references core.app_user(id),
      recorded_by_name text not null,
      recorded_at timestamptz not null default now()
    )`.execute(db);
    await sql`create index reception_log_org_day_idx on petitions.reception_log (org_unit_id, day)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table if exists petitions.reception_log`.execute(db);
    await sql`update petitions.petition set source_body = '其他' where source_body in ('国家信访局','自治区政府','人大','政协')`.execute(db);
    await sql`update petitions.petition set representatives = 5 where representatives > 5`.execute(db);
    await sql`alter table petitions.petition drop constraint petition_source_body_check,
      add constraint petition_source_body_check check (source_body in ('自治区信访局','民政部','12345','其他')),
      drop constraint petition_representatives_check,
      add constraint petition_representatives_check check (representatives is null or representatives between 0 and 5)`.execute(db);
    await sql`alter table petitions.petition drop column final_match_of, drop column received_on, drop column original_form, drop column complained_org,
      drop column accused_name, drop column accused_org_id, drop column urgent, drop column urgent_note, drop column urgent_reported_at, drop column urgent_report,
      drop column routed_to, drop column routing_note, drop column routed_at, drop column acceptance_served_method, drop column acceptance_served_on,
      drop column refusal_served_method, drop column refusal_served_on`.execute(db);
  },
};
