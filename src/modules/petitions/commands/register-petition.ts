import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { SYSTEM_ACTOR, type Actor } from '../../../kernel/identity/index.ts';
import { createCase, runTransition } from '../../../kernel/workflow/index.ts';
import { AUTO_REFUSAL_TEXT, REFUSAL_REASONS } from '../contract.ts';
import { petitionLawToday } from '../law.ts';
import { petitionWorkflow } from '../workflow.ts';
import { detectFlags, type PetitionFlags } from './detect-flags.ts';
import { RegisterPetitionInput } from './petition-input.ts';
import { insertPetition, insertPetitioners, preparePetitioners } from './store-petition.ts';

export type AutoRefusal = { reasonCode: 'rechecked_final'; reason: string; legalBasis: string; guidance: string; originalRefNo: string; auto: true };
export type RegisterResult = { id: string; refNo: string; state: string; flags: PetitionFlags; refusal: AutoRefusal | null };

/** Staff intake (登记): validate, encrypt PII, flag 重信重访 / 越级, open the case — one transaction. */
export async function registerPetition(
  ctx: AppContext,
  actor: Actor,
  raw: unknown,
  extra: { queryCodeHash?: string; system?: boolean } = {},
): Promise<RegisterResult> {
  const input = parseInput(RegisterPetitionInput, raw);
  const people = preparePetitioners(input.petitioners, chinaDate(ctx.clock.now()));
  return withTx(ctx, async (tx) => {
    const orgUnitId = input.orgUnitId ?? actor.orgUnitId;
    const org = await tx.db.selectFrom('core.org_unit').select(['id', 'area_path']).where('id', '=', orgUnitId).executeTakeFirst();
    if (!org) throw new AppError('ORG_UNIT_NOT_FOUND', 400, '登记单位不存在', { field: 'orgUnitId' });
    const flags = await detectFlags(tx, {
      idHashes: people.flatMap((p) => (p.idHash ? [p.idHash] : [])),
      content: input.content,
      concernedAreaCode: input.concernedAreaCode,
      receivingOrgPath: org.area_path,
      visit: input.channel === '来访',
      threshold: input.similarityThreshold,
    });
    const row = await createCase(tx, actor, { type: petitionWorkflow.type, title: input.title, orgUnitId, system: extra.system });
    await insertPetition(tx, {
      caseId: row.id,
      channel: input.channel,
      sourceBody: input.sourceBody,
      sourceRef: input.sourceRef,
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
      isSkipLevel: flags.skipLevel,
      firstTime: people.some((p) => p.idHash) ? flags.firstTime : null,
    });
    await insertPetitioners(tx, row.id, people);
    if (!flags.finalMatch) return { id: row.id, refNo: row.ref_no, state: row.state, flags, refusal: null };
    // 2022 第三十六条第三款 (2005 第三十五条第三款): after 复核, the same facts and reasons are not accepted again — refused at once, by the system.
    const basis = petitionLawToday(tx).refusal.rechecked_final;
    const comment = `${AUTO_REFUSAL_TEXT}(原信访事项 ${flags.finalMatch.refNo} 已复核终结;依据${basis})`;
    const next = await runTransition(tx, SYSTEM_ACTOR, {
      caseId: row.id,
      name: 'refuse',
      skipWho: true,
      comment,
      input: { reasonCode: 'rechecked_final', detail: `原信访事项 ${flags.finalMatch.refNo} 已复核终结` },
      note: { auto: true, originalRefNo: flags.finalMatch.refNo },
    });
    return {
      id: row.id,
      refNo: row.ref_no,
      state: next.state,
      flags,
      refusal: {
        reasonCode: 'rechecked_final',
        reason: AUTO_REFUSAL_TEXT,
        legalBasis: basis,
        guidance: REFUSAL_REASONS.rechecked_final.guidance,
        originalRefNo: flags.finalMatch.refNo,
        auto: true,
      },
    };
  });
}
