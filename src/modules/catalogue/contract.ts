/**
 * 政务服务事项 module contract: what other modules may use — an office's implementation-list rows
 * (the hall reads 承诺时限, 办理深度, 跑动次数 from them) and the 检查行为 record that enforcement and
 * social-organization inspections write to 互联网+监管. See README.md.
 */
export { findImplementation, listImplementations, type FindImplementationQuery } from './queries/find-implementation.ts';
export type { ImplementationSummary } from './contracts/implementation.ts';
export { recordInspection, InspectionRecordInput } from './commands/inspection-record.ts';
export { inspectionItemsOf, type InspectionItem } from './queries/inspection-items.ts';
/** 谁审核: another person of the office approves or returns a 检查行为 (the orgs demo reviews its spot checks' records). */
export { reviewInspection } from './commands/inspection-entry.ts';
/** The 2019 检查行为 demo: it needs enforcement's certified officers, so enforcement's demo runs it once they exist. */
export const seedDemoInspections = async (...args: Parameters<typeof import('./demo/seed-demo-inspections.ts').seedDemoInspections>) =>
  (await import('./demo/seed-demo-inspections.ts')).seedDemoInspections(...args);
