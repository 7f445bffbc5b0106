import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { addDaysIso } from '../../../kernel/calendar/index.ts';
import { inScope, type Actor } from '../../../kernel/identity/index.ts';
import { CERT_STATUS_LABELS, ENFORCEMENT_ERRORS, ENFORCEMENT_PERMISSIONS, type CertStatus } from '../contracts/labels.ts';
import { certificateProblem } from './certified.ts';
import { enforcementDb } from '../db.ts';

type Row = {
  id: string;
  name: string;
  certNo: string;
  orgUnitId: string;
  orgName: string;
  areaPath: string;
  validFrom: string;
  validTo: string;
  status: CertStatus;
  trainingHours: number;
  legalReviewer: boolean;
  legalQualification: string | null;
  examApplicant: boolean;
  qualificationPassedOn: string | null;
  qualificationScore: number | null;
  hasAccount: boolean;
};

const base = (ctx: AppContext, actor: Actor) =>
  enforcementDb(ctx.db)
    .selectFrom('enforcement.officer as o')
    .innerJoin('core.org_unit as u', 'u.id', 'o.org_unit_id')
    .where(inScope(actor, ENFORCEMENT_PERMISSIONS.read, { areaPath: 'o.area_path', orgUnitId: 'o.org_unit_id' }))
    .select([
      'o.id',
      'o.name',
      'o.cert_no as certNo',
      'o.org_unit_id as orgUnitId',
      'u.name as orgName',
      'o.area_path as areaPath',
      sql<string>`o.valid_from::text`.as('validFrom'),
      sql<string>`o.valid_to::text`.as('validTo'),
      'o.status',
      'o.training_hours as trainingHours',
      'o.legal_reviewer as legalReviewer',
      'o.legal_qualification as legalQualification',
      'o.exam_applicant as examApplicant',
      sql<string | null>`o.qualification_passed_on::text`.as('qualificationPassedOn'),
      'o.qualification_score as qualificationScore',
      sql<boolean>`o.user_id is not null`.as('hasAccount'),
    ]);

const view = (r: Row, today: string) => ({
  ...r,
  statusLabel: CERT_STATUS_LABELS[r.status],
  problem: certificateProblem({ ...r, cert_no: r.certNo, valid_from: r.validFrom, valid_to: r.validTo }, today),
});

/** 执法人员 in the actor's scope, by name or certificate number; 法制审核 staff marked. */
export async function listOfficers(ctx: AppContext, actor: Actor, q: { q?: string; status?: CertStatus; reviewers?: boolean }) {
  let b = base(ctx, actor);
  const term = q.q;
  if (term) b = b.where((eb) => eb.or([eb('o.name', 'like', `%${term}%`), eb('o.cert_no', '=', term)]));
  if (q.status) b = b.where('o.status', '=', q.status);
  if (q.reviewers) b = b.where('o.legal_reviewer', '=', true);
  const rows = (await b.orderBy('o.area_path').orderBy('o.cert_no').limit(500).execute()) as Row[];
  const today = chinaDate(ctx.clock.now());
  return { items: rows.map((r) => view(r, today)), total: rows.length };
}

/** 证件到期预警: valid certificates expiring within `days` calendar days (default 60), soonest first. */
export async function expiringOfficers(ctx: AppContext, actor: Actor, days = 60) {
  if (!Number.isInteger(days) || days < 1 || days > 366) throw badRequest('VALIDATION_FAILED', '「预警天数」应为 1–366', { field: 'days' });
  const today = chinaDate(ctx.clock.now());
  const rows = (await base(ctx, actor)
    .where('o.status', '=', 'valid')
    .where(sql<boolean>`o.valid_to between ${today}::date and ${addDaysIso(today, days)}::date`)
    .orderBy('o.valid_to')
    .execute()) as Row[];
  return {
    items: rows.map((r) => ({ ...view(r, today), daysLeft: Math.round((Date.parse(r.validTo) - Date.parse(today)) / 86_400_000) })),
    total: rows.length,
  };
}

export async function getOfficer(ctx: AppContext, actor: Actor, id: string) {
  const r = (await base(ctx, actor).where('o.id', '=', id).executeTakeFirst()) as Row | undefined;
  if (!r) throw new AppError('ENFORCEMENT_OFFICER_NOT_FOUND', 404, ENFORCEMENT_ERRORS.OFFICER_NOT_FOUND);
  return view(r, chinaDate(ctx.clock.now()));
}

/** 事前公开: anyone may check an officer by certificate number — name, unit, validity, status; nothing else. */
export async function publicOfficer(ctx: AppContext, certNo: string) {
  if (!/^[0-9A-Z]{6,20}$/.test(certNo)) throw badRequest('VALIDATION_FAILED', '「执法证号」应为 6–20 位数字或大写字母', { field: 'certNo' });
  const r = (
    await sql<{ name: string; cert_no: string; org: string; area: string | null; valid_from: string; valid_to: string; status: CertStatus }>`
    select o.name, o.cert_no, u.name as org, a.name as area, o.valid_from::text as valid_from, o.valid_to::text as valid_to, o.status
    from enforcement.officer o join core.org_unit u on u.id = o.org_unit_id left join core.area a on a.path = o.area_path
    where o.cert_no = ${certNo}`.execute(ctx.db)
  ).rows[0];
  if (!r) throw new AppError('ENFORCEMENT_OFFICER_NOT_FOUND', 404, '未查到该执法证号 (no officer with this certificate number)');
  const today = chinaDate(ctx.clock.now());
  const problem = certificateProblem(r, today);
  return {
    name: r.name,
    certNo: r.cert_no,
    org: r.org,
    /** 执法区域: the area of the officer's unit. */
    area: r.area,
    /** Past its validity: shown as 已过期 whatever the recorded status. */
    expired: today > r.valid_to,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    status: r.status,
    statusLabel: CERT_STATUS_LABELS[r.status],
    mayEnforce: !problem,
    problem,
  };
}
