import { defineModuleEvent } from '../../kernel/module/contract.ts';

/**
 * A household was posted on a 低保 list: 公示 (the township's 审核意见, 张榜) or 公布 (after 确认同意).
 * For the 主动公开 catalogue. The entry carries only what the posted list shows
 * (《政府信息公开条例》第十五条, 《社会救助暂行办法》第六十一条): the applicant's name with the given name
 * masked, household size, insured persons and the amount — never an ID number or an address.
 * Listeners run inside the transaction of the posting (src/kernel/module/events.ts).
 */
export type DibaoPosted = {
  kind: '公示' | '公布';
  /** The posting's own id: a 公布 record, or `<case id>:公示:<round>`. */
  sourceId: string;
  caseId: string;
  orgUnitId: string;
  /** The village or community where the list is posted. */
  areaCode: string;
  areaName: string;
  postedOn: string;
  entry: { name: string; householdSize: number; insuredPersons: number; amountCents: number | null };
};

const posted = defineModuleEvent<DibaoPosted>();
export const onDibaoPosted = posted.on;
export const emitDibaoPosted = posted.emit;
