import { defineModuleEvent } from '../../kernel/module/contract.ts';

/**
 * What other modules may learn about a document (listeners run inside the transaction of the move;
 * see defineModuleEvent in src/kernel/module/events.ts):
 * - `onNormdocChange`: its force ended — repealed (废止) or lapsed (失效) — for modules that cite
 *   documents (政策问答); 修改 = replaced by a published revision from its 施行日期; 重新登记 = continued
 *   (继续施行) under a new number and period from the new one's 施行日期;
 * - `onNormdocPublished`: it was published (公布) with its number — for the 主动公开 catalogue.
 */
export type NormdocChange = { caseId: string; number: string | null; title: string; kind: '废止' | '失效' | '修改' | '重新登记'; on: string; reason: string };
export type NormdocPublished = {
  caseId: string;
  orgUnitId: string;
  number: string | null;
  title: string;
  publishedOn: string;
  effectiveOn: string;
  validUntil: string;
  publishedIn: string | null;
};

const change = defineModuleEvent<NormdocChange>();
const published = defineModuleEvent<NormdocPublished>();

export const onNormdocChange = change.on;
export const emitNormdocChange = change.emit;
export const onNormdocPublished = published.on;
export const emitNormdocPublished = published.emit;
