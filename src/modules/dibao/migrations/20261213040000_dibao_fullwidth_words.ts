import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The 公布方式 and 工作人员身份 words became full-width (村（居）务公开栏, 乡镇（街道）社会救助经办人员):
 * rows stored with the half-width words are rewritten, so the list and its filter show one word.
 */
const WORDS: Array<[string, string]> = [
  ['村(居)务公开栏', '村（居）务公开栏'],
  ['乡镇(街道)政务公开栏', '乡镇（街道）政务公开栏'],
  ['乡镇(街道)社会救助经办人员', '乡镇（街道）社会救助经办人员'],
  ['村(居)民委员会成员', '村（居）民委员会成员'],
];

export const dibaoFullwidthWords: Migration = {
  async up(db: Kysely<unknown>) {
    for (const [from, to] of WORDS) {
      await sql`update dibao.publication set channel = ${to} where channel = ${from}`.execute(db);
      await sql`update dibao.relative_filing set staff_post = ${to} where staff_post = ${from}`.execute(db);
    }
  },
  async down(db: Kysely<unknown>) {
    for (const [from, to] of WORDS) {
      await sql`update dibao.publication set channel = ${from} where channel = ${to}`.execute(db);
      await sql`update dibao.relative_filing set staff_post = ${from} where staff_post = ${to}`.execute(db);
    }
  },
};
