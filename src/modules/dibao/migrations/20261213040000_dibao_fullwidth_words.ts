import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The 公布方式, 工作人员身份 and 不予受理 reason words became full-width (村（居）务公开栏,
 * 乡镇（街道）社会救助经办人员), and so did the 低保 case titles: rows stored with the half-width words are rewritten,
 * so lists and filters show one word.
 */
const WORDS: Array<[string, string]> = [
  ['村(居)务公开栏', '村（居）务公开栏'],
  ['乡镇(街道)政务公开栏', '乡镇（街道）政务公开栏'],
  ['乡镇(街道)社会救助经办人员', '乡镇（街道）社会救助经办人员'],
  ['村(居)民委员会成员', '村（居）民委员会成员'],
];
const NOT_ACCEPTED: [string, string] = ['非户籍所在地乡镇(街道)受理范围', '非户籍所在地乡镇（街道）受理范围'];

export const dibaoFullwidthWords: Migration = {
  async up(db: Kysely<unknown>) {
    for (const [from, to] of WORDS) {
      await sql`update dibao.publication set channel = ${to} where channel = ${from}`.execute(db);
      await sql`update dibao.relative_filing set staff_post = ${to} where staff_post = ${from}`.execute(db);
    }
    await sql`update dibao.application set not_accepted_code = ${NOT_ACCEPTED[1]} where not_accepted_code = ${NOT_ACCEPTED[0]}`.execute(db);
    // Case titles: 低保申请:马玉梅户(红崖村) → 低保申请：马玉梅户（红崖村）, 低保复核:… → 低保复核：…
    const [pattern, replacement] = ['^低保申请:(.*)户\\((.*)\\)$', '低保申请：\\1户（\\2）'];
    await sql`update core.case set title = regexp_replace(title, ${pattern}, ${replacement}) where title like '低保申请:%'`.execute(db);
    await sql`update core.case set title = '低保复核：' || substr(title, 6) where title like '低保复核:%'`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    for (const [from, to] of WORDS) {
      await sql`update dibao.publication set channel = ${from} where channel = ${to}`.execute(db);
      await sql`update dibao.relative_filing set staff_post = ${from} where staff_post = ${to}`.execute(db);
    }
    await sql`update dibao.application set not_accepted_code = ${NOT_ACCEPTED[0]} where not_accepted_code = ${NOT_ACCEPTED[1]}`.execute(db);
  },
};
