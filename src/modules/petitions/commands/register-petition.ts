import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { createCase } from '../../../kernel/workflow/index.ts';
import { petitionWorkflow } from '../workflow.ts';
import { detectFlags, type PetitionFlags } from './detect-flags.ts';
import { RegisterPetitionInput } from './petition-input.ts';
import { insertPetition, insertPetitioners, preparePetitioners } from './store-petition.ts';
import { reportUrgent } from './urgent-report.ts';

export type RegisterResult = { id: string; refNo: string; state: string; flags: PetitionFlags };

/** More than five representatives: registered all the same, with this warning (第二十条第三款 binds the visitors). */
export const manyRepresentativesWarning = (n: number) =>
  `集体访推选代表 ${n} 人，超过 5 人：请引导信访人推选不超过 5 名代表反映诉求（《信访工作条例》第二十条第三款）；信访事项照常登记。`;

/**
 * Staff intake (登记): validate, encrypt PII, flag 重信重访 / 越级 / a matter already 复核终结, open the
 * case — one transaction. Nothing is refused here: whether a matter is the 「同一事实和理由」 of one
 * already 复核终结 is the handler's judgement (refuse with reasons, commands/screen-petition.ts).
 */
export async function registerPetition(
  ctx: AppContext,
  actor: Actor,
  raw: unknown,
  extra: { queryCodeHash?: string; system?: boolean } = {},
): Promise<RegisterResult> {
  const input = parseInput(RegisterPetitionInput, raw);
  const today = chinaDate(ctx.clock.now());
  const people = preparePetitioners(input.petitioners, today);
  if (input.receivedOn && input.receivedOn > today) throw badRequest('VALIDATION_FAILED', '「收到日期」不能晚于今天', { field: 'receivedOn' });
  return withTx(ctx, async (tx) => {
    const orgUnitId = input.orgUnitId ?? actor.orgUnitId;
    const org = await tx.db.selectFrom('core.org_unit').select(['id', 'area_path']).where('id', '=', orgUnitId).executeTakeFirst();
    if (!org) throw new AppError('ORG_UNIT_NOT_FOUND', 400, '登记单位不存在', { field: 'orgUnitId' });
    if (input.accusedOrgId) {
      const accused = await tx.db.selectFrom('core.org_unit').select('id').where('id', '=', input.accusedOrgId).executeTakeFirst();
      if (!accused) throw badRequest('ORG_UNIT_NOT_FOUND', '「被检举单位」不存在', { field: 'accusedOrgId' });
    }
    const flags = await detectFlags(tx, {
      idHashes: people.flatMap((p) => (p.idHash ? [p.idHash] : [])),
      content: input.content,
      concernedAreaCode: input.concernedAreaCode,
      receivingOrgPath: org.area_path,
      visit: input.channel === '来访',
    });
    if (input.accusedOrgId === orgUnitId)
      flags.suggestions.push('被检举单位为本单位：登记后请转送上级机关或纪检监察机关依规依纪依法办理，本单位不得自行处理（《信访工作条例》第三十条）。');
    if ((input.representatives ?? 0) > 5) flags.suggestions.push(manyRepresentativesWarning(input.representatives!));
    const receivedOn = input.receivedOn ?? today;
    const row = await createCase(tx, actor, { type: petitionWorkflow.type, title: input.title, orgUnitId, system: extra.system, input: { receivedOn } });
    await insertPetition(tx, {
      caseId: row.id,
      channel: input.channel,
      sourceBody: input.sourceBody,
      sourceRef: input.sourceRef,
      originalForm: input.originalForm ?? (input.channel === '上级转来' ? null : input.channel),
      category: input.category,
      subject: input.subject,
      concernedAreaCode: input.concernedAreaCode,
      concernedAreaPath: flags.concernedAreaPath,
      content: input.content,
      visitBatch: input.visitBatch,
      visitPersons: input.visitPersons,
      representatives: input.representatives,
      anonymous: input.anonymous,
      queryCodeHash: extra.queryCodeHash,
      isRepeat: !!flags.repeat,
      repeatOf: flags.repeat?.caseId,
      finalMatchOf: flags.finalMatch?.caseId,
      isSkipLevel: flags.skipLevel,
      firstTime: people.some((p) => p.idHash) ? flags.firstTime : null,
      receivedOn,
      complainedOrg: input.complainedOrg,
      accusedName: input.accusedName,
      accusedOrgId: input.accusedOrgId,
      urgent: input.urgent,
      urgentNote: input.urgentNote,
    });
    await insertPetitioners(tx, row.id, people);
    if (input.urgent) flags.suggestions.push(await reportUrgent(tx, row, input.urgentNote!));
    return { id: row.id, refNo: row.ref_no, state: row.state, flags };
  });
}
