import { sql } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, badRequest, conflict } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { sm3Hex } from '../../../platform/crypto/sm3.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { startCaseClock, stopCaseClock, type CaseRow } from '../../../kernel/workflow/index.ts';
import { ENFORCEMENT_ERRORS } from '../contracts/labels.ts';
import type { AssignInput, EvidenceInput, PreserveDecisionInput, PreserveInput } from '../contracts/inputs.ts';
import { shortPeriodBasis } from '../law.ts';
import { actingOfficer, certifiedOfficers } from '../officers/certified.ts';
import { addPeriod, dateBetween, lawOf, penaltyOf, setPenalty, today } from './penalty-row.ts';
import { takeUpload } from './upload-area.ts';

/** 指派执法人员: at least two valid certificate holders of the case's unit (第四十二条). */
export async function assignOfficers(tx: AppContext, c: CaseRow, input: z.output<typeof AssignInput>) {
  const p = await penaltyOf(tx, c.id, true);
  const ids = [...new Set(input.officerIds)];
  if (ids.length < 2) throw new AppError('ENFORCEMENT_TWO_OFFICERS', 422, `${ENFORCEMENT_ERRORS.TWO_OFFICERS}（${lawOf(p).art.officers}）`);
  await certifiedOfficers(tx, ids, c.org_unit_id, today(tx));
  await setPenalty(tx, c.id, { investigators: ids });
}

/** The acting user must be a certified officer named on the case (持证执法). */
export async function investigatorActing(tx: AppContext, actor: Actor, c: Pick<CaseRow, 'id'>) {
  const p = await penaltyOf(tx, c.id);
  const me = await actingOfficer(tx, actor, today(tx));
  if (!p.investigators.includes(me.id))
    throw new AppError('ENFORCEMENT_NOT_INVESTIGATOR', 403, `${me.name}不是本案指派的执法人员（not an investigator of this case）`);
  return { p, me };
}

/** 调查取证: an evidence item collected by ≥ 2 of the case's certified officers; its bytes hashed with SM3 (全过程记录). */
export async function recordEvidence(tx: AppContext, actor: Actor, c: CaseRow, input: z.output<typeof EvidenceInput>) {
  const { p } = await investigatorActing(tx, actor, c);
  const ids = [...new Set(input.officerIds)];
  if (ids.length < 2) throw new AppError('ENFORCEMENT_TWO_OFFICERS', 422, ENFORCEMENT_ERRORS.TWO_OFFICERS);
  if (ids.some((i) => !p.investigators.includes(i))) throw badRequest('VALIDATION_FAILED', '取证人员须为本案指派的执法人员', { field: 'officerIds' });
  await certifiedOfficers(tx, ids, c.org_unit_id, input.collectedOn);
  dateBetween(tx, input.collectedOn, p.filed_on, 'collectedOn', '取证日期');
  let hash: string | null = null;
  let size: number | null = null;
  let file: { name: string; mime: string; key: string } | null = null;
  if (input.uploadId !== undefined) {
    if (input.contentBase64 !== undefined) throw badRequest('VALIDATION_FAILED', '文件内容与分片上传只能二选一', { field: 'contentBase64' });
    const u = await takeUpload(tx, actor, c.id, input.uploadId);
    [hash, size, file] = [u.sm3, u.size, { name: u.fileName, mime: u.mimeType, key: u.sm3 }];
  } else if (input.contentBase64 !== undefined) {
    const bytes = Buffer.from(input.contentBase64, 'base64');
    if (!bytes.length || bytes.toString('base64').replace(/=+$/, '') !== input.contentBase64.replace(/=+$/, ''))
      throw badRequest('VALIDATION_FAILED', '「文件内容」不是有效的 base64 编码', { field: 'contentBase64' });
    hash = sm3Hex(bytes);
    size = bytes.length;
  }
  const id = uuidv7();
  await sql`insert into enforcement.evidence (id, case_id, stage, kind, title, collected_on, officer_ids, sm3, size_bytes, description, recorded_by_name, created_at,
      file_name, mime_type, storage_key)
    values (${id}, ${c.id}, ${c.state}, ${input.kind}, ${input.title}, ${input.collectedOn}::date, ${ids}::uuid[], ${hash}, ${size},
      ${input.description ?? null}, ${actor.displayName}, ${tx.clock.now()}, ${file?.name ?? null}, ${file?.mime ?? null}, ${file?.key ?? null})`.execute(
    tx.db,
  );
  return { id, sm3: hash, sizeBytes: size };
}

const preserveClock = (name: string, basis: string) => ({
  name,
  label: '先行登记保存处理决定期限（7 日）',
  rule: { unit: 'workdays' as const, n: 7 },
  legalBasis: basis,
});

/** 先行登记保存 (with a head's approval): the decision on the items is due within 7 日 (working days under 第八十五条). */
export async function preserveEvidence(tx: AppContext, actor: Actor, c: CaseRow, input: z.output<typeof PreserveInput>) {
  const { p } = await investigatorActing(tx, actor, c);
  dateBetween(tx, input.registeredOn, p.filed_on, 'registeredOn', '登记保存日期');
  const law = lawOf(p);
  const period = law.shortDays(7);
  const due = await addPeriod(tx, c, input.registeredOn, period);
  const id = uuidv7();
  await sql`insert into enforcement.preservation (id, case_id, items, registered_on, approved_by, due_on, created_at)
    values (${id}, ${c.id}, ${input.items}, ${input.registeredOn}::date, ${input.approvedBy}, ${due}::date, ${tx.clock.now()})`.execute(tx.db);
  const spec = { ...preserveClock(`preserve:${id}`, shortPeriodBasis(law, law.art.preservation)), rule: period };
  await startCaseClock(tx, c, spec, input.registeredOn);
  return { id, dueOn: due };
}

export async function decidePreservation(tx: AppContext, actor: Actor, c: CaseRow, input: z.output<typeof PreserveDecisionInput>) {
  await investigatorActing(tx, actor, c);
  const r = (
    await sql<{
      registered_on: string;
      decided_on: string | null;
      due_on: string;
    }>`select registered_on::text as registered_on, decided_on::text as decided_on, due_on::text as due_on
      from enforcement.preservation where id = ${input.preservationId} and case_id = ${c.id} for update`.execute(tx.db)
  ).rows[0];
  if (!r) throw new AppError('ENFORCEMENT_NOT_FOUND', 404, '先行登记保存记录不存在');
  if (r.decided_on) throw conflict('ENFORCEMENT_PRESERVATION_DECIDED', '该先行登记保存已作出处理决定');
  dateBetween(tx, input.decidedOn, r.registered_on, 'decidedOn', '处理决定日期');
  await sql`update enforcement.preservation set decision = ${input.decision}, decided_on = ${input.decidedOn}::date where id = ${input.preservationId}`.execute(
    tx.db,
  );
  await stopCaseClock(tx, c, `preserve:${input.preservationId}`);
  return { id: input.preservationId, onTime: input.decidedOn <= r.due_on, dueOn: r.due_on };
}
