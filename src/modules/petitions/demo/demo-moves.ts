import type { Rng } from './prng.ts';
import { CITIES, OPINION_TEXT } from './demo-vocab.ts';

/** The moves of a demo petition after registration: how it is concluded, or how far an open one has got. */
export type Move =
  | { kind: 'handoff'; to: string; by: string; transfer: boolean }
  | { kind: 'ack'; by: string }
  | { kind: 't'; name: string; by: string; role?: 'clerk' | 'lead' | 'supervisor' | 'portal' | 'upper'; input?: unknown; comment?: string }
  | { kind: 'rate'; satisfaction: '满意' | '基本满意' | '不满意' };

export type PlannedStep = { day: number; minute: number; move: Move };
export type PlannedPetition = {
  key: number;
  /** Registering org code; `recent` petitions are dated relative to the real clock. */
  org: string;
  recent: boolean;
  /** The year `day` counts in (default 2019, the report's year). */
  year?: number;
  /** Registration: day of the year (0 = 1 January; later days run on into the next year) or, when recent, days before today. */
  day: number;
  minute: number;
  input: Record<string, unknown>;
  steps: PlannedStep[];
};

export type Flow = 'self' | 'simple' | 'refuse' | 'review' | 'final' | 'late';

/** The concluding moves for a petition held at `holder` from day `d` on. Returns the steps and the last day. */
export function conclude(r: Rng, holder: string, upper: string, flow: Flow, d: number, group: boolean): PlannedStep[] {
  const s: PlannedStep[] = [];
  const at = (day: number, move: Move) => s.push({ day, minute: r.int(0, 420), move });
  if (flow === 'refuse') {
    const picked = r.pick(['statutory_route', 'not_competent', 'statutory_route']);
    // Above the county a lower 民政局 is competent: that is a 转送, not a refusal (第二十三条第一款).
    const aboveCounty = holder === '640000-mzt-fgc' || CITIES.some((c) => holder === bureau(c));
    const reasonCode = picked === 'not_competent' && aboveCounty ? 'statutory_route' : picked;
    at(d + r.int(2, 10), { kind: 't', name: 'refuse', by: holder, input: { reasonCode } });
    return s;
  }
  at((d += r.int(1, 6)), { kind: 't', name: 'accept', by: holder, input: {} });
  const simple = flow === 'simple' && !group;
  if (simple) at((d += r.int(0, 2)), { kind: 't', name: 'simplify', by: holder, input: { factsClear: true } });
  else at((d += r.int(0, 3)), { kind: 't', name: 'start', by: holder });
  const opinion = r.pick(['支持', '解释说明', '解释说明', '解释说明', '不予支持', '支持']);
  d += flow === 'late' ? r.int(62, 75) : simple ? r.int(3, 8) : r.int(12, 45);
  at(d, { kind: 't', name: 'draft', by: holder, input: { opinion, text: OPINION_TEXT[opinion] } });
  at((d += r.int(0, 2)), { kind: 't', name: 'approve', by: holder, role: 'lead' });
  at((d += r.int(0, 2)), { kind: 't', name: 'deliver', by: holder, input: { method: r.pick(['当面送达', '邮寄送达', '网上答复', '电话告知']), date: '' } });
  const satisfaction =
    flow === 'review' || flow === 'final' ? '不满意' : r.chance(0.72) ? (r.chance(0.78) ? '满意' : r.chance(0.6) ? '基本满意' : '不满意') : null;
  if (satisfaction) at(d + r.int(1, 6), { kind: 'rate', satisfaction });
  if (flow === 'review' || flow === 'final') {
    // 复查 by the level directly above the holder ('supervisor'), its opinion served; 复核 by the level above that ('upper').
    at((d += r.int(8, 20)), { kind: 't', name: 'request_review', by: holder, role: 'portal', comment: '对处理意见不服，申请复查' });
    at((d += r.int(1, 4)), { kind: 't', name: 'start_review', by: holder, role: 'supervisor' });
    const o = r.pick(['解释说明', '不予支持']);
    at((d += r.int(10, 25)), {
      kind: 't',
      name: 'conclude_review',
      by: holder,
      role: 'supervisor',
      input: { opinion: o, text: `复查意见：维持原处理意见。${OPINION_TEXT[o]}` },
    });
    at((d += r.int(1, 3)), {
      kind: 't',
      name: 'deliver_review',
      by: holder,
      role: 'supervisor',
      input: { method: r.pick(['当面送达', '邮寄送达']), date: '' },
    });
    if (flow === 'final') {
      at((d += r.int(5, 15)), { kind: 't', name: 'request_recheck', by: holder, role: 'portal', comment: '对复查意见不服，申请复核' });
      const opinion = { opinion: '不予支持', text: '复核意见：维持复查意见，本信访事项复核终结。' };
      if (CITY_BUREAU.test(holder)) {
        // The 复查 was the department's (民政厅): no level above it in the platform, the 复核 goes to 自治区人民政府.
        at((d += r.int(1, 4)), { kind: 't', name: 'refer_recheck', by: holder, role: 'supervisor', input: { body: '宁夏回族自治区人民政府', referredOn: '' } });
        at((d += r.int(15, 25)), { kind: 't', name: 'record_recheck_outcome', by: holder, role: 'supervisor', input: { ...opinion, decidedOn: '' } });
        at((d += r.int(1, 3)), { kind: 't', name: 'deliver_recheck', by: holder, role: 'supervisor', input: { method: '邮寄送达', date: '' } });
      } else {
        at((d += r.int(1, 4)), { kind: 't', name: 'start_recheck', by: holder, role: 'upper' });
        at((d += r.int(10, 25)), { kind: 't', name: 'conclude_recheck', by: holder, role: 'upper', input: opinion });
        at((d += r.int(1, 3)), { kind: 't', name: 'deliver_recheck', by: holder, role: 'upper', input: { method: '邮寄送达', date: '' } });
      }
      return s;
    }
  }
  // 办结 once the 复查 (or 复核) window has run out: 30 日 from receipt, rolled over at most a 春节 or 国庆 week.
  at(d + r.int(42, 50), { kind: 't', name: 'close', by: holder });
  void upper;
  return s;
}

/** A city bureau (e.g. 640100-mzj): its level above is the department, above which the platform has no body. */
const CITY_BUREAU = /^\d{4}00-mzj$/;

/** Moves up to (and including) an open state; used for the petitions still in progress. */
const OPEN_STATES = [
  'registered',
  'handed_off',
  'accepted',
  'simple',
  'handling',
  'drafted',
  'approved',
  'delivered',
  'review_requested',
  'reviewing',
  'reviewed',
  'recheck_requested',
  'rechecking',
] as const;
export type OpenState = (typeof OPEN_STATES)[number];
export function openMoves(r: Rng, holder: string, state: OpenState, d: number): PlannedStep[] {
  const full = conclude(
    r,
    holder,
    '',
    state === 'simple' ? 'simple' : state.includes('recheck') || state === 'reviewed' ? 'final' : state.includes('review') ? 'review' : 'self',
    d,
    false,
  );
  const until: Record<OpenState, string | null> = {
    registered: null,
    handed_off: null,
    accepted: 'accept',
    simple: 'simplify',
    handling: 'start',
    drafted: 'draft',
    approved: 'approve',
    delivered: 'deliver',
    review_requested: 'request_review',
    reviewing: 'start_review',
    reviewed: 'conclude_review',
    recheck_requested: 'request_recheck',
    rechecking: 'start_recheck',
  };
  const last = until[state];
  if (!last) return [];
  const i = full.findIndex((x) => x.move.kind === 't' && x.move.name === last);
  return full.slice(0, i + 1);
}

const bureau = (area: string) => `${area}-mzj`;
