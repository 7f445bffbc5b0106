import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';

/** Who decided: the county 民政 bureau (a department of the county government) or the township government / 街道办事处. */
export type DecidingLevel = 'county' | 'township';

/** The revised 《行政复议法》 (2023-09-01) applies to decisions from 2024-01-01; before that, the 2017 text. */
const REVIEW_LAW_2023_FROM = '2024-01-01';
/** 《行政诉讼法》 (2014 revision, in the 2017 text): 6 months from 2015-05-01; the 1989 text gave 3 months. */
const LITIGATION_2014_FROM = '2015-05-01';

/**
 * The remedy paragraph of a 低保 decision (确认、不予确认、复核决定), by the law in force on the decision
 * day, naming the 复议机关 and the court:
 * - 复议 within 60 days: 《行政复议法》(2023) 第二十条 / (2017) 第九条.
 * - 复议机关: under the 2023 text (第二十四条) the county government, for its 民政 bureau and for a township
 *   government or 街道办事处 alike; under the 2017 text a bureau's decision goes to the county government or
 *   the city 民政局 (第十二条), a township's to the county government (第十三条), a 街道's to the government
 *   that set it up (第十五条).
 * - 诉讼 within 6 months: 《行政诉讼法》第四十六条, at the basic court where the deciding body sits (第十八条).
 */
export function remedyText(onDate: string, level: DecidingLevel, place: { county: string; city: string | null }): string {
  const newReview = onDate >= REVIEW_LAW_2023_FROM;
  const gov = `${place.county}人民政府`;
  const body = level === 'county' && !newReview && place.city ? `${gov}或者${place.city}民政局` : gov;
  const reviewLaw = newReview ? '《中华人民共和国行政复议法》第二十条' : '《中华人民共和国行政复议法》第九条';
  // A district court carries the city's name (银川市兴庆区人民法院); a county's does not (隆德县人民法院).
  const court = `${place.county.endsWith('区') && place.city ? place.city : ''}${place.county}人民法院`;
  const months = onDate >= LITIGATION_2014_FROM ? 6 : 3;
  const litigationLaw = onDate >= LITIGATION_2014_FROM ? '《中华人民共和国行政诉讼法》第四十六条' : '《中华人民共和国行政诉讼法》（1989 年）第三十九条';
  return (
    `如对本决定不服，可以自收到本通知书之日起 60 日内向${body}申请行政复议（${reviewLaw}），` +
    `或者自收到本通知书之日起 ${months} 个月内向${court}提起行政诉讼（${litigationLaw}）。`
  );
}

/** The county and city names of a county code (for the remedy paragraph). */
export async function placeOf(tx: AppContext, countyCode: string): Promise<{ county: string; city: string | null }> {
  const r = (
    await sql<{ county: string; city: string | null }>`select a.name as county, p.name as city from core.area a left join core.area p on p.code = a.parent_code
    where a.code = ${countyCode}`.execute(tx.db)
  ).rows[0];
  return { county: r?.county ?? '', city: r?.city ?? null };
}

/** The county 民政 bureau, the issuing body of a county-level decision (a delegated township's is the case's holder, the default). */
export async function decidingBureau(tx: AppContext, countyCode: string): Promise<string | undefined> {
  return (await sql<{ name: string }>`select name from core.org_unit where area_code = ${countyCode} and kind = 'bureau' and active limit 1`.execute(tx.db))
    .rows[0]?.name;
}
