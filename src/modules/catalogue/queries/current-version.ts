import { sql, type Kysely } from 'kysely';

/** The catalogue in force on a date: the published version with the latest effective date on or before it. */
export async function currentVersion(db: Kysely<any>, onDate: string) {
  const r = await sql<{ id: string; number: number; title: string; effective_on: string }>`
    select id, number, title, effective_on::text as effective_on from catalogue.version
    where status = 'published' and effective_on <= ${onDate} order by effective_on desc, number desc limit 1`.execute(db);
  return r.rows[0] ?? null;
}
