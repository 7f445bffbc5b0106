import type { PeriodSpec } from '../../kernel/workflow/index.ts';

/**
 * The law of the day (regulations.md §5.2): an act of the penalty procedure follows 《行政处罚法》 as
 * in force on its date — the 2017 text (2017-09-01 revision) until 2021-07-14, the 2021 revision
 * (第八十六条: in force 2021-07-15) from then on. The 2021 text is in /work/shared/reference/laws/;
 * the 2017 article numbers are from the 2017 consolidated text (not in the reference set).
 *
 * Differences that change what the platform does:
 * - 第八十五条 (2021 only): "二日""三日""五日""七日" are working days; under the 2017 text they are
 *   calendar days (民事诉讼法 期间, last day rolled past rest days).
 * - the hearing request: 5 日 (2021 第六十四条) vs 3 日 (2017 第四十二条);
 * - limitation: 2 years, 5 for life/health/financial safety with harm (2021 第三十六条) vs 2 years only (2017 第二十九条);
 * - the 90-日 decision period (2021 第六十条) did not exist in 2017: the platform's rule applies instead.
 */
export type PenaltyLaw = {
  version: '2017' | '2021';
  name: string;
  /** A statutory "N日" period in the unit this text counts it in. */
  shortDays(n: 2 | 3 | 5 | 7): PeriodSpec;
  hearingRequest: PeriodSpec;
  maxLimitationYears: 2 | 5;
  art: {
    doublePenalty: string;
    firstOffence: string;
    limitation: string;
    officers: string;
    notice: string;
    record: string | null;
    publish: string | null;
    filing: string;
    preservation: string;
    decision: string;
    review: string;
    decideWithin: string;
    service: string;
    hearing: string;
    payment: string;
    lateCharge: string;
    dayRule: string | null;
  };
};

export const IN_FORCE_2021 = '2021-07-15';
const N2017 = '《中华人民共和国行政处罚法》（2017年修正）';
const N2021 = '《中华人民共和国行政处罚法》（2021年修订）';

export const PENALTY_LAW_2017: PenaltyLaw = {
  version: '2017',
  name: N2017,
  shortDays: (n) => ({ unit: 'days', n }),
  hearingRequest: { unit: 'days', n: 3 },
  maxLimitationYears: 2,
  art: {
    doublePenalty: `${N2017}第二十四条`,
    firstOffence: `${N2017}第二十七条第二款`,
    limitation: `${N2017}第二十九条`,
    officers: `${N2017}第三十七条第一款`,
    notice: `${N2017}第三十一条、第三十二条`,
    record: null,
    publish: null,
    filing: `${N2017}第三十六条`,
    preservation: `${N2017}第三十七条第二款`,
    decision: `${N2017}第三十八条第一款`,
    review: `${N2017}第三十八条第三款`,
    decideWithin: '本平台工作规则（2017年修正文本未规定期限，参照九十日）',
    service: `${N2017}第四十条`,
    hearing: `${N2017}第四十二条`,
    payment: `${N2017}第四十六条`,
    lateCharge: `${N2017}第五十一条第（一）项、《中华人民共和国行政强制法》第四十五条`,
    dayRule: null,
  },
};

export const PENALTY_LAW_2021: PenaltyLaw = {
  version: '2021',
  name: N2021,
  shortDays: (n) => ({ unit: 'workdays', n }),
  hearingRequest: { unit: 'workdays', n: 5 },
  maxLimitationYears: 5,
  art: {
    doublePenalty: `${N2021}第二十九条`,
    firstOffence: `${N2021}第三十三条第一款`,
    limitation: `${N2021}第三十六条`,
    officers: `${N2021}第四十二条`,
    notice: `${N2021}第四十四条、第四十五条`,
    record: `${N2021}第四十七条`,
    publish: `${N2021}第四十八条`,
    filing: `${N2021}第五十四条`,
    preservation: `${N2021}第五十六条`,
    decision: `${N2021}第五十七条`,
    review: `${N2021}第五十八条`,
    decideWithin: `${N2021}第六十条`,
    service: `${N2021}第六十一条`,
    hearing: `${N2021}第六十三条、第六十四条`,
    payment: `${N2021}第六十七条`,
    lateCharge: `${N2021}第七十二条第一款第（一）项`,
    dayRule: `${N2021}第八十五条`,
  },
};

/** The text in force on a day ('YYYY-MM-DD'). */
export function penaltyLawOn(date: string): PenaltyLaw {
  return date < IN_FORCE_2021 ? PENALTY_LAW_2017 : PENALTY_LAW_2021;
}

/** The basis of a short statutory period, with 第八十五条 where it makes the days working days. */
export function shortPeriodBasis(law: PenaltyLaw, article: string): string {
  return law.art.dayRule ? `${article}、${law.art.dayRule}` : article;
}

/** 《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》. */
export const GUIDELINE_118 = '国办发〔2018〕118号';
