/** Public API of the audit kernel (审计). Other code imports from here or the named files. */
export { canonicalJson, toJsonValue } from './canonical-json.ts';
export { AUDIT_ERRORS, AUDIT_PERMISSIONS } from './contract.ts';
export type { AuditInput, AuditProblem, AuditProblemKind, ChainHead, RecordedAudit, VerifyResult } from './contract.ts';
export { ensureAuditChains } from './ensure-audit-chains.ts';
export { auditChainFor, recordAudit, recordPiiRead, seenHeadColumn, type PiiReadInput, type SeenHead } from './record-audit.ts';
export { writeCheckpoint, type Checkpoint } from './write-checkpoint.ts';
export { verifyAudit } from './verify-audit.ts';
export { listAuditEvents, type ListAuditEventsQuery, type AuditEventPage } from './list-audit-events.ts';
export { getAuditEvent } from './get-audit-event.ts';
export { registerAuditRoutes } from './routes.ts';
