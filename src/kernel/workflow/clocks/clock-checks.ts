import { badRequest, conflict } from '../../../platform/errors.ts';
import { isIsoDate } from '../../calendar/dates.ts';
import { validateRule } from '../../calendar/period.ts';
import { clockWindow } from './clock-window.ts';
import { CLOCK_ERRORS, type ClockRule, type DeadlineClock } from './contract.ts';

/** Input checks shared by the clock commands; every failure is a 4xx naming the field. */

export function requireDate(field: string, v: unknown, today: string): string {
  if (!isIsoDate(v)) throw badRequest('CLOCK_DATE_INVALID', CLOCK_ERRORS.CLOCK_DATE_INVALID, { field });
  // A date after today would be a guess about the future, not a record of what happened.
  if (v > today) throw badRequest('CLOCK_DATE_FUTURE', CLOCK_ERRORS.CLOCK_DATE_FUTURE, { field, today });
  return v;
}

export function requireText(field: string, v: unknown): string {
  if (typeof v !== 'string' || !v.trim()) throw badRequest('CLOCK_FIELD_REQUIRED', `${CLOCK_ERRORS.CLOCK_FIELD_REQUIRED}：${field}`, { field });
  return v.trim();
}

export function requireRule(field: string, rule: ClockRule): ClockRule {
  try {
    validateRule(rule);
  } catch {
    throw badRequest('CLOCK_RULE_INVALID', CLOCK_ERRORS.CLOCK_RULE_INVALID, { field });
  }
  return { unit: rule.unit, n: rule.n };
}

export function assertNotStopped(c: DeadlineClock): void {
  if (c.state === 'met' || c.state === 'missed') throw conflict('CLOCK_STOPPED', CLOCK_ERRORS.CLOCK_STOPPED, { clock: c.name, state: c.state });
}

/** Suspensions, extensions and restarts cannot reach back before the start (or the latest restart). */
export function assertFromBase(c: DeadlineClock, field: string, date: string): void {
  const { base } = clockWindow(c);
  if (date < base) throw badRequest('CLOCK_BEFORE_START', CLOCK_ERRORS.CLOCK_BEFORE_START, { field, base });
}
