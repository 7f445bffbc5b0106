import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Spent portal proof-of-work challenges (../proof-of-work.ts), shared by every public submission:
 * one row per challenge that paid for one, so a solved challenge cannot be replayed. Rows past
 * their expiry carry no meaning (an expired challenge is refused anyway) and are purged as new
 * ones arrive.
 */
export const corePortalPow: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table core.portal_pow_used (
      challenge_id text primary key check (length(challenge_id) between 8 and 64),
      expires_at timestamptz not null,
      used_at timestamptz not null
    )`.execute(db);
    await sql`create index portal_pow_used_expires_idx on core.portal_pow_used (expires_at)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table if exists core.portal_pow_used`.execute(db);
  },
};
