import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { escapeLike } from './authority.ts';

/** The whitespace- or punctuation-separated terms of a name query (“宁夏 慈善” → 宁夏, 慈善). */
export const nameTerms = (q: string) => q.split(/[\s\u3000,，、;；]+/).filter(Boolean);

/**
 * A name that answers a partial query: every term occurs in it (in any order and with anything between, so “宁夏 慈善”
 * finds 宁夏回族自治区慈善总会), or the whole query is word-similar to a stretch of it (pg_trgm `<%`, threshold
 * `pg_trgm.word_similarity_threshold`, 0.6 by default: a term with a character wrong or missing). Both are served by the
 * trigram index `organization_name_trgm_idx`.
 */
export function nameMatches(column: string, q: string) {
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> => {
    const terms = nameTerms(q);
    const joined = terms.join(' ');
    return eb.or([eb.and(terms.map((t) => eb(eb.ref(column), 'like', `%${escapeLike(t)}%`))), sql<SqlBool>`${joined} <% ${sql.ref(column)}`]);
  };
}

/** Ranking of a name against the query, best first: word similarity, then similarity of the whole (pg_trgm). */
export function nameRank(column: string, q: string) {
  const joined = nameTerms(q).join(' ');
  return sql<number>`word_similarity(${joined}, ${sql.ref(column)}) + similarity(${joined}, ${sql.ref(column)})`;
}
