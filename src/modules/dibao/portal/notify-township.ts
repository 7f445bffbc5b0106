import type { AppContext } from '../../../platform/context.ts';
import { notify } from '../../../kernel/notify/index.ts';
import { holdersAt } from '../../../kernel/workflow/index.ts';

type Registered = { id: string; refNo: string; household: string; orgUnitId: string };

/**
 * 网上申请 reaches the township office at once (nobody there registered it): each clerk there who holds
 * 办理 (dibao.handle) is told by name, naming the application and the household; the office as a whole
 * when nobody there holds it yet, so the notice is never lost.
 */
export async function notifyTownshipOfOnlineApplication(tx: AppContext, reg: Registered): Promise<void> {
  const message = {
    orgUnitId: reg.orgUnitId,
    caseId: reg.id,
    kind: 'dibao.online_application',
    title: `网上低保申请待受理：${reg.refNo} ${reg.household}`,
    body: '群众通过门户网站提交了低保申请，请及时受理，或一次性告知需补齐的材料。',
  };
  const clerks = await holdersAt(tx, reg.orgUnitId, 'dibao.handle', null);
  if (!clerks.length) {
    await notify(tx, { ...message, dedupeKey: `dibao.online_application:${reg.id}` });
    return;
  }
  for (const c of clerks) await notify(tx, { ...message, userId: c.user_id, dedupeKey: `dibao.online_application:${reg.id}:${c.user_id}` });
}
