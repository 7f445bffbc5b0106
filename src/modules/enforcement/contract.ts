/**
 * What other modules may use of 行政执法 (the only file they may import): the 行政处罚决定 event, for
 * the 主动公开 catalogue and the orgs credit rules (see events.ts); the certified officers, for 检查人员.
 */
export { onPenaltyDecided, type PenaltyDecided } from './events.ts';
/** 行政处罚 decisions of a period, for the yearly 政府信息公开 report (第二十条第(六)项), with their case ids. */
// Server-only, loaded on first call: the console imports this contract for its vocabularies, and must not bundle the query.
export const penaltyDecisionFigures = async (...args: Parameters<typeof import('./report/disclosure-figures.ts').penaltyDecisionFigures>) =>
  (await import('./report/disclosure-figures.ts')).penaltyDecisionFigures(...args);
/** 行政强制 decisions (第二十条第(六)项) and 政府信息公开 复议/诉讼 (四), for the same report, with their record ids. */
export const coercionDecisionFigures = async (...args: Parameters<typeof import('./remedies/disclosure-figures.ts').coercionDecisionFigures>) =>
  (await import('./remedies/disclosure-figures.ts')).coercionDecisionFigures(...args);
export const remedyDisclosureFigures = async (...args: Parameters<typeof import('./remedies/disclosure-figures.ts').remedyDisclosureFigures>) =>
  (await import('./remedies/disclosure-figures.ts')).remedyDisclosureFigures(...args);
/** The 检查人员 of a 互联网+监管 检查行为: ≥ 2 officers in the actor's scope with a valid 行政执法证 on the day (else 400/422). */
export const certifiedInspectors = async (...args: Parameters<typeof import('./officers/inspectors.ts').certifiedInspectors>) =>
  (await import('./officers/inspectors.ts')).certifiedInspectors(...args);
/** A unit's officers with a valid 行政执法证 on a day, or given officers with their certificate's problem on it: the orgs 双随机 pool. */
export const unitOfficers = async (...args: Parameters<typeof import('./officers/inspectors.ts').unitOfficers>) =>
  (await import('./officers/inspectors.ts')).unitOfficers(...args);
export type { UnitOfficer } from './officers/inspectors.ts';
