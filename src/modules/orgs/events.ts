import { defineModuleEvent } from '../../kernel/module/contract.ts';

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
