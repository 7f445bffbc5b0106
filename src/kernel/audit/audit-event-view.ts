import type { AuditEventRow } from './contract.ts';

/** One audit event as the API shows it in lists (no values, which may be large). */
export type AuditEventSummary = {
  id: string;
  chainId: number;
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  orgUnitId: string | null;
  areaCode: string | null;
  areaPath: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  reason: string | null;
  clientIp: string | null;
};

export type AuditEventDetail = AuditEventSummary & { before: unknown; after: unknown; prevId: string | null; prevHash: string; hash: string };

export const SUMMARY_COLUMNS = [
  'id',
  'chain_id',
  'seq',
  'at',
  'actor_id',
  'actor_name',
  'org_unit_id',
  'area_code',
  'area_path',
  'action',
  'entity_type',
  'entity_id',
  'reason',
  'client_ip',
] as const;

type SummaryRow = Pick<AuditEventRow, (typeof SUMMARY_COLUMNS)[number]>;

export function toSummary(r: SummaryRow): AuditEventSummary {
  return {
    id: r.id,
    chainId: r.chain_id,
    seq: r.seq,
    at: r.at.toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    orgUnitId: r.org_unit_id,
    areaCode: r.area_code,
    areaPath: r.area_path,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    reason: r.reason,
    clientIp: r.client_ip,
  };
}

export function toDetail(r: AuditEventRow): AuditEventDetail {
  return { ...toSummary(r), before: r.before, after: r.after, prevId: r.prev_id, prevHash: r.prev_hash, hash: r.hash };
}
