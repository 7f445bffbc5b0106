import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The case kernel every business module stands on. Case-centred tables carry case_id so that
 * on Citus they can be distributed by it and co-located (events, clocks, handoffs, attachments).
 */
export const coreWorkflow: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table core.case (
      id uuid primary key,
      type text not null,
      ref_no text not null unique,
      title text not null,
      state text not null,
      area_code text not null references core.area(code),
      area_path text not null,
      org_unit_id uuid not null references core.org_unit(id),
      assignee_id uuid references core.app_user(id),
      created_by uuid references core.app_user(id),
      supervising_org_id uuid references core.org_unit(id),
      data jsonb not null default '{}',
      terminal boolean not null default false,
      pending_handoff boolean not null default false,
      due_date date,
      clock_state text check (clock_state in ('running','paused','due_soon','overdue')),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      closed_at timestamptz
    )`.execute(db);
    await sql`create index case_worklist_idx on core.case (org_unit_id, due_date, id) where not terminal`.execute(db);
    await sql`create index case_assignee_idx on core.case (assignee_id, due_date) where not terminal`.execute(db);
    await sql`create index case_supervising_idx on core.case (supervising_org_id, due_date) where not terminal`.execute(db);
    await sql`create index case_area_idx on core.case (area_path text_pattern_ops, type, created_at desc)`.execute(db);
    await sql`create index case_type_state_idx on core.case (type, state)`.execute(db);

    await sql`create table core.case_event (
      case_id uuid not null references core.case(id),
      seq integer not null,
      id uuid not null unique,
      at timestamptz not null,
      actor_id uuid,
      actor_name text,
      org_unit_id uuid,
      transition text not null,
      from_state text,
      to_state text not null,
      input jsonb,
      comment text,
      audit_event_id uuid,
      primary key (case_id, seq)
    )`.execute(db);
    await sql`create trigger case_event_no_update before update or delete on core.case_event
      for each row execute function core.audit_refuse_change()`.execute(db);

    await sql`create table core.case_participant (
      case_id uuid not null references core.case(id),
      user_id uuid not null references core.app_user(id),
      last_acted_at timestamptz not null,
      primary key (case_id, user_id)
    )`.execute(db);
    await sql`create index case_participant_user_idx on core.case_participant (user_id, last_acted_at desc)`.execute(db);

    await sql`create table core.case_ref_counter (
      type text not null,
      area_code text not null,
      year integer not null,
      last integer not null,
      primary key (type, area_code, year)
    )`.execute(db);

    await sql`create table core.case_handoff (
      id uuid primary key,
      case_id uuid not null references core.case(id),
      kind text not null check (kind in ('transfer','assign','return')),
      from_org_id uuid not null references core.org_unit(id),
      to_org_id uuid not null references core.org_unit(id),
      sent_at timestamptz not null,
      sent_by uuid references core.app_user(id),
      note text,
      status text not null check (status in ('pending','acknowledged','withdrawn','objected')),
      acknowledged_at timestamptz,
      acknowledged_by uuid references core.app_user(id),
      clock_id uuid
    )`.execute(db);
    await sql`create index case_handoff_case_idx on core.case_handoff (case_id, sent_at)`.execute(db);
    await sql`create index case_handoff_pending_idx on core.case_handoff (to_org_id, sent_at) where status = 'pending'`.execute(db);

    await sql`create table core.case_signoff (
      id uuid primary key,
      case_id uuid not null references core.case(id),
      step text not null,
      mode text not null check (mode in ('all','any','quorum')),
      required integer not null,
      party_org_id uuid references core.org_unit(id),
      party_user_id uuid references core.app_user(id),
      decision text check (decision in ('approve','reject')),
      comment text,
      decided_at timestamptz,
      decided_by uuid references core.app_user(id),
      round integer not null default 1,
      check (party_org_id is not null or party_user_id is not null)
    )`.execute(db);
    await sql`create index case_signoff_case_idx on core.case_signoff (case_id, step, round)`.execute(db);

    await sql`create table core.deadline_clock (
      id uuid primary key,
      case_id uuid not null references core.case(id),
      name text not null,
      label text not null,
      rule_unit text not null check (rule_unit in ('workdays','days','months')),
      rule_n integer not null check (rule_n >= 0),
      legal_basis text,
      area_code text not null,
      area_path text not null,
      start_date date not null,
      calendar_version integer not null,
      suspensions jsonb not null default '[]',
      extensions jsonb not null default '[]',
      restarts jsonb not null default '[]',
      warn_workdays integer not null default 3,
      due_date date,
      state text not null check (state in ('running','paused','met','missed')),
      stopped_at timestamptz,
      reminded_for date,
      overdue_for date,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (case_id, name)
    )`.execute(db);
    await sql`create index deadline_clock_open_idx on core.deadline_clock (state, due_date) where state in ('running','paused')`.execute(db);

    await sql`create table core.case_comment (
      id uuid primary key,
      case_id uuid not null references core.case(id),
      author_id uuid references core.app_user(id),
      author_name text,
      body text not null check (length(body) between 1 and 5000),
      created_at timestamptz not null
    )`.execute(db);
    await sql`create index case_comment_case_idx on core.case_comment (case_id, created_at)`.execute(db);

    await sql`create table core.attachment (
      id uuid primary key,
      case_id uuid not null references core.case(id),
      file_name text not null,
      mime_type text not null,
      size_bytes bigint not null,
      sm3 text not null,
      storage_key text not null,
      uploaded_by uuid references core.app_user(id),
      uploaded_at timestamptz not null
    )`.execute(db);
    await sql`create index attachment_case_idx on core.attachment (case_id, uploaded_at)`.execute(db);

    await sql`create table core.notification (
      id uuid primary key,
      user_id uuid references core.app_user(id),
      org_unit_id uuid references core.org_unit(id),
      case_id uuid references core.case(id),
      kind text not null,
      title text not null,
      body text,
      created_at timestamptz not null,
      dedupe_key text unique,
      check (user_id is not null or org_unit_id is not null)
    )`.execute(db);
    await sql`create index notification_user_idx on core.notification (user_id, created_at desc)`.execute(db);
    await sql`create index notification_org_idx on core.notification (org_unit_id, created_at desc)`.execute(db);
    await sql`create table core.case_supervision (
      id uuid primary key,
      case_id uuid not null references core.case(id),
      kind text not null check (kind in ('manual','auto')),
      from_org_id uuid not null references core.org_unit(id),
      to_org_id uuid not null references core.org_unit(id),
      reason text not null,
      issued_at timestamptz not null,
      issued_by uuid references core.app_user(id),
      feedback_due date,
      feedback text,
      feedback_at timestamptz,
      feedback_by uuid references core.app_user(id),
      dedupe_key text unique
    )`.execute(db);
    await sql`create index case_supervision_case_idx on core.case_supervision (case_id, issued_at)`.execute(db);
    await sql`create index case_supervision_from_idx on core.case_supervision (from_org_id, issued_at desc)`.execute(db);
    await sql`create table core.notification_read (
      notification_id uuid not null references core.notification(id),
      user_id uuid not null references core.app_user(id),
      read_at timestamptz not null,
      primary key (notification_id, user_id)
    )`.execute(db);
  },
};
