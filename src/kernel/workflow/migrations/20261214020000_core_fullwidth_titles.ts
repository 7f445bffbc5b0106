import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Case and notification titles built as `督办:${ref}`, `${事项}:${申请人}`, `差评整改:${事项}(${等级})` now read
 * 督办：…, 事项：申请人, 差评整改：事项（等级）; rows stored with the half-width colon after a leading Chinese word
 * (and the 差评整改 parenthesis) are rewritten, so lists and searches show one form.
 */
const LEADING = '^([^\\x01-\\x7f]+):';
const RATING = ['^差评整改：(.*)\\(([^()]*)\\)$', '差评整改：\\1（\\2）'];

export const coreFullwidthTitles: Migration = {
  async up(db: Kysely<unknown>) {
    for (const table of ['core.case', 'core.notification'] as const) {
      await sql`update ${sql.table(table)} set title = regexp_replace(title, ${LEADING}, '\\1：') where title ~ ${LEADING}`.execute(db);
    }
    await sql`update core.case set title = regexp_replace(title, ${RATING[0]}, ${RATING[1]}) where title ~ ${RATING[0]}`.execute(db);
  },
  async down() {
    // The half-width form was a typo; there is nothing to restore.
  },
};
