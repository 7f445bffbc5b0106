import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The petitioner's 复查 / 复核 rights (《信访工作条例》第三十五条、第三十六条): the day each request
 * was received (and a letter's postmark), the body that did the 复查 / 复核 (or the outside body a
 * request was referred to, with the date), and the 送达 of the 复查意见 and 复核意见 (method and
 * the day the petitioner received it). Existing 复查 / 复核 get their body and request day from the
 * case events; nothing else is guessed (a 复查意见 without a recorded receipt waits for its 送达).
 */
export const petitionsReviewRights: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table petitions.petition
      add column review_requested_on date, add column review_postmark_on date, add column review_org_id uuid references core.org_unit(id),
      add column review_referred_to text, add column review_referred_on date,
      add column review_delivery_method text, add column review_delivered_on date,
      add column recheck_requested_on date, add column recheck_postmark_on date, add column recheck_org_id uuid references core.org_unit(id),
      add column recheck_referred_to text, add column recheck_referred_on date,
      add column recheck_delivery_method text, add column recheck_delivered_on date`.execute(db);
    await sql`alter table petitions.review_request add column postmark_on date`.execute(db);
    for (const [col, transition] of [
      ['review_org_id', 'start_review'],
      ['recheck_org_id', 'start_recheck'],
    ] as const) {
      await sql`update petitions.petition p set ${sql.ref(col)} = e.org_unit_id from core.case_event e
        where e.case_id = p.case_id and e.transition = ${transition} and e.org_unit_id is not null
          and e.seq = (select max(seq) from core.case_event x where x.case_id = p.case_id and x.transition = ${transition})`.execute(db);
    }
    for (const [col, transition] of [
      ['review_requested_on', 'request_review'],
      ['recheck_requested_on', 'request_recheck'],
    ] as const) {
      await sql`update petitions.petition p set ${sql.ref(col)} = (e.at at time zone 'Asia/Shanghai')::date from core.case_event e
        where e.case_id = p.case_id and e.transition = ${transition}
          and e.seq = (select max(seq) from core.case_event x where x.case_id = p.case_id and x.transition = ${transition})`.execute(db);
    }
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table petitions.review_request drop column postmark_on`.execute(db);
    await sql`alter table petitions.petition drop column review_requested_on, drop column review_postmark_on, drop column review_org_id,
      drop column review_referred_to, drop column review_referred_on, drop column review_delivery_method, drop column review_delivered_on,
      drop column recheck_requested_on, drop column recheck_postmark_on, drop column recheck_org_id,
      drop column recheck_referred_to, drop column recheck_referred_on, drop column recheck_delivery_method, drop column recheck_delivered_on`.execute(db);
  },
};
