import { describe, expect, it } from 'vitest';
import { createCalendar } from './calendar.ts';
import { chineseDaysPackage } from './national-package.ts';
import { NINGXIA_FESTIVALS_2019_2021 } from './ningxia-festivals.ts';

const pkg = chineseDaysPackage();
const cal = createCalendar({
  version: 3,
  nationalSource: pkg.source,
  packageDays: pkg.days,
  nationalOverrides: [],
  regional: { '640000': NINGXIA_FESTIVALS_2019_2021 },
  areaLabels: { '640000': '宁夏' },
});
const LONGDE = '640000.640400.640423';
const names = { '640000': '宁夏', '640400': '固原市', '640423': '隆德县' };

describe('explain: N 工作日', () => {
  const e = cal.explain('2019-06-04', { unit: 'workdays', n: 3 }, { areaPath: LONGDE, areaNames: names });

  it('lists the start, every skipped rest day with its reason and every counted day', () => {
    expect(e.dueDate).toBe('2019-06-12');
    expect(e.steps.map((s) => [s.action, s.date, s.reason])).toEqual([
      ['start', '2019-06-04', '工作日'],
      ['skip', '2019-06-05', '宁夏开斋节'],
      ['skip', '2019-06-06', '宁夏开斋节'],
      ['skip', '2019-06-07', '法定节假日：端午'],
      ['skip', '2019-06-08', '周六，端午假期'],
      ['skip', '2019-06-09', '周日，端午假期'],
      ['count', '2019-06-10', '工作日'],
      ['count', '2019-06-11', '工作日'],
      ['count', '2019-06-12', '工作日'],
      ['due', '2019-06-12', '工作日'],
    ]);
    expect(e).toMatchObject({ countedDays: 3, skippedRestDays: 5, makeupWorkdays: 0, calendarVersion: 3, rolledForward: false, warnings: [] });
  });

  it('renders the trace in Chinese', () => {
    expect(e.text).toContain('为什么是这一天：自 2019-06-04（周二）起计算 3 个工作日，期限届满日为 2019-06-12（周三）。');
    expect(e.text).toContain('适用地区：宁夏（640000）› 固原市（640400）› 隆德县（640423）');
    expect(e.text).toContain('2019-06-05 周三 不计：宁夏开斋节');
    expect(e.text).toContain('2019-06-07 周五 不计：法定节假日：端午');
    expect(e.text).toContain('2019-06-12 周三 第 3 个工作日，期限届满');
    expect(e.text).toContain('共计 3 个工作日，跳过休息日 5 天');
    expect(e.text).toContain('《行政许可法》第八十二条');
    expect(e.text).toContain('日历版本：v3');
  });

  it('marks the 调休 working weekend days it counts', () => {
    const m = cal.explain('2019-02-01', { unit: 'workdays', n: 3 });
    expect(m.dueDate).toBe('2019-02-11');
    expect(m.steps.filter((s) => s.action === 'count').map((s) => s.action === 'count' && [s.date, s.makeup])).toEqual([
      ['2019-02-02', true],
      ['2019-02-03', true],
      ['2019-02-11', false],
    ]);
    expect(m.makeupWorkdays).toBe(2);
    expect(m.text).toContain('2019-02-02 周六 第 1 个工作日（周六，调休上班（春节），计入）');
    expect(m.text).toContain('适用地区：全国');
  });
});

describe('explain: N 日 and N 个月', () => {
  it('shows the roll-forward over each rest day after a period that ends on a holiday', () => {
    const e = cal.explain('2019-09-21', { unit: 'days', n: 10 });
    expect(e.periodEnd).toBe('2019-10-01');
    expect(e.dueDate).toBe('2019-10-08');
    expect(e.rolledForward).toBe(true);
    expect(e.steps.filter((s) => s.action === 'roll_forward').map((s) => s.date)).toEqual([
      '2019-10-01',
      '2019-10-02',
      '2019-10-03',
      '2019-10-04',
      '2019-10-05',
      '2019-10-06',
      '2019-10-07',
    ]);
    expect(e.steps.filter((s) => s.action === 'count')).toHaveLength(10);
    expect(e.text).toContain('2019-09-22 至 2019-10-01 连续计算 10 日');
    expect(e.text).toContain('2019-10-01 周二 为期间的最后一日：法定节假日：国庆节，顺延');
    expect(e.text).toContain('2019-10-08 周二 顺延后的第一个工作日，期限届满');
    expect(e.text).toContain('《民法典》第二百零三条');
  });

  it('names the 调休 working weekend days inside a calendar-day period', () => {
    const e = cal.explain('2019-01-26', { unit: 'days', n: 7 });
    expect(e.dueDate).toBe('2019-02-02');
    expect(e.rolledForward).toBe(false);
    expect(e.makeupWorkdays).toBe(1);
    expect(e.text).toContain('其中调休上班日 1 天：2019-02-02');
    expect(e.text).toContain('2019-02-02 周六 为期间的最后一日：周六，调休上班（春节），期限届满');
  });

  it('can be told not to roll forward', () => {
    const e = cal.explain('2019-09-21', { unit: 'days', n: 10 }, { rollForward: false });
    expect(e.dueDate).toBe('2019-10-01');
    expect(e.basis.join()).toContain('不作顺延');
  });

  it('explains a month end without a corresponding day, then the roll-forward', () => {
    const e = cal.explain('2020-01-31', { unit: 'months', n: 1 });
    expect(e.steps.map((s) => s.action)).toEqual(['start', 'month_end', 'roll_forward', 'roll_forward', 'due']);
    expect(e.steps[1]).toMatchObject({ date: '2020-02-29', clamped: true, workday: false });
    expect(e.dueDate).toBe('2020-03-02');
    expect(e.text).toContain('2020-02-29 周六 到期月的月末日（没有对应日）');
    expect(e.text).toContain('《民法典》第二百零二条');
  });
});

describe('explain: warnings', () => {
  it('warns when a year has no 国务院 schedule or no 宁夏 festival dates', () => {
    const e = cal.explain('2026-12-20', { unit: 'workdays', n: 10 }, { areaPath: '640000' });
    expect(e.warnings).toEqual([
      '2026 年宁夏的地方节假日（如开斋节、古尔邦节）尚未录入，结果可能不准确',
      '2027 年：该年放假安排未发布，按法定节日推算（《全国年节及纪念日放假办法》第二条，不含调休）；国务院办公厅的通知录入后，期限自动重算',
      '2027 年宁夏的地方节假日（如开斋节、古尔邦节）尚未录入，结果可能不准确',
    ]);
    expect(e.text).toContain('注意：2027 年：该年放假安排未发布，按法定节日推算');
    expect(cal.explain('2021-05-01', { unit: 'workdays', n: 5 }, { areaPath: '640000' }).warnings).toEqual([]);
    expect(cal.explain('2026-05-01', { unit: 'workdays', n: 5 }).warnings).toEqual([]);
  });
});
