import type { Actor } from '../identity/actor.ts';

/**
 * Public types of the audit kernel (审计). Every change of state writes one AuditInput;
 * reads of a person's full record write a 'pii.read' event (个人信息查阅记录).
 */

export const AUDIT_PERMISSIONS = {
  /** 查看审计日志 — scope-filtered like any other record. */
  read: 'audit.read',
  /** 校验审计链 — the verify result covers the whole log, so it is a separate grant. */
  verify: 'audit.verify',
} as const;

export const AUDIT_ERRORS = {
  AUDIT_EVENT_NOT_FOUND: '审计事件',
  AUDIT_CHECKPOINT_CONFLICT: '另一个检查点正在写入，请稍后重试',
  AUDIT_BAD_INPUT: '审计事件参数不正确',
} as const;

export type AuditInput = {
  actor: Actor;
  /** Dotted verb, e.g. 'user.create', 'case.transfer'. */
  action: string;
  entityType: string;
  entityId?: string | null;
  /** Values before/after the change. Never pass plaintext 身份证号 or phone numbers: pass masked values. */
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  /** Defaults to the actor's area; given only a path, the code is its last segment. */
  areaCode?: string | null;
  areaPath?: string | null;
  /** Defaults to the actor's org unit. */
  orgUnitId?: string | null;
};

export type RecordedAudit = { id: string; chainId: number; seq: number; hash: string };

/** One row of core.audit_event as both drivers return it (the shape that is hashed). */
export type AuditEventRow = {
  chain_id: number;
  seq: number;
  id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  org_unit_id: string | null;
  area_code: string | null;
  area_path: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  client_ip: string | null;
  prev_id: string | null;
  prev_hash: string;
  hash: string;
};

/** A chain head as snapshotted into a checkpoint. */
export type ChainHead = { chain: number; seq: number; hash: string; id: string | null };

export type AuditProblemKind = 'altered' | 'removed' | 'inserted' | 'head_mismatch' | 'checkpoint_mismatch';

export type AuditProblem = {
  kind: AuditProblemKind;
  /** null for a problem in the checkpoint chain itself. */
  chainId: number | null;
  /** Event seq; for a checkpoint-chain problem, the checkpoint's seq. */
  seq: number;
  eventId: string | null;
  /** Chinese, for people. */
  message: string;
};

export type VerifyResult = {
  ok: boolean;
  events: number;
  chains: number;
  checkpoints: number;
  /** SM3 over the chain heads: the "system head" to compare with an exported checkpoint. */
  headHash: string;
  /** The first one is the first damage found, in chain order. */
  problems: AuditProblem[];
  /** True when more problems were found than are listed (the list is capped). */
  truncated: boolean;
};
