import type { Calendar } from '../../kernel/calendar/calendar.ts';
import type { PeriodRule } from '../../kernel/calendar/contract.ts';
import { isIsoDate } from '../../kernel/calendar/dates.ts';
import { loadCalendar } from '../../kernel/calendar/load-calendar.ts';
import { MAX_COUNT } from '../../kernel/calendar/period.ts';
import { resolveCalendarArea, type CalendarArea } from '../../kernel/calendar/resolve-area.ts';
import { AppError } from '../../platform/errors.ts';
import { parseFlags } from './args.ts';
import { UsageError, type CliCommand, type CliIo } from './io.ts';

/**
 * `minzheng calendar add|explain|is-workday` — the working-day calendar from the command line.
 * Each opens the configured database, so the project's override rows (and the 宁夏 layer)
 * apply exactly as they do in the API. Bad input exits 2 before the database is touched.
 */

const AREA = /^(\d{6}|\d{9}|\d{12})$/;

function parseDate(v: string | true | undefined, flag: string): string {
  if (typeof v !== 'string') throw new UsageError(`缺少 ${flag} / ${flag} is required (YYYY-MM-DD)`);
  if (!isIsoDate(v)) throw new UsageError(`日期无效 / invalid date: ${v}（应为 YYYY-MM-DD 格式的真实日期 / expected a real YYYY-MM-DD date）`);
  return v;
}

function parseArea(v: string | true | undefined): string | null {
  if (v === undefined) return null;
  if (typeof v !== 'string' || !AREA.test(v))
    throw new UsageError(`行政区划代码无效 / invalid area code: ${String(v)}（应为 6、9 或 12 位数字 / 6, 9 or 12 digits）`);
  return v;
}

type RuleArgs = { from: string; rule: PeriodRule; area: string | null; rollForward: boolean };

function parseRuleArgs(argv: string[]): RuleArgs {
  const { flags, positional } = parseFlags(argv, ['from', 'workdays', 'days', 'months', 'area'], ['no-roll-forward']);
  if (positional.length) throw new UsageError(`多余的参数 / unexpected argument: ${positional[0]}`);
  const units = (['workdays', 'days', 'months'] as const).filter((u) => flags[u] !== undefined);
  if (units.length !== 1) throw new UsageError('须且只须指定 --workdays、--days、--months 之一 / give exactly one of --workdays, --days, --months');
  const unit = units[0]!;
  const raw = String(flags[unit]);
  if (!/^\d+$/.test(raw)) throw new UsageError(`期间数应为非负整数 / --${unit} must be a non-negative integer: ${raw}`);
  const n = Number(raw);
  if (n > MAX_COUNT[unit]) throw new UsageError(`期间数过大 / --${unit} too large: ${raw}（最大 / max ${MAX_COUNT[unit]}）`);
  if (flags['no-roll-forward'] && unit === 'workdays')
    throw new UsageError('--no-roll-forward 只适用于 --days、--months / applies to --days and --months only');
  return { from: parseDate(flags.from, '--from'), rule: { unit, n }, area: parseArea(flags.area), rollForward: !flags['no-roll-forward'] };
}

/** Open the database, load the calendar and resolve --area (unknown codes are usage errors). */
async function withCalendar<T>(io: CliIo, areaCode: string | null, fn: (cal: Calendar, area: CalendarArea | null) => T): Promise<T> {
  const { ctx, handle } = await io.open();
  try {
    let area: CalendarArea | null = null;
    if (areaCode) {
      try {
        area = await resolveCalendarArea(ctx, areaCode);
      } catch (e) {
        if (e instanceof AppError && e.code === 'CALENDAR_AREA_UNKNOWN') throw new UsageError(`未知的行政区划代码 / unknown area code: ${areaCode}`);
        throw e;
      }
    }
    return fn(await loadCalendar(ctx), area);
  } finally {
    await handle.close();
  }
}

function explainArgs(a: RuleArgs, area: CalendarArea | null) {
  return { areaPath: area?.path ?? null, ...(area ? { areaNames: area.names } : {}), rollForward: a.rollForward };
}

/** `calendar add --from D (--workdays N | --days N | --months N) [--area CODE] [--no-roll-forward]` → the due date alone. */
export const calendarAddCommand: CliCommand = async (argv, io) => {
  const a = parseRuleArgs(argv);
  const due = await withCalendar(io, a.area, (cal, area) => cal.explain(a.from, a.rule, explainArgs(a, area)).dueDate);
  io.out(due);
  return 0;
};

/** `calendar explain …` (same options) → the trace in Chinese (「为什么是这一天」). */
export const calendarExplainCommand: CliCommand = async (argv, io) => {
  const a = parseRuleArgs(argv);
  const text = await withCalendar(io, a.area, (cal, area) => cal.explain(a.from, a.rule, explainArgs(a, area)).text);
  io.out(text);
  return 0;
};

/** `calendar is-workday DATE [--area CODE]` → 'workday' or 'rest', a tab, and the reason. */
export const calendarIsWorkdayCommand: CliCommand = async (argv, io) => {
  const { flags, positional } = parseFlags(argv, ['area']);
  if (positional.length !== 1) throw new UsageError('calendar is-workday 需要一个日期 / needs exactly one date (YYYY-MM-DD)');
  const date = parseDate(positional[0], 'DATE');
  const areaCode = parseArea(flags.area);
  const r = await withCalendar(io, areaCode, (cal, area) => cal.isWorkday(date, area?.path ?? null));
  io.out(`${r.workday ? 'workday' : 'rest'}\t${r.reason}`);
  return 0;
};

/** For the lead to append to USAGE in src/server/cli.ts. */
export const CALENDAR_USAGE = `  calendar add --from YYYY-MM-DD (--workdays N | --days N | --months N) [--area CODE] [--no-roll-forward]
                                计算期限届满日 / compute a due date
  calendar explain …            同上，并说明理由 / same, with the trace（「为什么是这一天」）
  calendar is-workday YYYY-MM-DD [--area CODE]   是否工作日及原因 / workday or rest, and why`;
