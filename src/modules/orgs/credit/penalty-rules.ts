import { addMonthsClampedIso } from '../../../kernel/calendar/index.ts';
import type { OrgKind } from '../contract.ts';

/**
 * 行政处罚 (other than 撤销登记) and what the credit rules read from them. Measures per kind, checked in the
 * regulations' texts: 社会团体 第三十条 (警告、限期停止活动、责令撤换直接负责的主管人员；违法所得没收并处罚款),
 * 民办非企业单位 第二十五条 (警告、限期停止活动；没收并处罚款), 基金会 第四十二条 (警告、责令停止活动).
 */
export const PENALTY_MEASURES = ['warning', 'fine', 'confiscation', 'suspension', 'dismissal'] as const;
export type PenaltyMeasure = (typeof PENALTY_MEASURES)[number];
export const PENALTY_MEASURE_LABEL: Record<PenaltyMeasure, string> = {
  warning: '警告',
  fine: '罚款',
  confiscation: '没收违法所得',
  suspension: '限期停止活动',
  dismissal: '责令撤换直接负责的主管人员',
};
export const PENALTY_BASES: Record<OrgKind, { article: string; basis: string; measures: readonly PenaltyMeasure[] }> = {
  social_group: {
    article: '30',
    basis: '《社会团体登记管理条例》第三十条',
    measures: ['warning', 'fine', 'confiscation', 'suspension', 'dismissal'],
  },
  social_service: { article: '25', basis: '《民办非企业单位登记管理暂行条例》第二十五条', measures: ['warning', 'fine', 'confiscation', 'suspension'] },
  foundation: { article: '42', basis: '《基金会管理条例》第四十二条', measures: ['warning', 'suspension'] },
};

/** 5万元 in 分: the line between 活动异常名录 and 严重违法失信名单 for a fine (民政部令第60号). */
export const MAJOR_FINE_CENTS = 5_000_000;
/** Window of 60号令's “三年内两次以上受到警告或者不满5万元罚款处罚”, and of the withheld 3A+ preference. */
export const PENALTY_WINDOW_MONTHS = 36;

export type Penalty = { decidedOn: string; warning: boolean; fineCents: number | null; suspendedUntil: string | null };

/** A warning or a fine under 5万元: 60号令 活动异常名录 reason 5. */
export const isMinor = (p: Penalty) => p.warning || (p.fineCents !== null && p.fineCents < MAJOR_FINE_CENTS);

/**
 * The listings a new decision brings the day it is decided (民政部令第60号): a warning or a fine under 5万元 →
 * 活动异常名录 (minor_penalty); a fine of 5万元 or more → 严重违法失信名单 (major_fine); 限期停止活动 →
 * 严重违法失信名单 (suspension); the second minor penalty within three years (earlier decisions given) →
 * 严重违法失信名单 (repeat_penalty).
 */
export function penaltyListings(p: Penalty, earlier: readonly Penalty[]) {
  const out: { list: 'abnormal' | 'serious'; reason: string }[] = [];
  if (isMinor(p)) {
    out.push({ list: 'abnormal', reason: 'minor_penalty' });
    const from = addMonthsClampedIso(p.decidedOn, -PENALTY_WINDOW_MONTHS);
    if (earlier.some((e) => isMinor(e) && e.decidedOn > from && e.decidedOn <= p.decidedOn)) out.push({ list: 'serious', reason: 'repeat_penalty' });
  }
  if (p.fineCents !== null && p.fineCents >= MAJOR_FINE_CENTS) out.push({ list: 'serious', reason: 'major_fine' });
  if (p.suspendedUntil !== null) out.push({ list: 'serious', reason: 'suspension' });
  return out;
}

/** The decision, if any, that suspends the organization's activities on `day`. */
export const suspensionOn = (ps: readonly Penalty[], day: string) =>
  ps.find((p) => p.suspendedUntil !== null && p.decidedOn <= day && day <= p.suspendedUntil) ?? null;

/** The latest decision within the three years up to `day` (it withholds the 3A+ preference), or null. */
export function recentPenalty(ps: readonly Penalty[], day: string): Penalty | null {
  const from = addMonthsClampedIso(day, -PENALTY_WINDOW_MONTHS);
  const xs = ps.filter((p) => p.decidedOn > from && p.decidedOn <= day).sort((a, b) => (a.decidedOn < b.decidedOn ? 1 : -1));
  return xs[0] ?? null;
}
