import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 政务服务事项: the region's basic catalogue (基本目录) in versions, the implementing offices
 * (实施主体, with their 统一社会信用代码 and 行使层级), their implementation lists (实施清单), the
 * power list (权责清单) with its 划转 history, and the 互联网+监管 lists (监管事项目录清单,
 * 检查实施清单) with the inspection records (检查行为).
 */
export const catalogueCore: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create schema if not exists catalogue`.execute(db);
    await sql`create table catalogue.version (
      id uuid primary key,
      number int not null unique,
      title text not null,
      effective_on date not null,
      status text not null check (status in ('draft', 'pending', 'published', 'rejected')),
      note text,
      drafted_by uuid,
      drafted_by_name text not null,
      submitted_at timestamptz,
      reviewed_by uuid,
      reviewed_by_name text,
      reviewed_at timestamptz,
      review_note text,
      is_demo boolean not null default false,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create table catalogue.item (
      id uuid primary key,
      version_id uuid not null references catalogue.version(id),
      base_code text not null check (base_code ~ '^[0-9]{10}([0-9]{2}|[0-9]Y)$'),
      parent_code text,
      kind text not null check (kind in ('主项', '子项', '业务办理项')),
      name text not null,
      type_code text not null check (type_code in ('01','02','03','04','05','06','07','08','09','10','20')),
      legal_basis text not null,
      levels text[] not null,
      sort int not null default 0,
      unique (version_id, base_code)
    )`.execute(db);
    await sql`create table catalogue.office (
      id uuid primary key,
      org_unit_id uuid not null references core.org_unit(id),
      name text not null,
      uscc text not null unique check (uscc ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
      level text not null check (level in ('1','2','3','4','5','6')),
      area_code text not null references core.area(code),
      area_path text not null,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create index office_area_idx on catalogue.office (area_path text_pattern_ops)`.execute(db);
    await sql`create table catalogue.implementation (
      id uuid primary key,
      office_id uuid not null references catalogue.office(id),
      org_unit_id uuid not null references core.org_unit(id),
      area_code text not null,
      area_path text not null,
      version_id uuid not null references catalogue.version(id),
      base_code text not null,
      impl_code text not null unique check (length(impl_code) = 31),
      name text not null,
      type_code text not null,
      legal_basis text not null,
      accept_conditions text not null default '',
      materials jsonb not null default '[]',
      legal_days int check (legal_days >= 0),
      promise_days int check (promise_days >= 0),
      case_kind text not null check (case_kind in ('即办件', '承诺件')),
      depth text not null check (depth in ('信息公开', '在线预审', '在线受理', '全程网办')),
      visits int not null check (visits between 0 and 5),
      fee text not null default '不收费',
      service_window text,
      in_hall boolean not null default true,
      status text not null default 'active' check (status in ('active', 'revoked')),
      updated_by_name text not null,
      updated_at timestamptz not null,
      is_demo boolean not null default false,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create index implementation_area_idx on catalogue.implementation (area_path text_pattern_ops, base_code)`.execute(db);
    await sql`create index implementation_base_idx on catalogue.implementation (base_code, area_code)`.execute(db);
    await sql`create index implementation_office_idx on catalogue.implementation (office_id, base_code)`.execute(db);
    await sql`create table catalogue.power (
      id uuid primary key,
      code text not null unique,
      name text not null,
      type_code text not null check (type_code in ('01','02','03','04','05','06','07','08','09','10')),
      legal_basis text not null,
      duties text not null,
      accountability text not null,
      office_id uuid not null references catalogue.office(id),
      area_path text not null,
      valid_from date not null,
      transferred_on date,
      transferred_to text,
      is_demo boolean not null default false,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create table catalogue.power_transfer (
      id uuid primary key,
      power_id uuid not null references catalogue.power(id),
      to_body text not null,
      transferred_on date not null,
      basis text not null,
      by_name text not null,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create table catalogue.supervision_item (
      id uuid primary key,
      kind text not null check (kind in ('目录清单', '检查实施清单')),
      code text not null unique,
      catalogue_code text not null check (catalogue_code ~ '^[0-9]{14}$'),
      name text not null,
      power_id uuid references catalogue.power(id),
      office_id uuid not null references catalogue.office(id),
      area_path text not null,
      objects text not null,
      basis text not null,
      check_category text,
      check_method text,
      content text,
      frequency text,
      status text not null check (status in ('pending', 'approved', 'rejected')),
      entered_by uuid,
      entered_by_name text not null,
      reviewed_by uuid,
      reviewed_by_name text,
      reviewed_at timestamptz,
      review_note text,
      is_demo boolean not null default false,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create table catalogue.inspection_record (
      id uuid primary key,
      number text not null unique,
      name text not null,
      plan_id uuid,
      catalogue_code text not null,
      inspection_code text not null,
      office_id uuid not null references catalogue.office(id),
      area_path text not null,
      entrusted_body text,
      object_type text not null,
      object_name text not null,
      party_name text not null,
      party_nature text not null,
      party_id_type text not null,
      party_code text not null,
      registered_address text,
      business_address text,
      area_code text not null,
      check_form text not null,
      check_category text not null,
      check_method text not null,
      check_result text not null,
      checked_at timestamptz not null,
      inspectors jsonb not null,
      reported_at timestamptz not null check (reported_at > checked_at),
      reported_by_name text not null,
      source_module text,
      source_id text,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create index inspection_record_area_idx on catalogue.inspection_record (area_path text_pattern_ops, checked_at)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop schema if exists catalogue cascade`.execute(db);
  },
};
