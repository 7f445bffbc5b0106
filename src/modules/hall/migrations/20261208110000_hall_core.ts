import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 政务服务大厅: one row per application (hall.application, the case's facts), one 好差评 rating per
 * finished service (unique per application: 一事一评 / 一次一评), the 差评 handling facts
 * (hall.complaint, one per 差评 case) and the module's settings.
 */
export const hallCore: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create schema if not exists hall`.execute(db);
    await sql`create table hall.application (
      case_id uuid primary key references core.case(id),
      item_code text not null,
      item_name text not null,
      promise_workdays int not null check (promise_workdays > 0),
      depth text not null,
      item_source text not null check (item_source in ('hall', 'catalogue')),
      impl_code text,
      channel text not null check (channel in ('窗口', '网上')),
      applicant text not null,
      phone text not null,
      form jsonb not null,
      materials jsonb not null,
      missing jsonb not null default '[]',
      correction_note text,
      corrections int not null default 0,
      query_code_hash text,
      service_window text not null,
      registered_by uuid,
      handled_by uuid,
      handled_by_name text,
      accepted_on date,
      not_accepted_reason text,
      decision text check (decision in ('准予', '不予')),
      decision_reason text,
      decided_on date,
      delivery_way text check (delivery_way in ('电子送达', '邮寄送达', '窗口领取')),
      delivered_on date,
      visits int not null default 0,
      is_demo boolean not null default false,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create index application_item on hall.application (item_code)`.execute(db);
    await sql`create table hall.rating (
      id uuid primary key,
      application_id uuid not null unique references hall.application(case_id),
      level text not null check (level in ('非常满意', '满意', '基本满意', '不满意', '非常不满意')),
      stars int not null check (stars between 1 and 5),
      negative boolean not null,
      indicators jsonb not null,
      channel text not null check (channel in ('窗口', '网上')),
      comment text,
      rated_at timestamptz not null,
      rated_on date not null,
      item_code text not null,
      org_unit_id uuid not null references core.org_unit(id),
      area_path text not null,
      service_window text not null,
      handler_id uuid,
      handler_name text,
      complaint_case_id uuid references core.case(id),
      invalidated boolean not null default false,
      is_demo boolean not null default false
    )`.execute(db);
    await sql`create index rating_rated_on on hall.rating (rated_on)`.execute(db);
    await sql`create table hall.complaint (
      case_id uuid primary key references core.case(id),
      rating_id uuid not null unique references hall.rating(id),
      verified_note text,
      rectify_way text check (rectify_way in ('立行立改', '限期整改', '解释说明')),
      rectify_plan text,
      rectified_note text,
      rectified_on date,
      feedback text,
      feedback_on date,
      appeal_reason text,
      appeal_upheld boolean,
      appeal_note text
    )`.execute(db);
    await sql`create table hall.setting (key text primary key, value jsonb not null, updated_at timestamptz not null)`.execute(db);
  },
};
