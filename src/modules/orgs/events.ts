import { defineModuleEvent } from '../../kernel/module/contract.ts';
import type { Actor } from '../../kernel/identity/index.ts';

/**
 * A social organization was put on a credit list (活动异常名录 / 严重违法失信名单 / the older 失信 list) —
 * by hand, by a penalty, a revocation, an inspection, a spot check or the daily sweep. For the 主动公开
 * catalogue. Listeners run inside the transaction of the listing (src/kernel/module/events.ts).
 */
export type CreditListed = {
  listingId: string;
  organizationId: string;
  /** The registration authority (登记管理机关) that lists it. */
  orgUnitId: string;
  organization: string;
  uscc: string;
  listLabel: string;
  reasonLabel: string;
  listedOn: string;
};

const listed = defineModuleEvent<CreditListed>();
export const onCreditListed = listed.on;
export const emitCreditListed = listed.emit;

/**
 * A 成立登记 case was decided (准予登记 / 不予登记), for the module that handed the application over (the hall
 * reflects it on its application and delivers the result). `originCaseId`: that case, or null when the
 * registrar took the application itself. Runs inside the decision's transaction.
 */
export type EstablishmentDecided = {
  caseId: string;
  refNo: string;
  originCaseId: string | null;
  decision: '准予登记' | '不予登记';
  decidedOn: string;
  reason: string | null;
  /** 准予登记: the 登记证书号 and the issued 登记证书 (kernel document) the applicant receives. */
  certificateNo: string | null;
  certificateDocumentId: string | null;
  /** Who decided (the registrar's staff), for the other module's record of the move. */
  by: Actor;
};

const decided = defineModuleEvent<EstablishmentDecided>();
export const onEstablishmentDecided = decided.on;
export const emitEstablishmentDecided = decided.emit;
