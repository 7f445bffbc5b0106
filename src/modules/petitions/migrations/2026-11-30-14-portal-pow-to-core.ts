import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

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
  async down(db: Kysely<unknown>) {
    await sql`create table petitions.portal_pow_used (
      challenge_id text primary key check (length(challenge_id) between 8 and 64),
      expires_at timestamptz not null,
      used_at timestamptz not null
    )`.execute(db);
    await sql`create index portal_pow_used_expires_idx on petitions.portal_pow_used (expires_at)`.execute(db);
  },
};
