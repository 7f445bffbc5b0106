import type { Explanation, PeriodUnit, TraceStep } from './contract.ts';
import { fullWidth } from '../../platform/full-width.ts';
import { weekdayZh } from './dates.ts';

const START_NOT_COUNTED = '《民法典》第二百零一条、《民事诉讼法》关于期间的规定：期间开始的当日不计入，自下一日开始计算';
const ROLL_FORWARD = '《民法典》第二百零三条：期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日（周末按休假日对待）';

/** The legal basis quoted under each explanation (regulations §11.3). */
export function ruleBasis(unit: PeriodUnit, rollForward: boolean): string[] {
  const out = [START_NOT_COUNTED];
  if (unit === 'workdays') {
    out.push('《行政许可法》第八十二条：期限以工作日计算，不含法定节假日；调休上班的周六、周日按工作日计算');
  } else if (unit === 'months') {
    out.push('《民法典》第二百零二条：按照月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日');
  }
  if (unit !== 'workdays') out.push(rollForward ? ROLL_FORWARD : '本次计算按设置不作顺延');
  return out;
}

const UNIT_ZH: Record<PeriodUnit, string> = { workdays: '个工作日', days: '日', months: '个月' };

export function ruleZh(unit: PeriodUnit, n: number): string {
  return `${n} ${UNIT_ZH[unit]}`;
}

type CountStep = Extract<TraceStep, { action: 'count' }>;

const dayZh = (date: string) => `${date}(${weekdayZh(date)})`;

function stepLine(s: TraceStep, e: Omit<Explanation, 'text'>): string | null {
  const head = `${s.date} ${weekdayZh(s.date)}`;
  const due = s.date === e.dueDate ? '，期限届满' : '';
  switch (s.action) {
    case 'start':
      return `${head} 起算日（当日不计入）：${s.reason}`;
    case 'count':
      return `${head} 第 ${s.index} 个工作日${s.makeup ? `（${s.reason}，计入）` : ''}${due}`;
    case 'skip':
      return `${head} 不计：${s.reason}`;
    case 'month_end':
      return `${head} 到期月的${s.clamped ? '月末日（没有对应日）' : '对应日'}，为期间的最后一日：${s.reason}${e.rolledForward ? '，顺延' : due}`;
    case 'roll_forward':
      // The period's last day already has its own line.
      return s.date === e.periodEnd ? null : `${head} 休息日，继续顺延：${s.reason}`;
    case 'due':
      return e.rolledForward ? `${head} 顺延后的第一个工作日，期限届满：${s.reason}` : null;
  }
}

/**
 * 「为什么是这一天」: the trace as Chinese lines. Counted calendar days are summarised
 * (one line, plus the rest days inside) rather than listed, so a 60 日 period stays readable.
 */
export function renderExplanation(e: Omit<Explanation, 'text'>, chainLabels: string[]): string {
  const lines: string[] = [];
  lines.push(`为什么是这一天：自 ${dayZh(e.from)} 起计算 ${ruleZh(e.rule.unit, e.rule.n)}，期限届满日为 ${dayZh(e.dueDate)}。`);
  lines.push(chainLabels.length ? `适用地区：${chainLabels.join(' › ')}（国家节假日及以上各级地方节假日）` : '适用地区：全国（只适用国家节假日安排）');
  for (const s of e.steps) {
    if (e.rule.unit === 'days' && s.action === 'count') continue;
    const line = stepLine(s, e);
    if (line) lines.push(line);
    if (e.rule.unit === 'days' && s.action === 'start' && e.rule.n > 0) {
      const counted = e.steps.filter((x): x is CountStep => x.action === 'count');
      const rest = counted.filter((x) => !x.workday).length;
      const last = counted.at(-1)!;
      lines.push(`${counted[0]!.date} 至 ${e.periodEnd} 连续计算 ${e.rule.n} 日，期间的休息日照常计入（共 ${rest} 天）`);
      const makeup = counted.filter((x) => x.makeup).map((x) => x.date);
      if (makeup.length) lines.push(`其中调休上班日 ${makeup.length} 天：${makeup.join('、')}`);
      lines.push(
        `${e.periodEnd} ${weekdayZh(e.periodEnd)} 为期间的最后一日：${last.reason}${e.rolledForward ? '，顺延' : e.periodEnd === e.dueDate ? '，期限届满' : ''}`,
      );
    }
  }
  const tail = e.rolledForward
    ? `期间最后一日 ${dayZh(e.periodEnd)} 是休息日，顺延至其后第一个工作日 ${dayZh(e.dueDate)}。`
    : e.rule.unit === 'workdays'
      ? `共计 ${e.countedDays} 个工作日，跳过休息日 ${e.skippedRestDays} 天${e.makeupWorkdays ? `，计入调休上班日 ${e.makeupWorkdays} 天` : ''}。`
      : `期间最后一日 ${dayZh(e.periodEnd)}${e.rollForward ? '是工作日，无需顺延' : '（本次不顺延）'}。`;
  lines.push(`结论：${tail}期限届满日为 ${dayZh(e.dueDate)}。`);
  lines.push('依据：');
  for (const b of e.basis) lines.push(`  ${b}`);
  lines.push(`日历版本：v${e.calendarVersion}（国家层数据 ${e.nationalSource} 加本地调整）`);
  for (const w of e.warnings) lines.push(`注意：${w}`);
  return fullWidth(lines.join('\n'));
}
