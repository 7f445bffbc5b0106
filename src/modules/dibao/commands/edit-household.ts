import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError, forbidden } from '../../../platform/errors.ts';
import { encryptPii, maskPhone } from '../../../platform/crypto/pii.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { recordInScope } from '../../../kernel/identity/index.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { AddMemberInput, FinancesInput, LeaveMemberInput, fieldLabel } from './household-input.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { householdSnapshot, insertFinances, insertMembers, prepareMembers, refuseDuplicates, writeHouseholdChange } from './store-household.ts';

async function lockHousehold(tx: AppContext, actor: Actor, id: string) {
  const h = (
    await sql<{ id: string; area_path: string; status: string }>`select id, area_path, status from dibao.household where id = ${id} for update`.execute(tx.db)
  ).rows[0];
  if (!h || !recordInScope(actor, 'dibao.read', { areaPath: h.area_path })) throw new AppError('DIBAO_HOUSEHOLD_NOT_FOUND', 404, '低保家庭不存在或无权查看');
  if (!recordInScope(actor, 'dibao.handle', { areaPath: h.area_path })) throw forbidden('只有本辖区具有低保办理权限的人员才能变更家庭信息');
  return h;
}

/** Replace income, assets and 刚性支出 (and contact details) with a reason; the change is kept in the history. */
export async function editFinances(ctx: AppContext, actor: Actor, id: string, raw: unknown) {
  const input = parseInput(FinancesInput, raw, fieldLabel);
  return withTx(ctx, async (tx) => {
    await lockHousehold(tx, actor, id);
    const before = await householdSnapshot(tx, id);
    const memberIds = (await sql<{ id: string }>`select id from dibao.member where household_id = ${id} order by created_at, id`.execute(tx.db)).rows.map(
      (r) => r.id,
    );
    await sql`delete from dibao.income where household_id = ${id}`.execute(tx.db);
    await sql`delete from dibao.asset where household_id = ${id}`.execute(tx.db);
    await sql`delete from dibao.expense where household_id = ${id}`.execute(tx.db);
    await insertFinances(tx, id, memberIds, input);
    if (input.phone)
      await sql`update dibao.household set phone_enc = ${await encryptPii(tx, input.phone)}, phone_masked = ${maskPhone(input.phone)} where id = ${id}`.execute(
        tx.db,
      );
    if (input.address) await sql`update dibao.household set address = ${input.address} where id = ${id}`.execute(tx.db);
    await sql`update dibao.household set version = version + 1, updated_at = ${tx.clock.now()} where id = ${id}`.execute(tx.db);
    await writeHouseholdChange(tx, {
      householdId: id,
      actorId: actor.userId,
      kind: '收入财产变更',
      summary: input.reason,
      before,
      after: await householdSnapshot(tx, id),
    });
    return { ok: true as const };
  });
}

/** 增员: the new member is checked against every other active household first. */
export async function addMember(ctx: AppContext, actor: Actor, id: string, raw: unknown) {
  const input = parseInput(AddMemberInput, raw, fieldLabel);
  const [m] = prepareMembers([input], chinaDate(ctx.clock.now()), 'member');
  return withTx(ctx, async (tx) => {
    await lockHousehold(tx, actor, id);
    await refuseDuplicates(tx, [m!], null, 'member', actor);
    const before = await householdSnapshot(tx, id);
    await insertMembers(tx, id, [m!]);
    await writeHouseholdChange(tx, {
      householdId: id,
      actorId: actor.userId,
      kind: '增员',
      summary: `增员 ${m!.name}(${m!.idMasked}):${input.reason}`,
      before,
      after: await householdSnapshot(tx, id),
    });
    return { ok: true as const };
  });
}

/** 减员 (死亡、迁出、分户): the member stays in the history, inactive. */
export async function memberLeaves(ctx: AppContext, actor: Actor, id: string, memberId: string, raw: unknown) {
  const input = parseInput(LeaveMemberInput, raw, fieldLabel);
  return withTx(ctx, async (tx) => {
    await lockHousehold(tx, actor, id);
    const m = (
      await sql<{
        name: string;
        id_number_masked: string;
        active: boolean;
      }>`select name, id_number_masked, active from dibao.member where id = ${memberId} and household_id = ${id}`.execute(tx.db)
    ).rows[0];
    if (!m) throw new AppError('DIBAO_MEMBER_NOT_FOUND', 404, '家庭成员不存在');
    if (!m.active) throw new AppError('DIBAO_MEMBER_INACTIVE', 409, `${m.name}已不在本户`);
    const before = await householdSnapshot(tx, id);
    await sql`update dibao.member set active = false, left_on = ${input.leftOn}::date, left_reason = ${input.leftReason} where id = ${memberId}`.execute(tx.db);
    await sql`update dibao.household set version = version + 1, updated_at = ${tx.clock.now()} where id = ${id}`.execute(tx.db);
    await writeHouseholdChange(tx, {
      householdId: id,
      actorId: actor.userId,
      kind: '减员',
      summary: `减员 ${m.name}(${m.id_number_masked}),${input.leftReason}${input.reason ? `:${input.reason}` : ''}`,
      before,
      after: await householdSnapshot(tx, id),
    });
    return { ok: true as const };
  });
}
