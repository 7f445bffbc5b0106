import { withTx, type AppContext } from '../../../platform/context.ts';
import { badRequest, conflict } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { areaChain } from '../../calendar/calendar.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { requireDate, requireRule, requireText } from './clock-checks.ts';
import { clockCalendars, noteClockWrite, toClock } from './clock-repository.ts';
import { computeDue } from './compute-due.ts';
import { CLOCK_ERRORS, type ClockChange, type ClockRule } from './contract.ts';

export type StartClockInput = {
  caseId: string;
  /** Unique per case, e.g. 'triage', 'acknowledge:<handoffId>', 'handle'. */
  name: string;
  /** Chinese, e.g. '甄别受理期限'. */
  label: string;
  rule: ClockRule;
  /** Text with the article, e.g. '《信访工作条例》第二十二条'. */
  legalBasis: string;
  /** Whose calendar applies: the area of the body that must act. */
  areaCode: string;
  areaPath: string;
  /** The day of receipt (not counted). */
  startDate: string;
  /** Remind when this many working days remain (default 3). */
  warnWorkdays?: number;
  /** deadline (default) or period: a period that must elapse is never overdue. */
  kind?: 'deadline' | 'period';
};

/** Start a deadline clock on a case (开始计时) and compute its due date on the current calendar. */
export async function startClock(ctx: AppContext, input: StartClockInput): Promise<ClockChange> {
  return withTx(ctx, async (tx) => {
    const name = requireText('name', input.name);
    const label = requireText('label', input.label);
    const legalBasis = requireText('legalBasis', input.legalBasis);
    const rule = requireRule('rule', input.rule);
    const startDate = requireDate('startDate', input.startDate, chinaDate(tx.clock.now()));
    const areaPath = checkArea(input.areaCode, input.areaPath);
    const warn = input.warnWorkdays ?? 3;
    if (!Number.isInteger(warn) || warn < 0 || warn > 100) throw badRequest('CLOCK_FIELD_REQUIRED', '提醒天数应为 0 至 100 的整数', { field: 'warnWorkdays' });
    const calendar = await clockCalendars.get(tx);
    const dueDate = computeDue(calendar, { rule, startDate, areaPath, suspensions: [], extensions: [], restarts: [] });
    const now = tx.clock.now();
    noteClockWrite(tx);
    const row = await tx.db
      .insertInto('core.deadline_clock')
      .values({
        id: uuidv7(now.getTime()),
        case_id: input.caseId,
        name,
        label,
        kind: input.kind ?? 'deadline',
        rule_unit: rule.unit,
        rule_n: rule.n,
        legal_basis: legalBasis,
        area_code: input.areaCode,
        area_path: areaPath,
        start_date: startDate,
        calendar_version: calendar.version,
        suspensions: '[]',
        extensions: '[]',
        restarts: '[]',
        warn_workdays: warn,
        due_date: dueDate,
        state: 'running',
        created_at: now,
        updated_at: now,
      })
      // One name per case (unique): an existing clock inserts nothing and reads as CLOCK_EXISTS.
      .onConflict((oc) => oc.columns(['case_id', 'name']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) throw conflict('CLOCK_EXISTS', CLOCK_ERRORS.CLOCK_EXISTS, { name });
    return { clock: toClock(row), dueChanged: true, previousDue: null };
  });
}

function checkArea(areaCode: string, areaPath: string): string {
  let chain: string[];
  try {
    chain = areaChain(areaPath);
  } catch {
    chain = [];
  }
  if (!chain.length || chain.at(-1) !== areaCode) throw badRequest('CLOCK_AREA_INVALID', CLOCK_ERRORS.CLOCK_AREA_INVALID, { field: 'areaPath' });
  return areaPath;
}
