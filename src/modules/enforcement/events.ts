import { defineModuleEvent } from '../../kernel/module/contract.ts';

/**
 * A 行政处罚决定 was made (决定, kind 处罚): for the 主动公开 catalogue. Only what may be published is
 * carried (《政府信息公开条例》第十五条): a natural person's name arrives masked (马**), never an ID number
 * or an address. Listeners run inside the transaction of the decision (src/kernel/module/events.ts).
 */
export type PenaltyDecided = {
  caseId: string;
  orgUnitId: string;
  decisionNo: string;
  decidedOn: string;
  /** The organization's name, or a person's name masked. */
  party: string;
  powerName: string;
  penaltyKinds: string[];
  fine: number | null;
};

const decided = defineModuleEvent<PenaltyDecided>();
export const onPenaltyDecided = decided.on;
export const emitPenaltyDecided = decided.emit;
