import { describe, expect, it } from 'vitest';
import { renderExplainText } from './explain-text.ts';
import { explainClock } from './explain-clock.ts';
import { extension, restart, spec, suspension, testCalendar } from './testing/clock-fixtures.ts';

const cal = testCalendar(3);
const names = { '640000': '宁夏', '640400': '固原市', '640423': '隆德县' };

describe('explainClock', () => {
  it('15 日 at 隆德县：every counted day, the 开斋节/端午 roll-forward with the calendar reasons', () => {
    const t = explainClock(
      cal,
      { ...spec({ unit: 'days', n: 15 }, '2019-05-21'), label: '甄别受理期限', legalBasis: '《信访工作条例》第二十二条' },
      { areaNames: names },
    );
    expect(t.dueDate).toBe('2019-06-10');
    const counts = t.entries.filter((e) => e.kind === 'count');
    expect(counts.map((c) => c.date)).toEqual(Array.from({ length: 15 }, (_, i) => (i < 10 ? `2019-05-${22 + i}` : `2019-06-0${i - 9}`)));
    expect(counts.map((c) => c.kind === 'count' && c.index)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(t.entries.filter((e) => e.kind === 'roll_forward').map((e) => e.kind === 'roll_forward' && [e.date, e.reason])).toEqual([
      ['2019-06-05', '宁夏开斋节'],
      ['2019-06-06', '宁夏开斋节'],
      ['2019-06-07', '法定节假日：端午'],
      ['2019-06-08', '周六，端午假期'],
      ['2019-06-09', '周日，端午假期'],
    ]);
    expect(t).toMatchObject({ countedDays: 15, skippedRestDays: 5, calendarVersion: 3, ruleText: '15 日', base: '2019-05-21', paused: false });
    expect(t.basis[0]).toBe('本期限：《信访工作条例》第二十二条');
    expect(t.areaLabels).toEqual(['宁夏（640000）', '固原市（640400）', '隆德县（640423）']);

    const text = renderExplainText(t);
    expect(text.split('\n')[0]).toBe('为什么是这一天');
    expect(text).toContain('期限：甄别受理期限，15 日；法律依据：《信访工作条例》第二十二条');
    expect(text).toContain('2019-05-21 周二 起算日（当日不计入）：工作日');
    expect(text).toContain('2019-05-22 至 2019-06-05 连续计算 15 日（第 1–15 日），期间的休息日照常计入（共 5 天）');
    expect(text).toContain('2019-06-05 周三 休息日，顺延：宁夏开斋节');
    expect(text).toContain('2019-06-10 周一 期限届满：工作日');
    expect(text).toContain('结论：期限届满日为 2019-06-10（周一）。');
    expect(text).toContain('日历版本：v3');
  });

  it('15 工作日 with 补正：the 调休 Sundays counted, each skipped day, the suspension with its working days', () => {
    const t = explainClock(cal, spec({ unit: 'workdays', n: 15 }, '2019-04-22', { suspensions: [suspension('correction', '2019-05-06', '2019-05-20')] }));
    expect(t.dueDate).toBe('2019-05-28');
    const makeup = t.entries.flatMap((e) => (e.kind === 'count' && e.makeup ? [e.date] : []));
    expect(makeup).toEqual(['2019-04-28', '2019-05-05']);
    const skipped = t.entries.filter((e) => e.kind === 'skip').map((e) => e.date);
    expect(skipped).toEqual(['2019-04-27', '2019-05-01', '2019-05-02', '2019-05-03', '2019-05-04', '2019-05-25', '2019-05-26']);
    const s = t.entries.find((e) => e.kind === 'suspension');
    expect(s).toMatchObject({ date: '2019-05-06', days: 14, workdays: 10 });
    // Nothing inside the suspension is listed as counted or skipped.
    expect(t.entries.some((e) => (e.kind === 'count' || e.kind === 'skip') && e.date >= '2019-05-06' && e.date < '2019-05-20')).toBe(false);
    expect(t.entries.filter((e) => e.kind === 'count').at(-1)).toMatchObject({ date: '2019-05-28', index: 15 });
    expect(t).toMatchObject({ countedDays: 15, makeupWorkdays: 2, suspendedDays: 14, skippedRestDays: 7 });
    expect(t.suspensions[0]!.effect).toBe('applied');
    const text = renderExplainText(t);
    expect(text).toContain('2019-04-28 周日 第 5 个工作日（周日，调休上班（劳动节），计入）');
    expect(text).toContain('中止（补正）：2019-05-06 至 2019-05-19 中止，共 14 日（其中工作日 10 个）不计入期限，2019-05-20（周一）恢复计算');
    expect(text).toContain('2019-05-28 周二 第 15 个工作日，期限届满');
  });

  it('an extension: its approver and reason, counted from the previous due date', () => {
    const t = explainClock(cal, { ...spec({ unit: 'days', n: 60 }, '2019-07-02', { extensions: [extension(30, 'days', '2019-08-28')] }), label: '办理期限' });
    expect(t.dueDate).toBe('2019-10-08');
    const legs = t.entries.filter((e) => e.kind === 'leg');
    expect(legs.map((l) => l.kind === 'leg' && l.from)).toEqual(['2019-07-02', '2019-09-02']);
    expect(t.entries.filter((e) => e.kind === 'due').map((e) => e.date)).toEqual(['2019-09-02', '2019-10-08']);
    // The extension's 30 days include the 调休上班 Sunday 09-29 (counted like any other day).
    expect(t.entries.flatMap((e) => (e.kind === 'count' && e.leg === 1 && e.makeup ? [e.date] : []))).toEqual(['2019-09-29']);
    const text = renderExplainText(t);
    expect(text).toContain('二、延长 30 日，经 李局长 于 2019-08-28 批准，理由：情况复杂；自原届满日 2019-09-02（周一）次日起计算：');
    expect(text).toContain('2019-09-02 周一 本段届满：工作日');
    expect(text).toContain('2019-10-02 周三 休息日，顺延：法定节假日：国庆节');
    expect(text).toContain('2019-10-08 周二 期限届满：工作日');
  });

  it('a restart: what dropped out and the fresh count', () => {
    const t = explainClock(
      cal,
      spec({ unit: 'workdays', n: 20 }, '2019-05-27', {
        suspensions: [suspension('correction', '2019-05-30', '2019-06-04')],
        restarts: [restart('2019-06-04')],
      }),
    );
    expect(t.base).toBe('2019-06-04');
    expect(t.entries[1]).toMatchObject({ kind: 'restart', date: '2019-06-04', droppedSuspensions: 1 });
    expect(t.suspensions[0]!.effect).toBe('dropped');
    expect(t.dueDate).toBe('2019-07-05');
    const text = renderExplainText(t);
    expect(text).toContain('2019-06-04 周二 重新计算期限（当日不计入）：补正材料已收到，依法重新计算（经办人 王科员）；此前的中止 1 项、延长 0 项不再计算');
    expect(text).toContain('另有中止 2019-05-30 至 2019-06-04（补正）：在重新计算之前，不再计算');
  });

  it('months with a suspension: the corresponding day, the shift, the roll-forward', () => {
    const t = explainClock(cal, spec({ unit: 'months', n: 2 }, '2019-03-31', { suspensions: [suspension('appraisal', '2019-04-10', '2019-04-15', '鉴定')] }));
    expect(t.entries.map((e) => e.kind).filter((k) => k !== 'count')).toEqual([
      'start',
      'leg',
      'suspension',
      'month_end',
      'shift',
      'roll_forward',
      'roll_forward',
      'roll_forward',
      'roll_forward',
      'roll_forward',
      'due',
    ]);
    expect(t.entries.find((e) => e.kind === 'shift')).toMatchObject({ date: '2019-05-31', days: 5 });
    expect(t.dueDate).toBe('2019-06-10');
  });

  it('paused: no due date, what has been counted and what is left', () => {
    const t = explainClock(cal, spec({ unit: 'workdays', n: 15 }, '2019-04-22', { suspensions: [suspension('correction', '2019-05-06', null)] }));
    expect(t).toMatchObject({ paused: true, dueDate: null, countedDays: 8, remaining: { leg: 0, unit: 'workdays', remaining: 7 } });
    expect(t.suspensions[0]!.effect).toBe('open');
    expect(renderExplainText(t)).toContain('结论：期限自 2019-05-06（周一）起因补正中止计算，恢复计算后再确定期限届满日。本段尚余 7 个工作日。');
  });

  it('carries the calendar warning for a year without national data', () => {
    const t = explainClock(cal, spec({ unit: 'days', n: 30 }, '2030-01-10'));
    expect(t.warnings.join()).toContain('2030 年：该年放假安排未发布，按法定节日推算');
    expect(renderExplainText(t)).toContain('注意：2030 年：该年放假安排未发布，按法定节日推算');
  });

  it('prints full-width punctuation next to Chinese on every line (the calendar reasons and area labels too)', () => {
    const HALF = /[\u3400-\u9fff][,;:?!()]|[,;:?!()][\u3400-\u9fff]/;
    const traces = [
      explainClock(
        cal,
        { ...spec({ unit: 'days', n: 15 }, '2019-05-21'), label: '甄别受理期限', legalBasis: '《信访工作条例》第二十二条' },
        { areaNames: names },
      ),
      explainClock(cal, spec({ unit: 'workdays', n: 15 }, '2019-04-22', { suspensions: [suspension('correction', '2019-05-06', '2019-05-20')] })),
      explainClock(cal, { ...spec({ unit: 'days', n: 60 }, '2019-07-02', { extensions: [extension(30, 'days', '2019-08-28')] }), label: '办理期限' }),
      explainClock(cal, spec({ unit: 'months', n: 2 }, '2019-03-31', { suspensions: [suspension('appraisal', '2019-04-10', '2019-04-15', '鉴定')] })),
    ];
    for (const t of traces) {
      const lines = renderExplainText(t).split('\n');
      expect(lines.filter((l) => HALF.test(l))).toEqual([]);
      // Dates, times and numbers keep their ASCII punctuation.
      expect(lines.some((l) => /\d{4}-\d{2}-\d{2}/.test(l))).toBe(true);
    }
    expect(renderExplainText(traces[0]!)).toContain('适用地区：宁夏（640000）› 固原市（640400）› 隆德县（640423）（国家节假日及以上各级地方节假日）');
  });
});
