import { sql } from 'kysely';
import { pageTotal } from '../../../platform/db/paging.ts';
import { applicationDb } from '../application-db.ts';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { decryptPii } from '../../../platform/crypto/pii.ts';
import { recordPiiRead } from '../../../kernel/audit/index.ts';
import { inScope, recordInScope } from '../../../kernel/identity/index.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { dateText } from '../contract.ts';
import type { HouseholdDetail } from '../contracts/households.ts';

export const ListHouseholdsQuery = z.object({
  status: z.enum(['applying', 'active', 'suspended', 'stopped', 'refused', 'withdrawn']).optional(),
  kind: z.enum(['urban', 'rural']).optional(),
  area: z
    .string()
    .regex(/^\d{6,12}$/)
    .optional(),
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

type Member = { name: string; id_number_masked: string; relation: string; active: boolean };
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

/** Households in the actor's data scope (dibao.read), 身份证号 masked only. */
export async function listHouseholds(ctx: AppContext, actor: Actor, q: z.infer<typeof ListHouseholdsQuery>) {
  const db = applicationDb(ctx.db);
  let base = db.selectFrom('dibao.household as h').where(inScope(actor, 'dibao.read', { areaPath: 'h.area_path' }));
  if (q.status) base = base.where('h.status', '=', q.status);
  if (q.kind) base = base.where('h.kind', '=', q.kind);
  if (q.area) {
    const a = await db.selectFrom('core.area').select('path').where('code', '=', q.area).executeTakeFirst();
    base = a
      ? base.where((eb) => eb.or([eb('h.area_path', '=', a.path), eb('h.area_path', 'like', `${escapeLike(a.path)}.%`)]))
      : base.where(sql<boolean>`false`);
  }
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    base = base.where((eb) =>
      eb.or([
        eb('h.address', 'like', like),
        eb.exists(
          eb
            .selectFrom('dibao.member as m')
            .select(sql`1`.as('one'))
            .whereRef('m.household_id', '=', 'h.id')
            .where('m.name', 'like', like),
        ),
      ]),
    );
  }
  // Page and total in one statement: one pool connection, one round trip.
  const rows = await base
    .innerJoin('core.area as a', 'a.code', 'h.area_code')
    .select([
      'h.id',
      'h.area_code',
      'h.area_path',
      'h.kind',
      'h.status',
      'h.benefit_cents',
      'h.insured_persons',
      'h.address',
      'h.updated_at',
      'a.name as area_name',
      sql<string | null>`h.next_recheck_on::text`.as('next_recheck_on'),
      sql<string | null>`h.benefit_from::text`.as('benefit_from'),
      sql<Member[]>`(select coalesce(json_agg(json_build_object('name', m.name, 'id_number_masked', m.id_number_masked,
        'relation', m.relation, 'active', m.active) order by m.created_at), '[]') from dibao.member m where m.household_id = h.id)`.as('members'),
      sql<string>`count(*) over ()`.as('total'),
    ])
    .orderBy('h.updated_at', 'desc')
    .orderBy('h.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const total = await pageTotal(rows, q.page, async () => (await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => {
      const ms = r.members;
      const applicant = ms.find((m) => m.relation === '申请人') ?? ms[0];
      return {
        id: r.id,
        areaCode: r.area_code,
        areaPath: r.area_path,
        areaName: r.area_name,
        kind: r.kind,
        status: r.status,
        benefitCents: r.benefit_cents,
        insuredPersons: r.insured_persons,
        address: r.address,
        benefitFrom: r.benefit_from,
        nextRecheckOn: r.next_recheck_on,
        updatedAt: r.updated_at.toISOString(),
        applicantName: applicant?.name ?? null,
        applicantIdMasked: applicant?.id_number_masked ?? null,
        members: ms.filter((m) => m.active).length,
      };
    }),
  };
}

/**
 * One household in full: members (身份证号 decrypted for staff who may handle it, the read logged),
 * income, assets, expenses, applications, re-checks, benefit changes and the change history.
 */
/**
 * A household is within scope by its area, or through an application of it the actor's grant
 * covers — so a 本级 (org-scope) township clerk reads the households behind its own applications.
 */
export async function householdInScope(ctx: AppContext, actor: Actor, permission: string, h: { id: string; area_path: string }): Promise<boolean> {
  if (recordInScope(actor, permission, { areaPath: h.area_path })) return true;
  const apps = await sql<{ township_org_id: string }>`select distinct township_org_id from dibao.application where household_id = ${h.id}`.execute(ctx.db);
  return apps.rows.some((a) => recordInScope(actor, permission, { areaPath: h.area_path, orgUnitId: a.township_org_id }));
}

export async function getHousehold(ctx: AppContext, actor: Actor, id: string, opts: { masked?: boolean } = {}): Promise<HouseholdDetail> {
  const db = applicationDb(ctx.db);
  const h = await db
    .selectFrom('dibao.household as h')
    .innerJoin('core.area as a', 'a.code', 'h.area_code')
    .selectAll('h')
    .select([
      sql<string | null>`h.benefit_from::text`.as('benefit_from_t'),
      sql<string | null>`h.next_recheck_on::text`.as('next_recheck_t'),
      'a.name as area_name',
    ])
    .where('h.id', '=', id)
    .executeTakeFirst();
  if (!h || !(await householdInScope(ctx, actor, 'dibao.read', h))) throw new AppError('DIBAO_HOUSEHOLD_NOT_FOUND', 404, '低保家庭不存在或无权查看');
  const full = !opts.masked && ((await householdInScope(ctx, actor, 'dibao.handle', h)) || (await householdInScope(ctx, actor, 'dibao.confirm', h)));
  const [members, incomes, assets, expenses, history, benefits, apps, rechecks, areaNames] = await Promise.all([
    db.selectFrom('dibao.member').selectAll().where('household_id', '=', id).orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('dibao.income').selectAll().where('household_id', '=', id).orderBy('id').execute(),
    db.selectFrom('dibao.asset').selectAll().where('household_id', '=', id).orderBy('id').execute(),
    db.selectFrom('dibao.expense').selectAll().where('household_id', '=', id).orderBy('id').execute(),
    db
      .selectFrom('dibao.household_change as c')
      .leftJoin('core.app_user as u', 'u.id', 'c.actor_id')
      .select(['c.id', 'c.at', 'c.kind', 'c.summary', 'c.case_id', 'c.before', 'c.after', 'u.display_name as actor_name'])
      .where('c.household_id', '=', id)
      .orderBy('c.at', 'desc')
      .orderBy('c.id', 'desc')
      .execute(),
    db
      .selectFrom('dibao.benefit_change')
      .select([
        'id',
        'kind',
        'before_cents',
        'after_cents',
        'insured_before',
        'insured_after',
        sql<string>`effective_month::text`.as('effective_month'),
        'reason',
        'case_id',
        'at',
      ])
      .where('household_id', '=', id)
      .orderBy('at', 'desc')
      .execute(),
    db
      .selectFrom('dibao.application as p')
      .innerJoin('core.case as c', 'c.id', 'p.case_id')
      .select([
        'c.id',
        'c.ref_no',
        'c.state',
        'p.authority',
        'p.channel',
        'p.decision',
        sql<string | null>`p.accepted_on::text`.as('accepted_on'),
        sql<string | null>`p.decided_on::text`.as('decided_on'),
        'c.created_at',
      ])
      .where('p.household_id', '=', id)
      .orderBy('c.created_at', 'desc')
      .execute(),
    db
      .selectFrom('dibao.recheck as r')
      .innerJoin('core.case as c', 'c.id', 'r.case_id')
      .select([
        'c.id',
        'c.ref_no',
        'c.state',
        'r.result',
        sql<string>`r.due_on::text`.as('due_on'),
        sql<string | null>`r.decided_on::text`.as('decided_on'),
        'r.before_cents',
        'r.after_cents',
      ])
      .where('r.household_id', '=', id)
      .orderBy('r.due_on', 'desc')
      .execute(),
    db.selectFrom('core.area').select(['code', 'name']).execute(),
  ]);
  const areaName = new Map(areaNames.map((a) => [a.code as string, a.name as string]));
  const out = [];
  for (const m of members) {
    out.push({
      id: m.id,
      name: m.name,
      relation: m.relation,
      sex: m.sex,
      birthDate: dateText(m.birth_date),
      idNumberMasked: m.id_number_masked,
      ...(full ? { idNumber: await decryptPii(ctx, m.id_number_enc) } : {}),
      hukouAreaCode: m.hukou_area_code,
      hukouAreaName: m.hukou_area_code ? (areaName.get(m.hukou_area_code) ?? null) : null,
      disability: m.disability,
      health: m.health,
      workAbility: m.work_ability,
      insured: m.insured,
      active: m.active,
      leftOn: dateText(m.left_on),
      leftReason: m.left_reason,
    });
  }
  if (full)
    await recordPiiRead(ctx, actor, {
      entityType: 'dibao_household',
      entityId: id,
      areaPath: h.area_path,
      fields: ['idNumber', ...(h.phone_enc ? ['phone'] : [])],
    });
  const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  return {
    id: h.id,
    areaCode: h.area_code,
    areaPath: h.area_path,
    areaName: h.area_name,
    kind: h.kind,
    address: h.address,
    status: h.status,
    phoneMasked: h.phone_masked,
    ...(full && h.phone_enc ? { phone: await decryptPii(ctx, h.phone_enc) } : {}),
    benefitCents: h.benefit_cents,
    insuredPersons: h.insured_persons,
    benefitFrom: h.benefit_from_t,
    recheckCadence: h.recheck_cadence,
    nextRecheckOn: h.next_recheck_t,
    source: h.source,
    isDemo: h.is_demo,
    version: h.version,
    piiShown: full,
    members: out,
    incomes: incomes.map((x) => ({ id: x.id, memberId: x.member_id, kind: x.kind, monthlyCents: x.monthly_cents, source: x.source, note: x.note })),
    assets: assets.map((x) => ({
      id: x.id,
      kind: x.kind,
      description: x.description,
      valueCents: Number(x.value_cents),
      areaM2: x.area_m2 == null ? null : Number(x.area_m2),
    })),
    expenses: expenses.map((x) => ({ id: x.id, kind: x.kind, monthlyCents: x.monthly_cents, note: x.note })),
    applications: apps.map((a) => ({
      id: a.id,
      refNo: a.ref_no,
      state: a.state,
      authority: a.authority,
      channel: a.channel,
      decision: a.decision,
      acceptedOn: a.accepted_on,
      decidedOn: a.decided_on,
      createdAt: a.created_at.toISOString(),
    })),
    rechecks: rechecks.map((r) => ({
      id: r.id,
      refNo: r.ref_no,
      state: r.state,
      result: r.result,
      dueOn: r.due_on,
      decidedOn: r.decided_on,
      beforeCents: r.before_cents,
      afterCents: r.after_cents,
    })),
    benefitChanges: benefits.map((b) => ({
      id: b.id,
      kind: b.kind,
      beforeCents: b.before_cents,
      afterCents: b.after_cents,
      insuredBefore: b.insured_before,
      insuredAfter: b.insured_after,
      effectiveMonth: b.effective_month,
      reason: b.reason,
      caseId: b.case_id,
      at: b.at.toISOString(),
    })),
    history: history.map((c) => ({
      id: c.id,
      at: c.at.toISOString(),
      kind: c.kind,
      summary: c.summary,
      caseId: c.case_id,
      actorName: c.actor_name,
      before: parse(c.before),
      after: parse(c.after),
    })),
  };
}
