import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Append-only, hash-chained audit log (design: ../README.md). Events are spread over N chains
 * (partitions) so that concurrent writers do not all wait on one head row; checkpoints chain
 * the heads. Triggers refuse UPDATE, DELETE and TRUNCATE on events and checkpoints, and let a
 * chain head only advance one step at a time.
 */
export const coreAudit: Migration = {
  async up(db: Kysely<unknown>) {
    // head_id names the last event, so verify can name a removed tail event by its id.
    await sql`create table core.audit_chain (
      chain_id integer primary key check (chain_id >= 0),
      seq bigint not null default 0,
      head_hash text not null,
      head_id uuid,
      updated_at timestamptz not null default now()
    )`.execute(db);
    // prev_id (hashed like every other column) lets verify name a removed middle event.
    await sql`create table core.audit_event (
      chain_id integer not null,
      seq bigint not null,
      id uuid not null unique,
      at timestamptz not null,
      actor_id uuid,
      actor_name text,
      org_unit_id uuid,
      area_code text,
      area_path text,
      action text not null,
      entity_type text not null,
      entity_id text,
      before jsonb,
      after jsonb,
      reason text,
      client_ip text,
      prev_id uuid,
      prev_hash text not null,
      hash text not null,
      primary key (chain_id, seq)
    )`.execute(db);
    await sql`create index audit_event_at_idx on core.audit_event (at desc)`.execute(db);
    await sql`create index audit_event_entity_idx on core.audit_event (entity_type, entity_id, at desc)`.execute(db);
    await sql`create index audit_event_actor_idx on core.audit_event (actor_id, at desc)`.execute(db);
    await sql`create index audit_event_area_idx on core.audit_event (area_path text_pattern_ops, at desc)`.execute(db);
    await sql`create table core.audit_checkpoint (
      seq bigint primary key,
      at timestamptz not null,
      heads jsonb not null,
      prev_hash text not null,
      hash text not null
    )`.execute(db);
    await sql`create function core.audit_refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception '审计日志只可追加,不可修改或删除 (audit log is append-only: % on %)', tg_op, tg_table_name
          using errcode = 'insufficient_privilege';
      end $$`.execute(db);
    for (const t of ['audit_event', 'audit_checkpoint']) {
      await sql`create trigger ${sql.raw(t)}_no_update before update or delete on ${sql.raw('core.' + t)}
        for each row execute function core.audit_refuse_change()`.execute(db);
      await sql`create trigger ${sql.raw(t)}_no_truncate before truncate on ${sql.raw('core.' + t)}
        for each statement execute function core.audit_refuse_change()`.execute(db);
    }
    // The head row must change on every append, so it cannot be frozen like the log; but it
    // may only move forward by one event, never back, and never disappear.
    await sql`create function core.audit_chain_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' and new.chain_id = old.chain_id and new.seq = old.seq + 1 then
          return new;
        end if;
        raise exception '审计链头只能逐条前进,不可回退、修改或删除 (audit chain head may only advance: % on %)', tg_op, tg_table_name
          using errcode = 'insufficient_privilege';
      end $$`.execute(db);
    await sql`create trigger audit_chain_guard before update or delete on core.audit_chain
      for each row execute function core.audit_chain_guard()`.execute(db);
    await sql`create trigger audit_chain_no_truncate before truncate on core.audit_chain
      for each statement execute function core.audit_refuse_change()`.execute(db);
  },
};
