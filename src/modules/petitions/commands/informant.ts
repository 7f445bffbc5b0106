import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { actorOrgIds, type CaseRow } from '../../../kernel/workflow/index.ts';
import type { Actor } from '../../../kernel/identity/index.ts';

/** What other readers of a 检举控告 matter see instead of the informant. */
export const HIDDEN_INFORMANT = '检举人（信息保密）';

/**
 * 第三十条第三款: the informant of a 检举控告 matter stays with its handler — members of the unit
 * holding it with petition.handle. Everyone else who may read the case sees no name, number or phone.
 */
export function informantHidden(actor: Actor, category: string, holderOrgId: string): boolean {
  if (category !== '检举控告') return false;
  const handler =
    actorOrgIds(actor).includes(holderOrgId) && actor.grants.some((g) => g.orgUnitId === holderOrgId && g.permissions.includes('petition.handle'));
  return !handler;
}

/**
 * Hand-off check (workflow handoff.check): a 检举控告 matter never goes to the 被检举单位 or a unit
 * inside it (第三十条第三款: 不得将…检举、揭发材料…转给被检举、揭发的人员或者单位).
 */
export async function refuseAccusedReceiver(tx: AppContext, c: CaseRow, toOrgId: string): Promise<void> {
  const r = (
    await sql<{ name: string }>`select a.name from petitions.petition p join core.org_unit a on a.id = p.accused_org_id
      join core.org_unit t on t.id = ${toOrgId}
      where p.case_id = ${c.id} and p.category = '检举控告' and (t.id = a.id or t.parent_id = a.id)`.execute(tx.db)
  ).rows[0];
  if (r)
    throw new AppError('PETITION_ACCUSED_ORG', 409, `不得将检举控告材料转送、交办给被检举单位「${r.name}」（《信访工作条例》第三十条第三款）`, {
      field: 'toOrgId',
    });
}
