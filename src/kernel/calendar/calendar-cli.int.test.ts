import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../../tests/helpers/test-context.ts';
import { calendarAddCommand, calendarExplainCommand, calendarIsWorkdayCommand } from '../../server/cli/calendar.ts';
import { UsageError, type CliCommand, type CliIo } from '../../server/cli/io.ts';
import { testActor } from '../audit/testing/audit-fixtures.ts';
import { setCalendarDay } from './set-calendar-day.ts';
import { openTestContext } from '../../../tests/helpers/test-context.ts';

let t: TestContext;
beforeAll(async () => {
  t = await openTestContext();
});
afterAll(() => t?.close());

/** Runs a command as src/server/cli.ts does: a UsageError is exit 2 with its message on stderr. */
async function run(cmd: CliCommand, argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  let opened = 0;
  let closed = 0;
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    open: async () => {
      opened++;
      return { ctx: t.ctx, handle: { ...t.handle, close: async () => void closed++ } };
    },
  };
  let code: number;
  try {
    code = await cmd(argv, io);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err.push(e.message);
    code = 2;
  }
  return { code, out, err, opened, closed };
}

describe('minzheng calendar add', () => {
  it.each([
    [['--from', '2019-06-04', '--workdays', '3', '--area', '640423'], '2019-06-12'],
    [['--from', '2019-06-04', '--workdays', '3'], '2019-06-10'],
    [['--from=2019-02-01', '--workdays=3', '--area=640000'], '2019-02-11'],
    [['--from', '2019-09-21', '--days', '10'], '2019-10-08'],
    [['--from', '2019-09-21', '--days', '10', '--no-roll-forward'], '2019-10-01'],
    [['--from', '2019-05-21', '--days', '15', '--area', '640423'], '2019-06-10'],
    [['--from', '2019-01-31', '--months', '1'], '2019-02-28'],
    [['--from', '2020-01-31', '--months', '1'], '2020-03-02'],
    [['--from', '2019-05-05', '--months', '1', '--area', '640000'], '2019-06-10'],
  ])('%j → %s', async (argv, due) => {
    const r = await run(calendarAddCommand, argv);
    expect(r).toMatchObject({ code: 0, out: [due], err: [], opened: 1, closed: 1 });
  });

  it('applies override rows from the database', async () => {
    await setCalendarDay(t.ctx, testActor({ areaPath: '640000', permissions: ['calendar.manage'] }), {
      date: '2019-06-11',
      areaCode: '640423',
      kind: 'rest',
      name: '县庆',
      reason: 'CLI 测试',
    });
    expect((await run(calendarAddCommand, ['--from', '2019-06-04', '--workdays', '3', '--area', '640423'])).out).toEqual(['2019-06-13']);
    expect((await run(calendarAddCommand, ['--from', '2019-06-04', '--workdays', '3', '--area', '640422'])).out).toEqual(['2019-06-12']);
  });

  it.each([
    [['--from', '2019-02-30', '--workdays', '3'], /日期无效 \/ invalid date: 2019-02-30/],
    [['--from', 'tomorrow', '--workdays', '3'], /日期无效 \/ invalid date: tomorrow/],
    [['--workdays', '3'], /缺少 --from \/ --from is required/],
    [['--from', '2019-06-04', '--workdays', '-3'], /非负整数 \/ --workdays must be a non-negative integer: -3/],
    [['--from', '2019-06-04', '--days', '1.5'], /非负整数 \/ --days must be a non-negative integer: 1.5/],
    [['--from', '2019-06-04', '--months', 'x'], /non-negative integer/],
    [['--from', '2019-06-04'], /exactly one of --workdays, --days, --months/],
    [['--from', '2019-06-04', '--workdays', '3', '--days', '3'], /exactly one of/],
    [['--from', '2019-06-04', '--workdays', '3', '--area', '64'], /invalid area code: 64/],
    [['--from', '2019-06-04', '--workdays', '3', '--no-roll-forward'], /--days and --months only/],
    [['--from', '2019-06-04', '--weeks', '3'], /unknown option: --weeks/],
  ])('%j exits 2 before opening the database', async (argv, message) => {
    const r = await run(calendarAddCommand, argv);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toMatch(message);
    expect(r.opened).toBe(0);
  });

  it('exits 2 for an unknown area and still closes the database', async () => {
    const r = await run(calendarAddCommand, ['--from', '2019-06-04', '--workdays', '3', '--area', '649999']);
    expect(r).toMatchObject({ code: 2, out: [], opened: 1, closed: 1 });
    expect(r.err[0]).toBe('未知的行政区划代码 / unknown area code: 649999');
  });
});

describe('minzheng calendar explain', () => {
  it('prints the trace in Chinese', async () => {
    const r = await run(calendarExplainCommand, ['--from', '2019-06-04', '--workdays', '3', '--area', '640000']);
    expect(r.code).toBe(0);
    const text = r.out.join('\n');
    expect(text).toContain('期限届满日为 2019-06-12（周三）');
    expect(text).toContain('2019-06-05 周三 不计：宁夏开斋节');
    expect(text).toContain('2019-06-07 周五 不计：法定节假日：端午');
    expect(text).toContain('适用地区：宁夏（640000）');
  });
});

describe('minzheng calendar is-workday', () => {
  it.each([
    [['2019-02-02', '--area', '640000'], 'workday\t周六，调休上班（春节）'],
    [['2019-06-05', '--area', '640423'], 'rest\t宁夏开斋节'],
    [['2019-06-05'], 'workday\t工作日'],
    [['2019-10-01'], 'rest\t法定节假日：国庆节'],
    [['2019-06-15'], 'rest\t周末'],
  ])('%j → %s', async (argv, line) => {
    expect(await run(calendarIsWorkdayCommand, argv)).toMatchObject({ code: 0, out: [line] });
  });

  it.each([[['2019-02-30']], [['tomorrow']], [[]], [['2019-06-05', '2019-06-06']], [['2019-06-05', '--area', 'abc']]])('%j exits 2', async (argv) => {
    expect((await run(calendarIsWorkdayCommand, argv)).code).toBe(2);
  });
});
