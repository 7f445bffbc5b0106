import { sql } from 'kysely';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import { recordInScope, type Actor } from '../../../kernel/identity/index.ts';
import { applySystemTransition } from '../../../kernel/workflow/index.ts';
import { HALL_ERRORS } from '../contract.ts';
import { checkMaterialFiles, materialList, materialState, materialsOf, storeMaterialFiles, type MaterialUpload } from './materials.ts';
import { applicantActor, findByRefAndCode } from './portal.ts';

/**
 * Files for materials of an application still before 受理 (待受理 or 待补正), in the caller's
 * transaction: stored with the case; while no 补正 notice is out the missing list follows the files.
 */
async function attachMaterials(tx: AppContext, caseId: string, actor: Actor, uploads: MaterialUpload[]) {
  if (!uploads.length) throw badRequest('ATTACHMENT_MISSING', '请选择要上传的材料文件', { field: 'materials' });
  const a = (
    await sql<{ item_code: string; state: string }>`select a.item_code, c.state from hall.application a join core.case c on c.id = a.case_id
      where a.case_id = ${caseId} for update of c`.execute(tx.db)
  ).rows[0]!;
  if (!['submitted', 'correcting'].includes(a.state)) throw new AppError('HALL_MATERIALS_CLOSED', 409, '该申请已受理或已办结，不能再补交材料');
  const list = await materialsOf(tx, a.item_code, caseId);
  await storeMaterialFiles(tx, caseId, actor, checkMaterialFiles(list, uploads));
  const { present, missing } = await materialState(tx, caseId, list);
  if (a.state === 'submitted')
    await sql`update hall.application set materials = ${JSON.stringify(present)}::jsonb, missing = ${JSON.stringify(missing)}::jsonb where case_id = ${caseId}`.execute(
      tx.db,
    );
  else await sql`update hall.application set materials = ${JSON.stringify(present)}::jsonb where case_id = ${caseId}`.execute(tx.db);
}

/** At the window or in the back office: the clerk uploads the scanned materials (hall.handle in the case's scope). */
export async function addMaterialsAtWindow(ctx: AppContext, actor: Actor, caseId: string, uploads: MaterialUpload[]) {
  return withTx(ctx, async (tx) => {
    const c = (await sql<{ area_path: string; org_unit_id: string }>`select area_path, org_unit_id from core.case where id = ${caseId}`.execute(tx.db)).rows[0];
    if (!c || !recordInScope(actor, 'hall.handle', { areaPath: c.area_path, orgUnitId: c.org_unit_id }))
      throw new AppError('HALL_NOT_FOUND', 404, HALL_ERRORS.NOT_FOUND);
    await attachMaterials(tx, caseId, actor, uploads);
    return { materials: await materialList(tx, caseId) };
  });
}

/**
 * 网上补正: the applicant uploads the files the one-time notice asked for; once every listed
 * material has a file the application is resubmitted (补正完毕, the clock counts afresh) in the
 * same transaction — otherwise nothing is kept and the 400 names what is still missing.
 */
export async function correctOnline(ctx: AppContext, body: { refNo: string; queryCode: string; files: MaterialUpload[] }) {
  const c = await findByRefAndCode(ctx, body.refNo, body.queryCode);
  if (c.state !== 'correcting') throw new AppError('HALL_NOT_CORRECTING', 409, HALL_ERRORS.NOT_CORRECTING);
  await withTx(ctx, async (tx) => {
    await attachMaterials(tx, c.id, applicantActor, body.files);
    await applySystemTransition(tx, applicantActor, { caseId: c.id, transition: 'resubmit', input: {} });
  });
}
