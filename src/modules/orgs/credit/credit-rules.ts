import { addMonthsClampedIso } from '../../../kernel/calendar/index.ts';
import {
  CREDIT_BASIS,
  CREDIT_LIST_LABEL,
  CREDIT_REASONS,
  ELIGIBILITY_PURPOSE_LABEL,
  ORG_STATUS_LABEL,
  type CreditList,
  type EligibilityPurpose,
  type OrgStatus,
  type Rating,
} from '../contract.ts';
import { PENALTY_WINDOW_MONTHS, recentPenalty, suspensionOn, type Penalty } from './penalty-rules.ts';

/**
 * The credit rules as pure functions over an organization's listings (regulations.md §4.1,
 * 《社会组织信用信息管理办法》民政部令第60号； the 宁夏 诚信缺失 bar from the seed report).
 * Dates are 'YYYY-MM-DD'; a listing is in force on D when listedOn ≤ D and it was not removed by D.
 */
export type Listing = {
  id: string;
  list: CreditList;
  reason: string;
  obligation: boolean;
  listedOn: string;
  obligationMetOn: string | null;
  removedOn: string | null;
};
export type OrgFacts = {
  status: OrgStatus;
  statusOn: string | null;
  registeredOn: string;
  rating: Rating | null;
  ratingFrom: string | null;
  ratingUntil: string | null;
};
export type Reason = { effect: 'bar' | 'prefer' | 'note'; text: string; basis: string };
export type Eligibility = { eligible: boolean; preferred: boolean; reasons: Reason[] };

const RULE_60 = '《社会组织信用信息管理办法》（民政部令第60号）';
const SEED = '宁夏回族自治区民政厅《2019年法治政府建设工作情况报告》所述诚信激励和惩戒机制';
/** Six months on the abnormal list without an obligation → removed (60号令； regulations.md §4.1). */
export const ABNORMAL_AUTO_REMOVE_MONTHS = 6;
/** Two years on the abnormal list → 严重违法失信名单. */
export const ABNORMAL_TO_SERIOUS_MONTHS = 24;
/** 诚信缺失: three years without 评估 or 政府购买服务 (seed report). */
export const INTEGRITY_BAR_MONTHS = 36;

export const inForce = (l: Listing, day: string) => l.listedOn <= day && (l.removedOn === null || l.removedOn > day);
export const reasonLabel = (list: CreditList, reason: string) => (CREDIT_REASONS[list] as Record<string, { label: string }>)[reason]?.label ?? reason;

/** May the organization receive a government purchase / a grant / an award on `day`, and why. */
export function eligibility(
  org: OrgFacts,
  listings: readonly Listing[],
  day: string,
  purpose: EligibilityPurpose,
  penalties: readonly Penalty[] = [],
): Eligibility {
  const what = ELIGIBILITY_PURPOSE_LABEL[purpose];
  const reasons: Reason[] = [];
  if (org.registeredOn > day) reasons.push({ effect: 'bar', text: `${day}尚未成立登记（${org.registeredOn}成立）。`, basis: '登记事项' });
  if (org.status !== 'normal' && org.statusOn !== null && org.statusOn <= day)
    reasons.push({ effect: 'bar', text: `已于${org.statusOn}${ORG_STATUS_LABEL[org.status]}登记，不能${what}。`, basis: '登记事项' });
  for (const l of listings.filter((x) => x.list === 'serious' && inForce(x, day)))
    reasons.push({
      effect: 'bar',
      text: `自${l.listedOn}起列入严重违法失信名单（${reasonLabel('serious', l.reason)}），不得${what}。`,
      basis: `${RULE_60}：列入严重违法失信名单的，不给予资金资助，不向其购买服务，不授予荣誉`,
    });
  if (purpose === 'purchase')
    for (const l of listings.filter((x) => x.list === 'integrity_lapse' && x.listedOn <= day)) {
      const until = addMonthsClampedIso(l.listedOn, INTEGRITY_BAR_MONTHS);
      if (day < until && (l.removedOn === null || l.removedOn > day))
        reasons.push({
          effect: 'bar',
          text: `${l.listedOn}因${reasonLabel('integrity_lapse', l.reason)}列入诚信缺失，三年内（至${until}前）不能承接政府购买服务。`,
          basis: `${SEED}；${CREDIT_BASIS.integrity_lapse}`,
        });
    }
  const suspended = suspensionOn(penalties, day);
  if (suspended)
    reasons.push({
      effect: 'bar',
      text: `${suspended.decidedOn}受到限期停止活动处罚，停止活动至${suspended.suspendedUntil}，期间不能${what}。`,
      basis: '行政处罚决定（限期停止活动）',
    });
  for (const l of listings.filter((x) => x.list === 'abnormal' && inForce(x, day)))
    reasons.push({
      effect: 'note',
      text: `自${l.listedOn}起列入活动异常名录（${reasonLabel('abnormal', l.reason)}），属重点监管对象。`,
      basis: RULE_60,
    });
  const eligible = !reasons.some((r) => r.effect === 'bar');
  const rated = org.rating && org.ratingFrom && org.ratingUntil && org.ratingFrom <= day && day <= org.ratingUntil ? org.rating : null;
  const penalised = recentPenalty(penalties, day);
  const preferred = eligible && rated !== null && Number(rated[0]) >= 3 && !penalised;
  if (eligible && rated !== null && Number(rated[0]) >= 3 && penalised)
    reasons.push({
      effect: 'note',
      text: `评估等级${rated}，但${penalised.decidedOn}受到行政处罚，三年内（至${addMonthsClampedIso(penalised.decidedOn, PENALTY_WINDOW_MONTHS)}前）不予3A级以上倾斜。`,
      basis: `${SEED}（三年惩戒期）；${RULE_60}（信用良好的优先）`,
    });
  if (preferred)
    reasons.push({
      effect: 'prefer',
      text: `评估等级${rated}（有效期${org.ratingFrom}至${org.ratingUntil}），3A级以上社会组织予以倾斜。`,
      basis: `${SEED}（对3A级以上的，在承接中央财政支持社会组织项目上予以倾斜）；${RULE_60}（信用良好的优先）`,
    });
  if (!reasons.length) reasons.push({ effect: 'note', text: `${day}未列入任何信用名单，可以${what}。`, basis: RULE_60 });
  return { eligible, preferred, reasons };
}

/** What the daily rule does to one organization's listings on `day`. */
export type AutomaticMove =
  | { kind: 'remove_abnormal'; listingIds: string[]; removedOn: string; reason: string }
  | { kind: 'to_serious'; listingIds: string[]; listedOn: string; reason: string };

/**
 * The automatic rules for one organization on `day`:
 *  - on the abnormal list for two years (counted from the earliest listing still in force) → moved
 *    to the 严重违法失信名单 on the anniversary (reason 被列入活动异常名录满2年), the abnormal listings closed;
 *  - otherwise, when none of the abnormal listings in force carries an unmet obligation, removed six
 *    months after the latest of them (a new listing restarts the period: 列入时限重新计算).
 */
export function automaticMoves(listings: readonly Listing[], day: string): AutomaticMove[] {
  const open = listings.filter((l) => l.list === 'abnormal' && inForce(l, day));
  if (!open.length) return [];
  const ids = open.map((l) => l.id);
  const earliest = open.map((l) => l.listedOn).sort()[0]!;
  const anniversary = addMonthsClampedIso(earliest, ABNORMAL_TO_SERIOUS_MONTHS);
  const owing = open.some((l) => l.obligation && l.obligationMetOn === null);
  const latest = open
    .map((l) => l.listedOn)
    .sort()
    .at(-1)!;
  const removeOn = owing ? null : addMonthsClampedIso(latest, ABNORMAL_AUTO_REMOVE_MONTHS);
  // Whichever rule falls due first applies (a sweep catching up after a gap decides as on each day).
  if (removeOn !== null && removeOn <= day && removeOn < anniversary)
    return [{ kind: 'remove_abnormal', listingIds: ids, removedOn: removeOn, reason: `列入${CREDIT_LIST_LABEL.abnormal}满6个月且无需履行的义务，自动移出` }];
  if (anniversary <= day && !listings.some((l) => l.list === 'serious' && l.reason === 'abnormal_two_years' && inForce(l, day)))
    return [
      {
        kind: 'to_serious',
        // Those in force on the anniversary; a listing made after it (a catch-up after a gap) stays and restarts the count.
        listingIds: open.filter((l) => l.listedOn <= anniversary).map((l) => l.id),
        listedOn: anniversary,
        reason: `自${earliest}起列入${CREDIT_LIST_LABEL.abnormal}满2年，转入${CREDIT_LIST_LABEL.serious}`,
      },
    ];
  return [];
}

/**
 * May a listing be removed by hand on `day`? null when yes, else the Chinese reason why not:
 *  - 严重违法失信名单: only after two years on it; listed for 吊销/撤销, only once the organization is 注销；
 *    listed for 异常满2年, only with the obligation met;
 *  - 活动异常名录 with an obligation: the obligation must be met (履行义务或完成整改后申请移出).
 */
export function removalProblem(l: Listing, day: string, obligationMet: boolean, org: OrgFacts): string | null {
  if (l.removedOn !== null) return `该记录已于${l.removedOn}移出。`;
  if (day < l.listedOn) return `移出日期不能早于列入日期${l.listedOn}。`;
  if (l.list === 'serious') {
    if (l.reason === 'revocation') return org.status === 'deregistered' ? null : '因吊销登记证书、撤销登记列入的，办理注销登记后方可移出。';
    const twoYears = addMonthsClampedIso(l.listedOn, 24);
    if (day < twoYears) return `列入严重违法失信名单满2年（${twoYears}）后方可申请移出。`;
    if (l.reason === 'abnormal_two_years' && !obligationMet) return '因列入活动异常名录满2年而列入的，须履行相关义务或完成整改后方可移出。';
    return null;
  }
  if (l.list === 'abnormal' && l.obligation && !obligationMet) return `因“${reasonLabel('abnormal', l.reason)}”列入的，须履行义务或完成整改后方可移出。`;
  return null;
}
