import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * An area's new name bumps core.auth_epoch too: the cached session carries the name of its user's
 * area (当前用户, GET /api/me, reads no table), so a rename must reload it like an org unit's does.
 * Only a change of name: the other columns of an area are not part of a session.
 */
export const coreAuthEpochArea: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create constraint trigger area_auth_epoch after update of name on core.area
      deferrable initially deferred for each row when (old.name is distinct from new.name)
      execute function core.auth_epoch_bump()`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop trigger if exists area_auth_epoch on core.area`.execute(db);
  },
};
