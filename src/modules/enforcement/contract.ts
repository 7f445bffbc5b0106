/**
 * What other modules may use of 行政执法 (the only file they may import): the 行政处罚决定 event, for
 * the 主动公开 catalogue (see events.ts).
 */
export { onPenaltyDecided, type PenaltyDecided } from './events.ts';
