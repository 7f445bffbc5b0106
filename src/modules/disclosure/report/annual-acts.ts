import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { normdocDisclosureFigures } from '../../normdocs/contract.ts';
import { coercionDecisionFigures, penaltyDecisionFigures, remedyDisclosureFigures } from '../../enforcement/contract.ts';
import { licensingDecisionFigures } from '../../orgs/contract.ts';
import type { AnnualActs, AnnualTables } from '../contracts/http.ts';
import { feeItems } from '../charges/fee-items.ts';
import type { AnnualArea } from './annual-area.ts';

const none = () => ({ value: 0, ids: [] as string[] });
export const RULES_NOTE =
  '民政部门不享有规章制定权（《中华人民共和国立法法》：部门规章由国务院部门制定，地方政府规章由省、自治区、直辖市和设区的市、自治州的人民政府制定），本项为0。';
export const NO_FEES_NOTE = '本机关无行政事业性收费项目（本年行政事业性收费项目登记为空），本项为0。';
const REMEDIES_NOTE =
  '口径：本年受理的、针对本机关政府信息公开答复（或其他政府信息公开行为）的行政复议和行政诉讼案件（复议诉讼登记簿中事项类别为“政府信息公开”的记录）；年底前未作出结果的计入“尚未审结”。';
const REMEDY_HREF = '/enforcement/remedies?id=';

/**
 * 二、主动公开政府信息情况 as 国办公开办函〔2021〕30号 tabulates it, from the modules that hold the acts
 * (each read through its contract, over what the actor may read there):
 * - 第二十条第(一)项: 规章 — 0 with its reason (民政部门 make no 规章); 行政规范性文件 — the normdocs register
 *   (制发 = 公布, 废止 = 废止或失效, 现行有效 at the year's end);
 * - 第二十条第(五)项 行政许可: the registrar's decisions on 社会组织 成立/变更/注销登记 applications;
 * - 第二十条第(六)项 行政处罚: penalty decisions of the year; 行政强制: the 行政强制 decisions recorded (enforcement);
 * - 第二十条第(八)项 行政事业性收费: the fee items recorded for the year (万元); none → 0 with that reason.
 */
export async function annualActs(ctx: AppContext, actor: Actor, area: AnnualArea, year: number): Promise<AnnualActs> {
  const a = { actor, areaCode: area.code, areaPath: area.path, from: `${year}-01-01`, to: `${year}-12-31` };
  const fees = (await feeItems(ctx, actor, year, area.path)).items;
  const total = Math.round(fees.reduce((n, f) => n + f.amount * 1e4, 0)) / 1e4;
  return {
    documents: [
      { label: '规章', issued: none(), repealed: none(), current: none(), note: RULES_NOTE },
      { label: '行政规范性文件', ...(await normdocDisclosureFigures(ctx, a)) },
    ],
    decisions: [
      { item: '第二十条第（五）项', label: '行政许可', decisions: await licensingDecisionFigures(ctx, a) },
      { item: '第二十条第（六）项', label: '行政处罚', decisions: await penaltyDecisionFigures(ctx, a) },
      {
        item: '第二十条第（六）项',
        label: '行政强制',
        decisions: { ...(await coercionDecisionFigures(ctx, a)), href: '/enforcement/remedies?tab=coercion&id=' },
        note: '行政强制决定登记（查封、扣押等）中决定日期在本年的记录。',
      },
    ],
    charges: {
      label: '行政事业性收费',
      tenThousandYuan: { value: total, ids: fees.map((f) => f.id).sort(), href: '' },
      note: fees.length ? `本年登记收费项目 ${fees.length} 项，合计 ${total} 万元。` : NO_FEES_NOTE,
      items: fees.map((f) => ({ id: f.id, org: f.org, name: f.name, basis: f.basis, amount: f.amount })),
    },
  };
}

/** 四、政府信息公开行政复议、行政诉讼情况 from the 复议诉讼 register (enforcement), each cell with its record ids. */
export async function annualRemedies(ctx: AppContext, actor: Actor, area: AnnualArea, year: number): Promise<AnnualTables['remedies']> {
  const f = await remedyDisclosureFigures(ctx, { actor, areaCode: area.code, areaPath: area.path, from: `${year}-01-01`, to: `${year}-12-31` });
  const linked = (cells: typeof f.review) => cells.map((c) => ({ ...c, href: REMEDY_HREF }));
  return { review: linked(f.review), direct: linked(f.direct), afterReview: linked(f.afterReview), note: REMEDIES_NOTE };
}
