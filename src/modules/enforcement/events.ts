import { defineModuleEvent } from '../../kernel/module/contract.ts';

/**
 * A 行政处罚决定 was made (决定, kind 处罚): for the 主动公开 catalogue and the orgs credit rules. Only what may
 * be published is carried (《政府信息公开条例》第十五条): a natural person's name arrives masked (马**), never an
 * ID number or an address; an organization comes with its 统一社会信用代码 (public, like its name). Listeners run
 * inside the transaction of the decision (src/kernel/module/events.ts): one that throws refuses the decision.
 */
export type PenaltyDecided = {
  caseId: string;
  orgUnitId: string;
  decisionNo: string;
  decidedOn: string;
  /** The organization's name, or a person's name masked. */
  party: string;
  /** The party's 统一社会信用代码 when it is an organization that has one (checked at 立案), else null. */
  partyUscc: string | null;
  powerName: string;
  /** The legal basis stated in the 告知 (依据), the 违法事实 found. */
  basis: string;
  facts: string;
  penaltyKinds: string[];
  /** 元. */
  fine: number | null;
  /** 限期停止活动: its last day. */
  suspendedUntil: string | null;
};

const decided = defineModuleEvent<PenaltyDecided>();
export const onPenaltyDecided = decided.on;
export const emitPenaltyDecided = decided.emit;
