import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { openParts } from '../../../kernel/workflow/index.ts';

/** 分送协办: each office gets a part (kernel co-handling) with its own 1-month clock. */
export function openProposalParts(ctx: AppContext, actor: Actor, caseId: string, assistOrgIds: readonly string[]) {
  return openParts(ctx, actor, {
    caseId,
    parts: assistOrgIds.map((orgUnitId) => ({ orgUnitId, role: 'assist' as const })),
    note: '请于 1 个月内将协办意见送主办单位',
  });
}
