import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { petitionsPortalPow } from './20261129120000_petitions_portal_pow.ts';

/**
 * The portal proof of work moved to the kernel (core.portal_pow_used, every public submission
 * uses it): the challenges spent so far move there, so none can be replayed across the move.
 */
export const petitionsPortalPowToCore: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`insert into core.portal_pow_used (challenge_id, expires_at, used_at)
      select challenge_id, expires_at, used_at from petitions.portal_pow_used on conflict (challenge_id) do nothing`.execute(db);
    await sql`drop table petitions.portal_pow_used`.execute(db);
  },
  // Back to the table as migration 12 made it (its rows are not moved back: they expire within minutes).
  down: (db: Kysely<unknown>) => petitionsPortalPow.up(db),
};
