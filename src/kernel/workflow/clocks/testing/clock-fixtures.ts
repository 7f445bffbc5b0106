import { createCalendar } from '../../../calendar/calendar.ts';
import { chineseDaysPackage } from '../../../calendar/national-package.ts';
import { NINGXIA_FESTIVALS_2019_2021 } from '../../../calendar/ningxia-festivals.ts';
import type { ClockRule, ClockSpec, Extension, Restart, Suspension, SuspensionKind } from '../contract.ts';

/** Test data for clocks: the real 2019–2021 calendar with 宁夏's 开斋节/古尔邦节. */
export const LONGDE = '640000.640400.640423';
export const NINGXIA = '640000';

export function testCalendar(version = 3) {
  const pkg = chineseDaysPackage();
  return createCalendar({
    version,
    nationalSource: pkg.source,
    packageDays: pkg.days,
    nationalOverrides: [],
    regional: { '640000': NINGXIA_FESTIVALS_2019_2021 },
    areaLabels: { '640000': '宁夏', '640423': '隆德县' },
  });
}

export function spec(rule: ClockRule, startDate: string, more: Partial<ClockSpec> = {}): ClockSpec {
  return { rule, startDate, areaPath: LONGDE, suspensions: [], extensions: [], restarts: [], ...more };
}

let seq = 0;
export function suspension(kind: SuspensionKind, from: string, to: string | null, label = '补正'): Suspension {
  return { id: `s${++seq}`, kind, label, reason: `${label}事由`, from, to, by: 'u1', byName: '王科员' };
}

export function extension(n: number, unit: ClockRule['unit'], at: string): Extension {
  return { id: `e${++seq}`, n, unit, approvedBy: 'u9', approvedByName: '李局长', reason: '情况复杂', at };
}

export function restart(at: string): Restart {
  return { at, reason: '补正材料已收到，依法重新计算', by: 'u1', byName: '王科员' };
}
