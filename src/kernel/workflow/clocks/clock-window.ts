import type { ClockSpec, Extension, Restart, Suspension } from './contract.ts';

/**
 * Which parts of a clock's record take part in the computation. A restart counts the period
 * afresh: suspensions that began before it and extensions approved before it drop out (they
 * stay in the record and the explanation says so). The latest restart wins.
 */
export type ClockWindow = {
  /** The day counting starts after: the start date, or the latest restart. */
  base: string;
  restart: Restart | null;
  suspensions: Suspension[];
  droppedSuspensions: Suspension[];
  extensions: Extension[];
  droppedExtensions: Extension[];
  /** The suspension still open (to = null): the clock is paused. */
  open: Suspension | null;
};

export function clockWindow(spec: ClockSpec): ClockWindow {
  const restart = byDate(spec.restarts, (r) => r.at).at(-1) ?? null;
  const base = restart ? restart.at : spec.startDate;
  const keepS = (s: Suspension) => !restart || s.from >= restart.at;
  const keepE = (e: Extension) => !restart || e.at >= restart.at;
  const suspensions = byDate(spec.suspensions.filter(keepS), (s) => s.from);
  return {
    base,
    restart,
    suspensions,
    droppedSuspensions: spec.suspensions.filter((s) => !keepS(s)),
    extensions: byDate(spec.extensions.filter(keepE), (e) => e.at),
    droppedExtensions: spec.extensions.filter((e) => !keepE(e)),
    open: spec.suspensions.find((s) => s.to === null) ?? null,
  };
}

/** Stable sort by an ISO date: records of the same day keep the order they were made in. */
function byDate<T>(xs: readonly T[], key: (x: T) => string): T[] {
  return xs
    .map((x, i) => ({ x, i }))
    .sort((a, b) => (key(a.x) < key(b.x) ? -1 : key(a.x) > key(b.x) ? 1 : a.i - b.i))
    .map((p) => p.x);
}
