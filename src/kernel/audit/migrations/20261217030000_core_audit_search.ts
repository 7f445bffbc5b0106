import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The audit log's one search box (../audit-search.ts) is an `or` of indexed branches, read as a BitmapOr: it needs
 * the object id on its own (the reference number resolves to a case id whatever the entity type) and the action.
 * The object index leads with the id instead of the type, which still serves an entity's history
 * (`entity_type = … and entity_id = … order by at desc`), so the log keeps five secondary indexes plus the action's.
 */
export const coreAuditSearch: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create index audit_event_entity_id_idx on core.audit_event (entity_id, entity_type, at desc)`.execute(db);
    await sql`drop index core.audit_event_entity_idx`.execute(db);
    await sql`create index audit_event_action_idx on core.audit_event (action, at desc)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`create index audit_event_entity_idx on core.audit_event (entity_type, entity_id, at desc)`.execute(db);
    await sql`drop index core.audit_event_entity_id_idx`.execute(db);
    await sql`drop index core.audit_event_action_idx`.execute(db);
  },
};
