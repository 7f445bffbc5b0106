import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 行政复议、行政诉讼 against the office's decisions (`remedy`: the contested decision as a linked case or as
 * text, the 30号 result and its date) and 行政强制 decisions (`coercion`, on a penalty case or on their own).
 * Both are area-scoped registers of the office that made the decision; they feed the 政府信息公开 yearly report.
 */
export const enforcementRemedies: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table enforcement.remedy (
      id uuid primary key,
      org_unit_id uuid not null references core.org_unit(id),
      area_path text not null,
      kind text not null check (kind in ('行政复议', '行政诉讼')),
      after_review boolean not null default false,
      matter text not null check (matter in ('政府信息公开', '行政处罚', '行政许可', '最低生活保障', '行政强制', '其他')),
      decision_case_id uuid references core.case(id),
      decision_text text,
      applicant text not null,
      body text not null,
      case_no text,
      accepted_on date not null,
      result text not null check (result in ('结果维持', '结果纠正', '其他结果', '尚未审结')),
      result_on date,
      result_note text,
      is_demo boolean not null default false,
      created_by uuid,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      check (kind = '行政诉讼' or not after_review),
      check (decision_case_id is not null or decision_text is not null),
      check ((result = '尚未审结') = (result_on is null)),
      check (result_on is null or result_on >= accepted_on)
    )`.execute(db);
    await sql`create index remedy_area_idx on enforcement.remedy (area_path text_pattern_ops, accepted_on)`.execute(db);
    await sql`create table enforcement.coercion (
      id uuid primary key,
      org_unit_id uuid not null references core.org_unit(id),
      area_path text not null,
      penalty_case_id uuid references core.case(id),
      party text not null,
      measure text not null check (measure in ('查封场所、设施或者财物', '扣押财物', '冻结存款、汇款', '加处罚款', '其他行政强制措施')),
      object text not null,
      basis text not null,
      document_no text,
      decided_on date not null,
      is_demo boolean not null default false,
      created_by uuid,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create index coercion_area_idx on enforcement.coercion (area_path text_pattern_ops, decided_on)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table if exists enforcement.coercion`.execute(db);
    await sql`drop table if exists enforcement.remedy`.execute(db);
  },
};
