import type { z } from 'zod';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { AppError, conflict } from '../../../platform/errors.ts';
import { currentCalendar } from '../../../kernel/calendar/index.ts';
import { requirePermission, type Actor } from '../../../kernel/identity/index.ts';
import { createCase } from '../../../kernel/workflow/index.ts';
import { orgsDb } from '../db.ts';
import { ORG_KIND_LABEL, ORGS_ERRORS } from '../contract.ts';
import { checkNameAt } from '../names/run-name-check.ts';
import { resolveAuthority, authorityById, type Authority } from '../registry/authority.ts';
import { orgInScope } from '../registry/get-org.ts';
import type { ChangeRequestInput, DeregisterInput, EstablishInput } from './application-input.ts';
import { CHANGE_TYPE, DEREGISTER_TYPE } from './change-workflow.ts';
import { ESTABLISH_TYPE } from './establish-workflow.ts';

type Filed = { id: string; refNo: string; late: boolean; nameCheck: string | null };

async function insertApplication(
  tx: AppContext,
  c: { id: string },
  row: {
    procedure: 'establish' | 'change' | 'deregister';
    organizationId: string | null;
    authorityId: string;
    payload: unknown;
    referenceOn: string | null;
    late: boolean;
    nameCheck: string | null;
    originCaseId?: string | null;
  },
) {
  await orgsDb(tx.db)
    .insertInto('orgs.application')
    .values({
      case_id: c.id,
      procedure: row.procedure,
      organization_id: row.organizationId,
      authority_org_unit_id: row.authorityId,
      payload: JSON.stringify(row.payload),
      filed_on: chinaDate(tx.clock.now()),
      reference_on: row.referenceOn,
      late: row.late,
      name_check: row.nameCheck,
      origin_case_id: row.originCaseId ?? null,
    })
    .execute();
}

type EstablishOptions = {
  /** The case of another module that handed the application over (the hall's 受理). */
  origin?: { caseId: string; refNo: string };
  /** Refuse a name that fails the rules (an application another module accepts must be registrable by name). */
  refuseBadName?: boolean;
};

/**
 * 成立登记 收件 at the authority, in the caller's transaction: the case with its 60-day clock from the day the
 * documents were complete, the name check recorded (or, with `refuseBadName`, a failing name refused).
 */
export async function openEstablishment(
  ctx: AppContext,
  actor: Actor,
  authority: Authority,
  input: z.infer<typeof EstablishInput>,
  opts: EstablishOptions = {},
): Promise<Filed> {
  if (input.documentsCompleteOn > chinaDate(ctx.clock.now())) throw new AppError('VALIDATION_FAILED', 400, '全部有效文件收齐日期不能晚于今天。');
  return withTx(ctx, async (tx) => {
    const check = await checkNameAt(tx, authority, input.name, input.kind);
    if (opts.refuseBadName && !check.ok) throw new AppError('ORG_NAME_REJECTED', 409, `${ORGS_ERRORS.ORG_NAME_REJECTED}：${check.explanation}`);
    const c = await createCase(tx, actor, {
      type: ESTABLISH_TYPE,
      title: `${ORG_KIND_LABEL[input.kind]}成立登记：${check.name}`,
      orgUnitId: authority.id,
      input,
      system: !!opts.origin,
      comment: opts.origin ? `政务服务大厅受理移交（${opts.origin.refNo}）` : null,
    });
    await insertApplication(tx, c, {
      procedure: 'establish',
      organizationId: null,
      authorityId: authority.id,
      payload: { ...input, name: check.name },
      referenceOn: input.documentsCompleteOn,
      late: false,
      nameCheck: check.explanation,
      originCaseId: opts.origin?.caseId,
    });
    return { id: c.id, refNo: c.ref_no, late: false, nameCheck: check.explanation };
  });
}

/** 成立登记 收件: the case at the authority, its 60-day clock from the day the documents were complete; the name check is recorded. */
export async function fileEstablishment(ctx: AppContext, actor: Actor, input: z.infer<typeof EstablishInput>, authorityId?: string): Promise<Filed> {
  requirePermission(actor, 'orgs.register');
  const authority = await resolveAuthority(ctx, actor, 'orgs.register', authorityId ?? input.authorityOrgUnitId);
  return openEstablishment(ctx, actor, authority, input);
}

/** Is `filedOn` after the statutory period of `days` counted from `from` (rest-day last day rolled forward)? */
async function filedLate(tx: AppContext, from: string, days: number, areaPath: string): Promise<boolean> {
  const due = (await currentCalendar(tx)).addDays(from, days, areaPath);
  return chinaDate(tx.clock.now()) > due;
}

async function openCaseOf(tx: AppContext, organizationId: string) {
  return orgsDb(tx.db)
    .selectFrom('orgs.application as a')
    .innerJoin('core.case as c', 'c.id', 'a.case_id')
    .select('c.ref_no')
    .where('a.organization_id', '=', organizationId)
    .where('c.terminal', '=', false)
    .executeTakeFirst();
}

/** 变更登记 收件 for an organization in scope; late when filed over 30 days after the 业务主管单位's consent. */
export async function fileChange(ctx: AppContext, actor: Actor, organizationId: string, input: z.infer<typeof ChangeRequestInput>): Promise<Filed> {
  requirePermission(actor, 'orgs.register');
  return withTx(ctx, async (tx) => {
    const o = await orgInScope(tx, actor, organizationId, 'orgs.register');
    if (o.status !== 'normal') throw conflict('ORG_NOT_ACTIVE', `“${o.name}”已注销或被撤销，不能申请变更登记。`);
    const open = await openCaseOf(tx, o.id);
    if (open) throw conflict('ORG_CASE_OPEN', `“${o.name}”有尚未办结的登记申请（${open.ref_no}），请先办结。`);
    if (!Object.keys(input.changes).length) throw new AppError('ORG_NO_CHANGE', 400, '请填写需要变更的登记事项。');
    let nameCheck: string | null = null;
    if (input.changes.name) nameCheck = (await checkNameAt(tx, await authorityById(tx, o.authority_org_unit_id), input.changes.name, o.kind, o.id)).explanation;
    const late = input.supervisorApprovedOn && o.kind !== 'foundation' ? await filedLate(tx, input.supervisorApprovedOn, 30, o.authority_area_path) : false;
    const c = await createCase(tx, actor, { type: CHANGE_TYPE, title: `变更登记：${o.name}`, orgUnitId: o.authority_org_unit_id, input });
    await insertApplication(tx, c, {
      procedure: 'change',
      organizationId: o.id,
      authorityId: o.authority_org_unit_id,
      payload: input,
      referenceOn: input.supervisorApprovedOn ?? null,
      late,
      nameCheck,
    });
    return { id: c.id, refNo: c.ref_no, late, nameCheck };
  });
}

/** 注销登记 收件； late when filed over 15 days after clearance ended. */
export async function fileDeregistration(ctx: AppContext, actor: Actor, organizationId: string, input: z.infer<typeof DeregisterInput>): Promise<Filed> {
  requirePermission(actor, 'orgs.register');
  return withTx(ctx, async (tx) => {
    const o = await orgInScope(tx, actor, organizationId, 'orgs.register');
    if (o.status !== 'normal') throw conflict('ORG_NOT_ACTIVE', `“${o.name}”已注销或被撤销。`);
    const open = await openCaseOf(tx, o.id);
    if (open) throw conflict('ORG_CASE_OPEN', `“${o.name}”有尚未办结的登记申请（${open.ref_no}），请先办结。`);
    if (input.clearanceEndedOn > chinaDate(tx.clock.now())) throw new AppError('VALIDATION_FAILED', 400, '清算结束日期不能晚于今天。');
    const late = await filedLate(tx, input.clearanceEndedOn, 15, o.authority_area_path);
    const c = await createCase(tx, actor, { type: DEREGISTER_TYPE, title: `注销登记：${o.name}`, orgUnitId: o.authority_org_unit_id, input });
    await insertApplication(tx, c, {
      procedure: 'deregister',
      organizationId: o.id,
      authorityId: o.authority_org_unit_id,
      payload: input,
      referenceOn: input.clearanceEndedOn,
      late,
      nameCheck: null,
    });
    return { id: c.id, refNo: c.ref_no, late, nameCheck: null };
  });
}
