import type { Clock } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';

/** A clock the demo sets step by step. */
export function fixedClock(d: Date): Clock & { set(x: Date): void } {
  let t = d.getTime();
  // Never ahead of the real time: the demo's steps happened in the past.
  return { now: () => new Date(t), set: (x) => void (t = Math.min(x.getTime(), Date.now())) };
}

/** Next working day (Mon–Fri) n days on, at 10:00 China time. */
export function addWorkdays(d: Date, n: number): Date {
  let x = new Date(d.getTime());
  let left = n;
  while (left > 0) {
    x = new Date(x.getTime() + 86_400_000);
    const wd = new Date(x.getTime() + 8 * 3_600_000).getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return x;
}

export const at10 = (date: string) => new Date(`${date}T10:00:00+08:00`);

/** 10:00 China time, wd working days (Mon–Fri) before now's day. */
export function workdaysBefore(now: Date, wd: number): Date {
  let x = at10(chinaDate(now));
  for (let left = wd; left > 0;) {
    x = new Date(x.getTime() - 86_400_000);
    const w = new Date(x.getTime() + 8 * 3_600_000).getUTCDay();
    if (w !== 0 && w !== 6) left--;
  }
  return x;
}
