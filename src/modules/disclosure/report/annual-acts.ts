import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { normdocDisclosureFigures } from '../../normdocs/contract.ts';
import { penaltyDecisionFigures } from '../../enforcement/contract.ts';
import { licensingDecisionFigures } from '../../orgs/contract.ts';
import type { AnnualActs } from '../contracts/http.ts';
import type { AnnualArea } from './annual-area.ts';

const none = () => ({ value: 0, ids: [] as string[] });

/**
 * 二、主动公开政府信息情况 as 国办公开办函〔2021〕30号 tabulates it, from the modules that hold the acts
 * (each read through its contract, over what the actor may read there):
 * - 第二十条第(一)项: 规章 — none (民政部门 make no 规章); 行政规范性文件 — the normdocs register (制发 = 公布,
 *   废止 = 废止或失效, 现行有效 at the year's end);
 * - 第二十条第(五)项 行政许可: the registrar's decisions on 社会组织 成立/变更/注销登记 applications;
 * - 第二十条第(六)项 行政处罚: penalty decisions of the year; 行政强制: none (the platform records no 行政强制 decisions);
 * - 第二十条第(八)项 行政事业性收费: none (民政部门 of the region levy none here), 万元.
 */
export async function annualActs(ctx: AppContext, actor: Actor, area: AnnualArea, year: number): Promise<AnnualActs> {
  const a = { actor, areaCode: area.code, areaPath: area.path, from: `${year}-01-01`, to: `${year}-12-31` };
  return {
    documents: [
      { label: '规章', issued: none(), repealed: none(), current: none() },
      { label: '行政规范性文件', ...(await normdocDisclosureFigures(ctx, a)) },
    ],
    decisions: [
      { item: '第二十条第（五）项', label: '行政许可', decisions: await licensingDecisionFigures(ctx, a) },
      { item: '第二十条第（六）项', label: '行政处罚', decisions: await penaltyDecisionFigures(ctx, a) },
      { item: '第二十条第（六）项', label: '行政强制', decisions: none() },
    ],
    charges: { label: '行政事业性收费', tenThousandYuan: none() },
  };
}
