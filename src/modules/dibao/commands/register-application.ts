import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { SYSTEM_ACTOR, type Actor } from '../../../kernel/identity/index.ts';
import { createCase } from '../../../kernel/workflow/index.ts';
import { DIBAO_TYPE, MATERIALS, countyOfPath, townshipOfPath } from '../contract.ts';
import { regimeOn } from '../delegation/regime.ts';
import { fileRelative } from '../steps/near-relative.ts';
import { mustApplyAtHukou } from './hukou-rule.ts';
import { ApplicationInput, fieldLabel } from './household-input.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import {
  insertFinances,
  insertHousehold,
  insertMembers,
  prepareMembers,
  refuseDuplicates,
  duplicateFlag,
  writeHouseholdChange,
  householdSnapshot,
} from './store-household.ts';
import '../workflow.ts';

/** The materials every application needs; the optional ones (如有) are never "missing". */
const REQUIRED = MATERIALS.filter((m) => !m.includes('如有'));

/** `unverified`: a 网上申请 — its members take no one-household slot and a duplicate is flagged, not refused. */
export type RegisterOptions = { system?: boolean; queryCodeHash?: string; isDemo?: boolean; unverified?: boolean };

/**
 * 申请 (township window, 村/居委会 on the household's behalf, or the portal): household, members,
 * income, assets and 刚性支出, the case and its application row — one transaction. Every
 * 身份证号 is validated first; a person active in another household is refused with an explanation
 * (details only within the clerk's scope), or for an unverified 网上申请 flagged for the township.
 */
export async function registerApplication(ctx: AppContext, actor: Actor, raw: unknown, opts: RegisterOptions = {}) {
  const input = parseInput(ApplicationInput, raw, fieldLabel);
  const today = chinaDate(ctx.clock.now());
  const members = prepareMembers(input.members, today);
  input.incomes.forEach((x, i) => {
    if (x.memberIndex !== undefined && x.memberIndex >= members.length)
      throw badRequest('VALIDATION_FAILED', `「收入第 ${i + 1} 项·成员」不存在`, { field: `incomes.${i}.memberIndex` });
  });
  const area = await ctx.db.selectFrom('core.area').select(['code', 'name', 'path', 'level']).where('code', '=', input.areaCode).executeTakeFirst();
  if (!area || area.level < 4) throw badRequest('DIBAO_AREA_UNKNOWN', `「所在地」${input.areaCode} 不是已知的乡镇（街道）或村（社区）`, { field: 'areaCode' });
  const township = townshipOfPath(area.path)!;
  const county = countyOfPath(area.path)!;
  const org = (
    await sql<{
      id: string;
      name: string;
    }>`select id, name from core.org_unit where area_code = ${township} and kind = 'township_office' and active limit 1`.execute(ctx.db)
  ).rows[0];
  if (!org) throw badRequest('DIBAO_NO_TOWNSHIP_OFFICE', `「所在地」${area.name}所属乡镇（街道）尚未开通低保受理`, { field: 'areaCode' });
  const applicantIndex = input.members.findIndex((m) => m.relation === '申请人');
  await mustApplyAtHukou(ctx, input.members[applicantIndex]?.hukouAreaCode, township, county, applicantIndex);
  return withTx(ctx, async (tx) => {
    if (!opts.unverified) await refuseDuplicates(tx, members, null, 'members', opts.system ? null : actor);
    const flag = opts.unverified ? await duplicateFlag(tx, members) : null;
    const householdId = await insertHousehold(tx, {
      areaCode: area.code,
      areaPath: area.path,
      kind: input.kind,
      address: input.address,
      phone: input.phone,
      isDemo: opts.isDemo,
    });
    const memberIds = await insertMembers(tx, householdId, members, opts.unverified ?? false);
    await insertFinances(tx, householdId, memberIds, input);
    const applicant = members.find((m) => m.relation === '申请人')!;
    const household = `${applicant.name}户（${area.name}）`;
    const c = await createCase(tx, opts.system ? SYSTEM_ACTOR : actor, {
      type: DIBAO_TYPE,
      title: `低保申请：${household}`,
      orgUnitId: org.id,
      system: opts.system,
      comment: input.reason ?? null,
    });
    const regime = await regimeOn(tx.db, county, today);
    const missing = REQUIRED.filter((m) => !input.materials.includes(m));
    await sql`insert into dibao.application (case_id, household_id, authority, delegation_id, county_code, township_org_id, channel, relative_of_staff, missing_materials, query_code_hash, is_demo, duplicate_flag, created_at)
      values (${c.id}, ${householdId}, ${regime.authority}, ${regime.delegationId}, ${county}, ${org.id}, ${input.channel}, ${input.relativeOfStaff || !!input.staffRelative},
        ${JSON.stringify({ items: missing, suggested: true })}::jsonb, ${opts.queryCodeHash ?? null}, ${opts.isDemo ?? false}, ${flag ? JSON.stringify(flag) : null}::jsonb, ${tx.clock.now()})`.execute(
      tx.db,
    );
    await fileRelative(
      tx,
      { caseId: c.id, householdId, countyCode: county, areaPath: area.path, isDemo: opts.isDemo },
      input.relativeOfStaff,
      input.staffRelative,
    );
    await writeHouseholdChange(tx, {
      householdId,
      actorId: opts.system ? null : actor.userId,
      kind: '登记',
      caseId: c.id,
      summary: `${input.channel}申请登记，家庭成员 ${members.length} 人（申请编号 ${c.ref_no}）`,
      after: await householdSnapshot(tx, householdId),
    });
    return {
      id: c.id,
      refNo: c.ref_no,
      householdId,
      household,
      orgUnitId: org.id,
      state: c.state,
      township: org.name,
      authority: regime.authority,
      missingMaterials: missing,
    };
  }).catch((e: unknown) => {
    // The partial unique index is the last line of defence when two registrations race.
    if (e instanceof Error && /member_one_active_household/.test(e.message))
      throw new AppError('DIBAO_PERSON_IN_OTHER_HOUSEHOLD', 409, '有家庭成员已在另一户低保家庭登记（同时提交），请刷新后重试');
    throw e;
  });
}
