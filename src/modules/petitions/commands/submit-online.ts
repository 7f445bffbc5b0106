import { parseInput } from '../../../platform/http/parse-input.ts';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { SYSTEM_ACTOR } from '../../../kernel/identity/index.ts';
import { petitionSetting } from './settings.ts';
import { PetitionBase } from './petition-input.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { newQueryCode, queryCodeHash } from './portal-access.ts';
import { spendSolution } from '../../../kernel/portal/index.ts';
import { registerPetition } from './register-petition.ts';
import { checkAttachment, storeAttachment, type AttachmentFile } from '../../../kernel/workflow/index.ts';
import { preparePetitioners } from './store-petition.ts';

export const SubmitOnlineInput = PetitionBase.refine((v) => v.anonymous || v.petitioners.length > 0, {
  message: '实名信访请填写信访人信息',
  path: ['petitioners'],
}).refine((v) => v.category === '检举控告' || (!v.accusedName && !v.accusedOrgId), {
  message: '被检举人或单位只对检举控告类信访事项填写',
  path: ['accusedName'],
});

export type SubmitOnlineOptions = {
  intakeOrgCode?: string;
  /** The portal's proof of work ({ challenge, nonce }); required unless the caller is in-process (seed, tests of the command). */
  pow?: unknown;
  requirePow?: boolean;
  /** 证明材料 sent with the submission (checked before anything is spent, stored in its transaction). */
  files?: AttachmentFile[];
};

/** Portal uploads: fewer and smaller than staff uploads, since anyone can send them. */
export const PORTAL_MAX_FILES = 5;
export const PORTAL_MAX_FILE_BYTES = 10 * 1024 * 1024;
export const PORTAL_MAX_TOTAL_BYTES = 20 * 1024 * 1024;

/** Every file's problem is found before the proof of work is spent or anything is written. */
export function checkPortalFiles(files: AttachmentFile[]): Array<AttachmentFile & { name: string }> {
  if (files.length > PORTAL_MAX_FILES)
    throw new AppError('ATTACHMENT_TOO_MANY', 400, `证明材料最多 ${PORTAL_MAX_FILES} 个文件（现有 ${files.length} 个）`, { field: 'files' });
  const total = files.reduce((n, f) => n + f.bytes.length, 0);
  if (total > PORTAL_MAX_TOTAL_BYTES)
    throw new AppError('ATTACHMENT_TOO_LARGE', 413, `证明材料合计超过 ${PORTAL_MAX_TOTAL_BYTES / 1024 / 1024} MB 上限`, { field: 'files' });
  return files.map((f, i) => ({ ...f, name: checkAttachment(f, { maxBytes: PORTAL_MAX_FILE_BYTES, label: `附件 ${i + 1}`, field: 'files' }) }));
}

/**
 * 网上信访 (no login): registered at the intake org; the query code is returned once, only its hash kept.
 * Order: field checks (cheap, nothing spent) → 身份证号 check digits → proof of work → one transaction
 * that spends the proof and registers, so a refused submission spends nothing and writes nothing.
 */
export async function submitOnline(ctx: AppContext, raw: z.input<typeof SubmitOnlineInput>, opts: string | SubmitOnlineOptions = {}) {
  const o: SubmitOnlineOptions = typeof opts === 'string' ? { intakeOrgCode: opts } : opts;
  const intakeOrgCode = o.intakeOrgCode ?? (await petitionSetting(ctx, 'portal.intakeOrgCode'));
  const input = parseInput(SubmitOnlineInput, raw);
  preparePetitioners(input.petitioners, chinaDate(ctx.clock.now()));
  const files = checkPortalFiles(o.files ?? []);
  const org = await ctx.db.selectFrom('core.org_unit').select(['id']).where('code', '=', intakeOrgCode).executeTakeFirst();
  if (!org) throw new AppError('PETITION_INTAKE_MISSING', 500, '网上信访受理单位未配置');
  const code = newQueryCode();
  const r = await withTx(ctx, async (tx) => {
    if (o.requirePow) await spendSolution(tx, o.pow);
    const reg = await registerPetition(tx, SYSTEM_ACTOR, { ...input, channel: '网上信访', orgUnitId: org.id }, { system: true });
    await sql`update petitions.petition set query_code_hash = ${queryCodeHash(reg.refNo, code)} where case_id = ${reg.id}`.execute(tx.db);
    if (files.length) {
      const c = await tx.db.selectFrom('core.case').select(['id', 'area_code', 'area_path', 'org_unit_id']).where('id', '=', reg.id).executeTakeFirstOrThrow();
      for (const f of files) await storeAttachment(tx, c, SYSTEM_ACTOR, f);
    }
    return reg;
  });
  return {
    refNo: r.refNo,
    queryCode: code,
    attachments: files.length,
    notice: '请妥善保存信访事项编号和查询码，查询码只显示这一次，凭两者可查询办理进度、评价和申请复查。',
  };
}
