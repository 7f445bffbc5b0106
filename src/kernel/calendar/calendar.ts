import type { CalendarData, ComputeOptions, DayStatus, Explanation, LayerDecision, LayerEntry, PeriodRule } from './contract.ts';
import { isIsoDate, isoWeekday, weekdayZh, yearOf } from './dates.ts';
import { renderExplanation, ruleBasis } from './explain-text.ts';
import { computePeriod, validateRule } from './period.ts';
import { STATUTORY_SOURCE, statutoryHoliday } from './statutory-holidays.ts';

/** Shown on every deadline that counts over a year whose State Council notice is not entered yet. */
export const PROVISIONAL_NOTE = '该年放假安排未发布，按法定节日推算';

/**
 * The pure working-day engine. A date is a working day for an area when no layer on the
 * area's path rests on it — the national layer (override row, else chinese-days, else the
 * Mon–Fri rule) and every regional layer from the region root down to the area — and either
 * it is Mon–Fri or some layer explicitly works it (调休上班). A rest anywhere wins, so a county
 * cannot work a day its region or the State Council gives off.
 */
export type Calendar = {
  version: number;
  nationalSource: string;
  dayStatus(date: string, areaPath?: string | null): DayStatus;
  isWorkday(date: string, areaPath?: string | null): { workday: boolean; reason: string };
  /** N 工作日: the day of receipt is not counted; count forward only working days. */
  addWorkdays(from: string, n: number, areaPath?: string | null): string;
  /** N 日: calendar days; a rest-day last day rolls forward unless rollForward is false. */
  addDays(from: string, n: number, areaPath?: string | null, opts?: { rollForward?: boolean }): string;
  /** N 个月: corresponding day (else the month's last day), then roll-forward as for days. */
  addMonths(from: string, n: number, areaPath?: string | null, opts?: { rollForward?: boolean }): string;
  explain(from: string, rule: PeriodRule, opts?: ComputeOptions): Explanation;
  /** Years for which the national layer has data (chinese-days or override rows). */
  nationalYears(): ReadonlySet<number>;
  /**
   * Years from `from` to `to` without a State Council notice: their statutory holidays
   * (《全国年节及纪念日放假办法》) count as rest days, without 调休.
   */
  provisionalYears(from: string, to: string): number[];
  areaLabel(code: string): string;
};

const AREA_CODE = /^(\d{6}|\d{9}|\d{12})$/;
/** A region root (省级, e.g. 640000) publishes its festival dates every year. */
const REGION_ROOT = /^\d{2}0000$/;

export function createCalendar(data: CalendarData): Calendar {
  const national = indexEntries(data.nationalOverrides);
  const regional = new Map<string, Map<string, LayerEntry>>();
  for (const [code, entries] of Object.entries(data.regional)) regional.set(code, indexEntries(entries));
  const labels = data.areaLabels ?? {};
  const areaLabel = (code: string) => labels[code] ?? code;
  const packageYears = new Set<number>();
  for (const d of Object.keys(data.packageDays.holidays)) packageYears.add(yearOf(d));
  const nationalYears = new Set<number>(packageYears);
  for (const e of data.nationalOverrides) nationalYears.add(yearOf(e.date));

  function dayStatus(date: string, areaPath?: string | null): DayStatus {
    assertDate(date);
    const chain = areaChain(areaPath);
    const weekday = isoWeekday(date);
    const weekend = weekday >= 6;
    const decisions: LayerDecision[] = [];
    const ov = national.get(date);
    if (ov) decisions.push({ layer: 'national', areaCode: null, kind: ov.kind, name: ov.name, source: ov.source ?? null });
    else {
      const work = data.packageDays.workdays[date];
      const rest = data.packageDays.holidays[date];
      const statutory = !work && !rest ? statutoryIn(date) : null;
      if (work) decisions.push({ layer: 'package', areaCode: null, kind: 'work', name: packageName(work), source: data.nationalSource });
      else if (rest) decisions.push({ layer: 'package', areaCode: null, kind: 'rest', name: packageName(rest), source: data.nationalSource });
      else if (statutory) decisions.push({ layer: 'statutory', areaCode: null, kind: 'rest', name: statutory, source: STATUTORY_SOURCE });
    }
    for (const code of chain) {
      const e = regional.get(code)?.get(date);
      if (e) decisions.push({ layer: 'regional', areaCode: code, kind: e.kind, name: e.name, source: e.source ?? null });
    }
    const wd = weekdayZh(date);
    const label = (d: LayerDecision) => (d.layer === 'regional' ? areaLabel(d.areaCode!) + d.name : d.name);
    const rests = decisions.filter((d) => d.kind === 'rest');
    if (rests.length) {
      const first = rests[0]!;
      const inLieu = first.layer === 'package' && !weekend && !!data.packageDays.inLieuDays[date];
      const category = first.layer === 'regional' ? 'regional_holiday' : inLieu ? 'in_lieu' : 'holiday';
      const parts = rests.map((d) => {
        if (d.layer === 'regional') return label(d);
        if (weekend) return `${d.name}假期`;
        if (d.layer === 'statutory') return nationalYears.has(yearOf(date)) ? `法定节假日：${d.name}` : `法定节假日：${d.name}（${PROVISIONAL_NOTE}）`;
        return d.layer === 'package' && data.packageDays.inLieuDays[date] ? `调休放假（${d.name}）` : `法定节假日：${d.name}`;
      });
      return { date, weekday, workday: false, category, reason: (weekend ? `${wd}，` : '') + parts.join('；'), decisions };
    }
    const work = decisions.find((d) => d.kind === 'work');
    if (work && weekend) return { date, weekday, workday: true, category: 'makeup_workday', reason: `${wd}，调休上班（${label(work)}）`, decisions };
    if (work) return { date, weekday, workday: true, category: 'adjusted_workday', reason: `${wd}，调整为工作日（${label(work)}）`, decisions };
    if (weekend) return { date, weekday, workday: false, category: 'weekend', reason: '周末', decisions };
    return { date, weekday, workday: true, category: 'workday', reason: '工作日', decisions };
  }

  /** The hot path of counting: no reason text, no allocation beyond the lookups. */
  function workdayIn(date: string, chain: readonly string[]): boolean {
    let work = false;
    const ov = national.get(date);
    if (ov) {
      if (ov.kind === 'rest') return false;
      work = true;
    } else if (data.packageDays.workdays[date]) work = true;
    else if (data.packageDays.holidays[date]) return false;
    else if (statutoryIn(date)) return false;
    for (const code of chain) {
      const e = regional.get(code)?.get(date);
      if (e?.kind === 'rest') return false;
      if (e) work = true;
    }
    return work || isoWeekday(date) < 6;
  }

  /**
   * A statutory holiday counts in a year chinese-days does not cover. A notice never makes a
   * festival day a working day (it only adds 调休), so the statute's days stay rest days when
   * the notice's rows are entered one by one; a national row for the date still wins.
   */
  function statutoryIn(date: string): string | null {
    return packageYears.has(yearOf(date)) ? null : statutoryHoliday(date);
  }

  function provisionalYears(from: string, to: string): number[] {
    const out: number[] = [];
    for (let y = yearOf(from); y <= yearOf(to); y++) if (!nationalYears.has(y) && statutoryHoliday(`${y}-01-01`)) out.push(y);
    return out;
  }

  function warningsFor(from: string, to: string, areaPath: string | null): string[] {
    const out: string[] = [];
    const chain = areaChain(areaPath);
    for (let y = yearOf(from); y <= yearOf(to); y++) {
      if (!nationalYears.has(y))
        out.push(
          statutoryHoliday(`${y}-01-01`)
            ? `${y} 年：${PROVISIONAL_NOTE}（《全国年节及纪念日放假办法》第二条，不含调休）；国务院办公厅的通知录入后，期限自动重算`
            : `${y} 年的国务院节假日安排尚未录入，该年只按周末计算休息日，结果可能不准确`,
        );
      for (const code of chain) {
        const layer = regional.get(code);
        if (!REGION_ROOT.test(code) || !layer?.size) continue;
        if (![...layer.keys()].some((d) => yearOf(d) === y)) out.push(`${y} 年${areaLabel(code)}的地方节假日（如开斋节、古尔邦节）尚未录入，结果可能不准确`);
      }
    }
    return out;
  }

  function run(from: string, rule: PeriodRule, opts: ComputeOptions, trace: boolean) {
    assertDate(from);
    validateRule(rule);
    const areaPath = opts.areaPath ?? null;
    const chain = areaChain(areaPath);
    return computePeriod({ status: (d) => dayStatus(d, areaPath), isWorkday: (d) => workdayIn(d, chain) }, from, rule, opts.rollForward ?? true, trace);
  }

  return {
    version: data.version,
    nationalSource: data.nationalSource,
    dayStatus,
    // The counting path (clock status, reminder day): the answer without building the reason, which is read only when asked for.
    isWorkday: (date, areaPath) => {
      assertDate(date);
      return {
        workday: workdayIn(date, areaChain(areaPath)),
        get reason() {
          return dayStatus(date, areaPath).reason;
        },
      };
    },
    addWorkdays: (from, n, areaPath) => run(from, { unit: 'workdays', n }, { areaPath }, false).dueDate,
    addDays: (from, n, areaPath, opts) => run(from, { unit: 'days', n }, { areaPath, ...opts }, false).dueDate,
    addMonths: (from, n, areaPath, opts) => run(from, { unit: 'months', n }, { areaPath, ...opts }, false).dueDate,
    explain(from, rule, opts = {}) {
      const r = run(from, rule, opts, true);
      const areaPath = opts.areaPath ?? null;
      const rollForward = rule.unit !== 'workdays' && (opts.rollForward ?? true);
      const base = {
        from,
        rule: { unit: rule.unit, n: rule.n },
        areaPath,
        rollForward,
        ...r,
        calendarVersion: data.version,
        nationalSource: data.nationalSource,
        basis: ruleBasis(rule.unit, rollForward),
        warnings: warningsFor(from, r.dueDate, areaPath),
      };
      return {
        ...base,
        text: renderExplanation(
          base,
          areaChain(areaPath).map((c) => `${opts.areaNames?.[c] ?? areaLabel(c)}(${c})`),
        ),
      };
    },
    nationalYears: () => nationalYears,
    provisionalYears,
    areaLabel,
  };
}

/** Area codes from the region root down to the area: every layer that applies to it. */
export function areaChain(areaPath: string | null | undefined): string[] {
  if (areaPath == null || areaPath === '') return [];
  const codes = areaPath.split('.');
  if (!codes.every((c) => AREA_CODE.test(c))) throw new RangeError(`地区路径无效 / invalid area path: ${areaPath}`);
  return codes;
}

function indexEntries(entries: readonly LayerEntry[]): Map<string, LayerEntry> {
  const m = new Map<string, LayerEntry>();
  for (const e of entries) {
    assertDate(e.date);
    m.set(e.date, e);
  }
  return m;
}

/** chinese-days stores 'Spring Festival,春节,3': the Chinese name is the second field. */
function packageName(v: string): string {
  return v.split(',')[1] ?? v;
}

function assertDate(date: string) {
  if (!isIsoDate(date)) throw new RangeError(`日期无效 / invalid date: ${String(date)}`);
}
