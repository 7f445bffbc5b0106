import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { storeAttachment, type AttachmentFile } from '../../../kernel/workflow/index.ts';
import { notify } from '../../../kernel/notify/index.ts';
import { checkPortalFiles, PORTAL_MAX_FILES } from './submit-online.ts';
import { citizenMaterials, findByRefAndCode, isSettled, portalActor } from './portal-access.ts';

/** A petition takes at most this many citizen files in all (with the submission and added later). */
export const PORTAL_MAX_FILES_PER_PETITION = 2 * PORTAL_MAX_FILES;

/**
 * 补充证明材料 from 办理查询 (ref + query code): the same checks as files sent with the submission,
 * stored in one transaction, and the holding office is told on its bell so the new material is seen.
 */
export async function addMaterials(ctx: AppContext, req: { refNo: string; queryCode: string; files: AttachmentFile[] }) {
  if (!req.files.length) throw new AppError('ATTACHMENT_MISSING', 400, '请选择要补充的证明材料', { field: 'files' });
  const files = checkPortalFiles(req.files);
  return withTx(ctx, async (tx) => {
    const c = await findByRefAndCode(tx, req.refNo, req.queryCode);
    if (isSettled(c.state))
      throw new AppError('PETITION_SETTLED', 409, '该信访事项已办结或终结，不能再补充材料；如有新的事实和理由，请另行提出信访', { field: 'files' });
    const had = (await citizenMaterials(tx, c.id)).length;
    if (had + files.length > PORTAL_MAX_FILES_PER_PETITION) {
      throw new AppError('ATTACHMENT_TOO_MANY', 400, `每件信访事项网上提交的证明材料最多 ${PORTAL_MAX_FILES_PER_PETITION} 个（已有 ${had} 个）`, {
        field: 'files',
      });
    }
    const actor = portalActor(c);
    for (const f of files) await storeAttachment(tx, c, actor, f);
    await notify(tx, {
      orgUnitId: c.org_unit_id,
      caseId: c.id,
      kind: 'petition.materials',
      title: `${c.ref_no} 信访人补充证明材料 ${files.length} 个`,
      body: files
        .map((f) => f.name)
        .join('、')
        .slice(0, 500),
    });
    return { refNo: c.ref_no, added: files.length, materials: had + files.length };
  });
}
