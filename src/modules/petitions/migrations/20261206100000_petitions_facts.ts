import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Kernel 2.0: a petition's facts live in petitions.petition only. The 送达 method and date and the
 * 复查/复核 opinions, until now kept only in core.case.data, get columns; existing cases are copied
 * over and their case.data emptied (the case page reads the facts from here, see workflow.ts).
 */
export const petitionsFacts: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table petitions.petition add column delivery_method text, add column delivered_on date,
      add column review_opinion text, add column recheck_opinion text`.execute(db);
    await sql`update petitions.petition p set delivery_method = c.data->>'deliveryMethod', delivered_on = (c.data->>'deliveredOn')::date,
        review_opinion = c.data->>'reviewOpinion', recheck_opinion = c.data->>'recheckOpinion'
      from core.case c where c.id = p.case_id and c.data <> '{}'::jsonb`.execute(db);
    await sql`update core.case set data = '{}'::jsonb where type = 'petition' and data <> '{}'::jsonb`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`update core.case c set data = jsonb_strip_nulls(jsonb_build_object('refusalCode', p.refusal_code, 'opinion', p.opinion,
        'deliveryMethod', p.delivery_method, 'deliveredOn', p.delivered_on::text, 'reviewOpinion', p.review_opinion, 'recheckOpinion', p.recheck_opinion))
      from petitions.petition p where p.case_id = c.id`.execute(db);
    await sql`alter table petitions.petition drop column delivery_method, drop column delivered_on, drop column review_opinion, drop column recheck_opinion`.execute(
      db,
    );
  },
};
