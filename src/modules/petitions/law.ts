import type { AppContext } from '../../platform/context.ts';
import { chinaDate } from '../../platform/china-time.ts';
import type { RefusalCode } from './contract.ts';

/**
 * The law of the day (regulations.md §1.1, §1.3): an act of the 信访 procedure cites the rule in
 * force on its date — 《信访条例》(国务院令第 431 号, 2005-01-10, in force 2005-05-01) until
 * 2022-04-30, 《信访工作条例》(2022-02-25, 第五十条: in force 2022-05-01) from then on. The
 * periods are the same (15 日 告知, 60 日 办理 + 30 日 延长, 30 日 复查/复核 both ways); the
 * article numbers differ. One table per instrument; checked against the texts in
 * /work/shared/reference/laws/.
 */
export type PetitionLaw = {
  /** 《信访条例》 or 《信访工作条例》. */
  name: string;
  /**
   * A 民政 office (not a 信访部门) tells the petitioner in writing within 15 日 of receipt whether
   * it accepts: for a petition brought to it directly (2005 第二十二条第二款; 2022 第二十三条第二款)
   * and for one transferred or assigned to it (2005 第二十一条第二款; 2022 第二十三条第三款). The
   * clock starts at registration, before the channel is stored, so both are cited. (2005
   * 第二十一条第一款 and 2022 第二十二条 are the 15 日 of a 信访工作机构 / 信访部门, not of a 民政 office.)
   */
  notice: string;
  /** 60 日 to 办结, extension ≤ 30 日 with the head's approval and the reason told. */
  handle: string;
  /** 复查: request within 30 日 of the written reply; opinion within 30 日. */
  review: string;
  /** 复核: the same one level up. */
  recheck: string;
  /** 异议 within 5 个工作日 of a transfer outside one's remit (2022 only). */
  objection: string | null;
  /** The basis of each 不予受理 / 不再受理 reason. */
  refusal: Record<RefusalCode, string>;
  /** The 办理 sentence of the default 受理告知书. */
  handleSentence: string;
  /** The 复查 right told in the 处理意见书. */
  reviewRight: string;
  /** The 复核 right told in the 复查意见书: 30 日 from receipt, to the level above the 复查 body. */
  recheckRight: string;
  /** What the 复核意见书 tells: the same facts and reasons are not accepted again. */
  finality: string;
};

export const IN_FORCE_2022 = '2022-05-01';

const L2005 = '《信访条例》';
const L2022 = '《信访工作条例》';

export const PETITION_LAW_2005: PetitionLaw = {
  name: L2005,
  notice: `${L2005}第二十一条第二款、第二十二条第二款`,
  handle: `${L2005}第三十三条`,
  review: `${L2005}第三十四条`,
  recheck: `${L2005}第三十五条`,
  objection: null,
  refusal: {
    statutory_route: `${L2005}第十四条第二款、第二十一条第一款第（一）项`,
    not_competent: `${L2005}第二十二条第一款`,
    rechecked_final: `${L2005}第三十五条第三款`,
    pending_upward: `${L2005}第十六条`,
    skip_level_visit: `${L2005}第十六条、第十八条`,
  },
  handleSentence: `依照${L2005}第三十三条，我机关将自受理之日起 60 日内办结并书面答复；情况复杂的，经本行政机关负责人批准可以适当延长，延长期限不超过 30 日，并告知延期理由。`,
  reviewRight: `如对本处理意见不服，可以自收到本意见书之日起 30 日内请求原办理行政机关的上一级行政机关复查（${L2005}第三十四条）。`,
  recheckRight: `如对本复查意见不服，可以自收到本意见书之日起 30 日内向复查机关的上一级行政机关请求复核（${L2005}第三十五条第一款）。`,
  finality: `本复核意见为信访事项的最终处理意见。对本复核意见不服，仍然以同一事实和理由提出投诉请求的，各级人民政府信访工作机构和其他行政机关不再受理（${L2005}第三十五条第三款）。`,
};

export const PETITION_LAW_2022: PetitionLaw = {
  name: L2022,
  notice: `${L2022}第二十三条第二款、第三款`,
  handle: `${L2022}第三十四条`,
  review: `${L2022}第三十五条`,
  recheck: `${L2022}第三十六条`,
  objection: `${L2022}第二十三条第三款`,
  refusal: {
    statutory_route: `${L2022}第二十条第二款、第二十八条第二款、第三十一条第一项至第四项`,
    not_competent: `${L2022}第二十三条第一款`,
    rechecked_final: `${L2022}第三十六条第三款`,
    pending_upward: `${L2022}第十九条第三款`,
    skip_level_visit: `${L2022}第二十条第一款`,
  },
  handleSentence: `依照${L2022}第三十四条，我单位将自受理之日起 60 日内办结并书面答复；情况复杂的，经本机关负责人批准可以适当延长，延长期限不超过 30 日，并告知延期理由。`,
  reviewRight: `如对本处理意见不服，可以自收到本意见书之日起 30 日内请求原办理机关、单位的上一级机关、单位复查（${L2022}第三十五条）。`,
  recheckRight: `如对本复查意见不服，可以自收到本意见书之日起 30 日内向复查机关、单位的上一级机关、单位请求复核（${L2022}第三十六条第一款）。`,
  finality: `本复核意见为信访事项的最终处理意见。对本复核意见不服，仍然以同一事实和理由提出投诉请求的，各级党委和政府信访部门和其他机关、单位不再受理（${L2022}第三十六条第三款）。`,
};

/** The instrument in force on a day ('YYYY-MM-DD'). */
export function petitionLawOn(date: string): PetitionLaw {
  return date < IN_FORCE_2022 ? PETITION_LAW_2005 : PETITION_LAW_2022;
}

/** The instrument in force today (China time) — the day of the act being taken in this transaction. */
export function petitionLawToday(tx: AppContext): PetitionLaw {
  return petitionLawOn(chinaDate(tx.clock.now()));
}

/**
 * Periods that are working rules of this platform, not articles of either 条例: the receiving
 * unit's 签收 within 3 日 of a 转办/交办, and the written feedback to a 督办 within 5 个工作日
 * (the 2005 条例 第三十六条 gave 30 日 for the reply to an 改进建议; the 2022 条例 第四十条 sets none).
 */
export const PLATFORM_RULE_ACKNOWLEDGE = '本平台工作规则（签收 3 日）';
export const PLATFORM_RULE_FEEDBACK = '本平台工作规则（督办反馈 5 个工作日）';
