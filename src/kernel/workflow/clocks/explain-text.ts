import { fullWidth } from '../../../platform/full-width.ts';
import { addDaysIso, weekdayZh } from '../../calendar/dates.ts';
import { ruleZh } from '../../calendar/explain-text.ts';
import type { ClockRule } from './contract.ts';
import type { ClockTrace } from './explain-clock.ts';
import type { ClockTraceEntry } from './walk-clock.ts';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const dayZh = (d: string) => `${d}(${weekdayZh(d)})`;
const head = (d: string) => `${d} ${weekdayZh(d)}`;
const who = (id: string, name: string | null | undefined) => name || id;

type Count = Extract<ClockTraceEntry, { kind: 'count' }>;

/**
 * 「为什么是这一天」 as printable Chinese text. Working days are listed one per line; runs of
 * calendar days are summarised (with the rest days and 调休上班日 inside), as the calendar's
 * own explanation does, so a 60 日 period stays readable. Punctuation next to Chinese is full-width
 * (起算日（当日不计入）：), as in any text the office prints.
 */
export function renderExplainText(t: ClockTrace): string {
  const out: string[] = ['为什么是这一天'];
  out.push(`期限：${t.label ? `${t.label},` : ''}${t.ruleText}${t.legalBasis ? `；法律依据：${t.legalBasis}` : ''}`);
  out.push(t.areaLabels.length ? `适用地区：${t.areaLabels.join(' › ')}（国家节假日及以上各级地方节假日）` : '适用地区：全国');
  const legUnits = new Map<number, ClockRule['unit']>();
  let run: Count[] = [];
  const flush = () => {
    if (run.length) out.push(...runLines(run));
    run = [];
  };
  for (const e of t.entries) {
    if (e.kind === 'count' && (legUnits.get(e.leg) !== 'workdays' || e.shift)) {
      run.push(e);
      continue;
    }
    flush();
    if (e.kind === 'leg') legUnits.set(e.leg, e.rule.unit);
    const prev = t.entries[t.entries.indexOf(e) - 1];
    if (e.kind === 'due' && prev?.kind === 'count' && prev.date === e.date && legUnits.get(e.leg) === 'workdays') {
      // The last counted working day is the due date: say so on its own line.
      out[out.length - 1] += `，${dueWord(e.leg, t)}`;
      continue;
    }
    const line = entryLine(e, t);
    if (line) out.push(line);
  }
  flush();
  if (t.paused && t.pausedBy) {
    const left = t.remaining?.remaining;
    const rest = left == null ? '' : left > 0 ? `本段尚余 ${ruleZh(t.remaining!.unit, left)}。` : '';
    out.push(`结论：期限自 ${dayZh(t.pausedBy.from)} 起因${t.pausedBy.label}中止计算，恢复计算后再确定期限届满日。${rest}`);
  } else if (t.dueDate) {
    out.push(`结论：期限届满日为 ${dayZh(t.dueDate)}。`);
  }
  const sums = [...(t.countedDays ? [`计入 ${t.countedDays} 天`] : []), `跳过休息日 ${t.skippedRestDays} 天`];
  if (t.makeupWorkdays) sums.push(`计入调休上班日 ${t.makeupWorkdays} 天`);
  if (t.suspendedDays) sums.push(`中止不计 ${t.suspendedDays} 日`);
  out.push(`合计：${sums.join(',')}。`);
  const others = t.suspensions.filter((s) => s.effect === 'dropped' || s.effect === 'no_effect');
  for (const s of others) {
    out.push(`另有中止 ${s.from} 至 ${s.to ?? '今'}（${s.label}）：${s.effect === 'dropped' ? '在重新计算之前，不再计算' : '不在计算期间内，不影响期限'}`);
  }
  for (const e of t.extensions.filter((x) => !x.applied)) out.push(`另有延长 ${ruleZh(e.unit, e.n)}（${e.at} 批准）：在重新计算之前，不再适用`);
  out.push('依据：');
  for (const b of t.basis) out.push(`  ${b}`);
  out.push(`日历版本：v${t.calendarVersion}（国家层数据 ${t.nationalSource} 加本地调整）`);
  for (const w of t.warnings) out.push(`注意：${w}`);
  return fullWidth(out.join('\n'));
}

function entryLine(e: ClockTraceEntry, t: ClockTrace): string | null {
  switch (e.kind) {
    case 'start':
      return `${head(e.date)} 起算日（当日不计入）：${e.reason}`;
    case 'restart': {
      const dropped = e.droppedSuspensions || e.droppedExtensions ? `；此前的中止 ${e.droppedSuspensions} 项、延长 ${e.droppedExtensions} 项不再计算` : '';
      return `${head(e.date)} 重新计算期限（当日不计入）：${e.reason}（经办人 ${who(e.by, e.byName)}）${dropped}`;
    }
    case 'leg': {
      const n = NUMERALS[e.leg] ?? String(e.leg + 1);
      if (!e.extension) return `${n}、${t.label ?? '期限'} ${ruleZh(e.rule.unit, e.rule.n)}，自 ${dayZh(e.from)} 次日起计算：`;
      const x = e.extension;
      return `${n}、延长 ${ruleZh(x.unit, x.n)}，经 ${who(x.approvedBy, x.approvedByName)} 于 ${x.at} 批准，理由：${x.reason}；自原届满日 ${dayZh(e.from)} 次日起计算：`;
    }
    case 'count':
      return `  ${head(e.date)} 第 ${e.index} 个工作日${e.makeup ? `（${e.reason}，计入）` : ''}`;
    case 'skip':
      return `  ${head(e.date)} 不计：${e.reason}`;
    case 'month_end':
      return `  ${head(e.date)} 到期月的${e.clamped ? '月末日（没有对应日）' : '对应日'}：${e.reason}`;
    case 'suspension': {
      const s = e.suspension;
      const span =
        s.to === null
          ? `自 ${dayZh(s.from)} 起中止，尚未恢复计算`
          : `${s.from} 至 ${addDaysIso(s.to, -1)} 中止，共 ${e.days} 日（其中工作日 ${e.workdays} 个）不计入期限，${dayZh(s.to)} 恢复计算`;
      return `  中止（${s.label}）：${span}；事由：${s.reason}（登记人 ${who(s.by, s.byName)}）`;
    }
    case 'shift':
      return `  因中止顺延：到期月对应日之后再计 ${e.days} 日（中止期间的天数）`;
    case 'roll_forward':
      return `  ${head(e.date)} 休息日，顺延：${e.reason}`;
    case 'due':
      return `  ${head(e.date)} ${dueWord(e.leg, t)}：${e.reason}`;
  }
}

/** The last leg's end is the due date; an earlier leg's end is where the next extension starts. */
function dueWord(leg: number, t: ClockTrace): string {
  let last = 0;
  for (const e of t.entries) if (e.kind === 'leg') last = e.leg;
  return leg === last && !t.paused ? '期限届满' : '本段届满';
}

/** A run of calendar days: one line, plus the rest days counted and the 调休上班日 inside. */
function runLines(run: Count[]): string[] {
  const first = run[0]!;
  const last = run.at(-1)!;
  const rest = run.filter((c) => !c.workday);
  const what = first.shift ? '补足中止天数' : '连续计算';
  const lines = [
    `  ${first.date} 至 ${last.date} ${what} ${run.length} 日（第 ${first.index}–${last.index} 日），期间的休息日照常计入（共 ${rest.length} 天）`,
  ];
  const makeup = run.filter((c) => c.makeup);
  if (makeup.length) lines.push(`  其中调休上班日 ${makeup.length} 天：${makeup.map((c) => c.date).join('、')}`);
  return lines;
}
