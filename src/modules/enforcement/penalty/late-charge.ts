import { daysBetweenIso } from '../../../kernel/calendar/index.ts';

/**
 * 加处罚款 (第七十二条第一款第(一)项): 3% of the fine for each day after the payment due date,
 * capped at the fine itself (行政强制法 第四十五条; the 2021 text says it in the same sentence).
 * Amounts in fen to avoid float drift; the result in yuan with two decimals.
 */
export function lateCharge(fine: number, dueOn: string, paidOn: string): { daysLate: number; charge: number; capped: boolean } {
  const daysLate = Math.max(0, daysBetweenIso(dueOn, paidOn));
  const fen = Math.round(fine * 100);
  const raw = Math.round((fen * 3 * daysLate) / 100);
  const capped = raw > fen;
  return { daysLate, charge: (capped ? fen : raw) / 100, capped };
}
