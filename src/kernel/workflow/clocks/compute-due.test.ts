import { describe, expect, it } from 'vitest';
import { computeDue } from './compute-due.ts';
import { createCalendar } from '../../calendar/calendar.ts';
import { chineseDaysPackage } from '../../calendar/national-package.ts';
import { extension, NINGXIA, restart, spec, suspension, testCalendar } from './testing/clock-fixtures.ts';

const cal = testCalendar();

/*
 * Every expected date below was worked out by hand from the 2019–2020 State Council notices
 * and 宁夏's festival dates (regulations.md §11.2), not by running the code:
 *   2019: 劳动节 05-01..04 off, 04-28 (Sun) and 05-05 (Sun) worked; 开斋节 06-05, 06-06 (宁夏);
 *   端午 06-07 + weekend; 古尔邦节 08-12, 08-13 (宁夏); 中秋 09-13 + weekend;
 *   国庆 10-01..07 off, 09-29 (Sun) and 10-12 (Sat) worked. 2020-02-29 is a Saturday.
 */
describe('computeDue: plain rules', () => {
  it('15 日 from 2019-05-21 at 隆德县 ends on 开斋节 and rolls to 2019-06-10', () => {
    // 05-21 + 15: 05-31 is +10, 06-05 is +15. 06-05/06 开斋节 (宁夏), 06-07 端午, 06-08/09 weekend → Mon 06-10.
    expect(computeDue(cal, spec({ unit: 'days', n: 15 }, '2019-05-21'))).toBe('2019-06-10');
    // Outside 宁夏's layer 06-05 is an ordinary Wednesday.
    expect(computeDue(cal, spec({ unit: 'days', n: 15 }, '2019-05-21', { areaPath: '110000' }))).toBe('2019-06-05');
  });

  it('15 工作日 from 2019-04-22 counts the two 劳动节 调休 Sundays', () => {
    // 04-23..26 (1–4), 04-27 Sat skip, 04-28 Sun worked (5), 04-29, 30 (6, 7), 05-01..04 off,
    // 05-05 Sun worked (8), 05-06..10 (9–13), weekend, 05-13 (14), 05-14 (15).
    expect(computeDue(cal, spec({ unit: 'workdays', n: 15 }, '2019-04-22'))).toBe('2019-05-14');
  });

  it('months: the corresponding day, the month end when there is none, then the roll-forward', () => {
    // 2019-01-31 + 1 个月: February has no 31st → 02-28 (Thu, a working day; 春节 is 02-04..10).
    expect(computeDue(cal, spec({ unit: 'months', n: 1 }, '2019-01-31'))).toBe('2019-02-28');
    // 2019-11-30 + 3 个月 → 2020-02-29 (leap day, Sat), 03-01 Sun → Mon 03-02.
    expect(computeDue(cal, spec({ unit: 'months', n: 3 }, '2019-11-30'))).toBe('2020-03-02');
  });
});

describe('computeDue: extensions', () => {
  it('60 日 + 30 日 延长 counts the extension from the rolled due date', () => {
    // 《信访工作条例》第三十四条. 07-02 + 60: 07-31 is +29, 08-31 (Sat) +60; Sun 09-01 → Mon 09-02.
    const base = spec({ unit: 'days', n: 60 }, '2019-07-02');
    expect(computeDue(cal, base)).toBe('2019-09-02');
    // Extension from 09-02: 09-30 is +28, 10-02 +30 — 国庆; 10-03..07 off → Tue 10-08.
    expect(computeDue(cal, { ...base, extensions: [extension(30, 'days', '2019-08-28')] })).toBe('2019-10-08');
  });

  it('20 工作日 + 20 工作日 with a 第三方意见 suspension inside the extension', () => {
    // 政府信息公开条例 第三十三条. From Mon 2019-09-02 at 宁夏: 09-03..06 (1–4), 09-09..12 (5–8),
    // 09-13 中秋 + weekend, 09-16..20 (9–13), 09-23..27 (14–18), Sun 09-29 worked (19), 09-30 (20).
    const base = spec({ unit: 'workdays', n: 20 }, '2019-09-02', { areaPath: NINGXIA });
    expect(computeDue(cal, base)).toBe('2019-09-30');
    // Extension from 09-30: 10-01..07 off, 10-08..11 (1–4), Sat 10-12 worked (5), 10-14..18 (6–10),
    // 10-21..25 (11–15), 10-28..31 (16–19), 11-01 (20).
    const ext = { ...base, extensions: [extension(20, 'workdays', '2019-09-27')] };
    expect(computeDue(cal, ext)).toBe('2019-11-01');
    // Third-party consultation 10-21..10-27 (resumed 10-28): its 5 working days are not counted, so
    // 10-28..31 (11–14), 11-01 (15), 11-04..08 (16–20) → Fri 11-08.
    expect(computeDue(cal, { ...ext, suspensions: [suspension('third_party', '2019-10-21', '2019-10-28', '征求第三方意见')] })).toBe('2019-11-08');
  });
});

describe('computeDue: suspensions', () => {
  it('a 10-working-day 补正 suspension moves a 15 工作日 deadline by 10 working days', () => {
    // Suspended 05-06..05-19 (resumed Mon 05-20): working days inside = 05-06..10 and 05-13..17 = 10.
    // Counted: 04-23..26, 04-28, 04-29, 04-30, 05-05 (1–8), then 05-20..24 (9–13), 05-27 (14), 05-28 (15).
    // Check: 05-14 + 10 working days = 05-15..17 (3), 05-20..24 (8), 05-27, 05-28 (10) → 05-28.
    const s = spec({ unit: 'workdays', n: 15 }, '2019-04-22', { suspensions: [suspension('correction', '2019-05-06', '2019-05-20')] });
    expect(computeDue(cal, s)).toBe('2019-05-28');
  });

  it('an open suspension pauses the clock: no due date', () => {
    const s = spec({ unit: 'workdays', n: 15 }, '2019-04-22', { suspensions: [suspension('correction', '2019-05-06', null)] });
    expect(computeDue(cal, s)).toBeNull();
  });

  it('calendar days: the due date moves by the suspended days, then rolls forward', () => {
    // 60 日 from 2019-07-02 → 08-31 (before roll-forward). A hearing 07-10..07-22 (13 days,
    // resumed 07-23) moves the last day to 09-13 (08-31 + 13) — 中秋; 09-14/15 weekend → Mon 09-16.
    const s = spec({ unit: 'days', n: 60 }, '2019-07-02', { suspensions: [suspension('hearing', '2019-07-10', '2019-07-23', '听证')] });
    expect(computeDue(cal, s)).toBe('2019-09-16');
  });

  it('months: the corresponding day moves by the suspended days, then rolls forward', () => {
    // 2 个月 from 2019-03-31 → 05-31 (Fri). 鉴定 04-10..04-14 (5 days, resumed 04-15) → 05-31 + 5 =
    // 06-05: 开斋节 at 隆德县 → 06-06 开斋节, 06-07 端午, weekend → Mon 06-10; nationally 06-05 is a Wednesday.
    const susp = [suspension('appraisal', '2019-04-10', '2019-04-15', '鉴定')];
    expect(computeDue(cal, spec({ unit: 'months', n: 2 }, '2019-03-31', { suspensions: susp }))).toBe('2019-06-10');
    expect(computeDue(cal, spec({ unit: 'months', n: 2 }, '2019-03-31', { suspensions: susp, areaPath: '110000' }))).toBe('2019-06-05');
  });

  it('a due date that falls inside a suspension moves to the day counting resumes', () => {
    // 15 日 from 2019-05-21 rolls to 06-10 (above); a suspension 06-08..06-11 (resumed Wed 06-12)
    // covers that Monday, so the first working, unsuspended day is 06-12.
    const s = spec({ unit: 'days', n: 15 }, '2019-05-21', { suspensions: [suspension('other', '2019-06-08', '2019-06-12', '其他')] });
    expect(computeDue(cal, s)).toBe('2019-06-12');
    // Two back-to-back suspensions 06-08..06-10 and 06-11..06-12: counting resumes Thu 06-13.
    const two = spec({ unit: 'days', n: 15 }, '2019-05-21', {
      suspensions: [suspension('other', '2019-06-08', '2019-06-11', '其他'), suspension('hearing', '2019-06-11', '2019-06-13', '听证')],
    });
    expect(computeDue(cal, two)).toBe('2019-06-13');
  });

  it('adjacent suspensions are both skipped', () => {
    // 15 工作日 from 2019-04-22 with 05-06..05-12 and 05-13..05-19: same days as the single suspension above.
    const s = spec({ unit: 'workdays', n: 15 }, '2019-04-22', {
      suspensions: [suspension('correction', '2019-05-06', '2019-05-13'), suspension('appraisal', '2019-05-13', '2019-05-20', '鉴定')],
    });
    expect(computeDue(cal, s)).toBe('2019-05-28');
  });

  it('a 鉴定 suspension longer than a year, across the year end', () => {
    // 15 工作日 from 2019-04-22: 8 counted up to 05-05 (above); suspended 2019-05-06..2020-05-05.
    // From Wed 2020-05-06 (劳动节 2020 was 05-01..05): 05-06..08 (9–11), Sat 05-09 worked (12),
    // 05-11..13 (13–15) → 2020-05-13.
    const s = spec({ unit: 'workdays', n: 15 }, '2019-04-22', { suspensions: [suspension('appraisal', '2019-05-06', '2020-05-06', '鉴定')] });
    expect(computeDue(cal, s)).toBe('2020-05-13');
  });

  it('a suspension from the start date itself, and an empty one', () => {
    // 15 日 from 2019-05-21 with 05-21..05-23 suspended: the start day is not counted anyway, so two
    // days (05-22, 05-23) shift the last day 06-05 → 06-07 (端午) → weekend → Mon 06-10, as without it.
    const s = spec({ unit: 'days', n: 15 }, '2019-05-21', { suspensions: [suspension('correction', '2019-05-21', '2019-05-24')] });
    expect(computeDue(cal, s)).toBe('2019-06-10');
    // Nationally 06-05 + 2 = 06-07 端午 → Mon 06-10, while without the suspension it is 06-05.
    expect(computeDue(cal, { ...s, areaPath: '110000' })).toBe('2019-06-10');
    const empty = spec({ unit: 'days', n: 15 }, '2019-05-21', { suspensions: [suspension('other', '2019-05-25', '2019-05-25', '其他')], areaPath: '110000' });
    expect(computeDue(cal, empty)).toBe('2019-06-05');
  });

  it('a suspension after the due date has no effect', () => {
    const s = spec({ unit: 'workdays', n: 15 }, '2019-04-22', { suspensions: [suspension('other', '2019-05-15', '2019-05-30', '其他')] });
    expect(computeDue(cal, s)).toBe('2019-05-14');
  });
});

describe('computeDue: restarts', () => {
  it('counts afresh from the restart; the earlier 补正 suspension and extension drop out', () => {
    // 政府信息公开条例 第三十条: after 补正 the period runs from receipt of the corrected request.
    // 20 工作日 from 2019-05-27 at 隆德县 without restart: 05-28..31 (1–4), 06-03, 04 (5, 6), 06-05/06 开斋节,
    // 06-07 端午 + weekend, 06-10..14 (7–11), 06-17..21 (12–16), 06-24..27 (17–20) → 06-27.
    const base = spec({ unit: 'workdays', n: 20 }, '2019-05-27');
    expect(computeDue(cal, base)).toBe('2019-06-27');
    // Restart 06-04 (Tue): 06-05..09 off, 06-10..14 (1–5), 06-17..21 (6–10), 06-24..28 (11–15),
    // 07-01..05 (16–20) → Fri 07-05. Nationally 06-05, 06 count: 06-05, 06 (1, 2), 06-10..14 (3–7),
    // 06-17..21 (8–12), 06-24..28 (13–17), 07-01..03 (18–20) → 07-03.
    const restarted = {
      ...base,
      suspensions: [suspension('correction', '2019-05-30', '2019-06-04')],
      extensions: [extension(10, 'workdays', '2019-06-03')],
      restarts: [restart('2019-06-04')],
    };
    expect(computeDue(cal, restarted)).toBe('2019-07-05');
    expect(computeDue(cal, { ...restarted, areaPath: '110000' })).toBe('2019-07-03');
  });

  it('the latest restart wins', () => {
    const s = spec({ unit: 'workdays', n: 20 }, '2019-05-27', { restarts: [restart('2019-06-04'), restart('2019-05-29')] });
    expect(computeDue(cal, s)).toBe('2019-07-05');
  });

  it('a suspension after the restart still counts', () => {
    // From the 06-04 restart (due 07-05), suspend 06-17..06-21 (5 working days) → 07-05 + 5 working days = 07-12.
    const s = spec({ unit: 'workdays', n: 20 }, '2019-05-27', {
      restarts: [restart('2019-06-04')],
      suspensions: [suspension('correction', '2019-06-17', '2019-06-22')],
    });
    expect(computeDue(cal, s)).toBe('2019-07-12');
  });
});

describe('computeDue: remembered walks', () => {
  it('are kept per calendar: the same record on a calendar without the regional layer is walked again', () => {
    const s = spec({ unit: 'days', n: 15 }, '2019-05-21');
    const pkg = chineseDaysPackage();
    const nationalOnly = createCalendar({ version: 4, nationalSource: pkg.source, packageDays: pkg.days, nationalOverrides: [], regional: {} });
    expect(computeDue(cal, s)).toBe('2019-06-10');
    // 06-05 is an ordinary Wednesday without the regional layer.
    expect(computeDue(nationalOnly, s)).toBe('2019-06-05');
    expect(computeDue(cal, s)).toBe('2019-06-10');
  });
});
