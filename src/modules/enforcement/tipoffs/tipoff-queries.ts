import { sql } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { safeEqual } from '../../../platform/crypto/sm3.ts';
import { inScope, type Actor } from '../../../kernel/identity/index.ts';
import { ENFORCEMENT_PERMISSIONS as P } from '../contracts/labels.ts';
import { INFORMANT_PERMISSION, TIPOFF_ERRORS as E, TIPOFF_STATES } from '../contracts/tipoff-labels.ts';
import type { ListTipoffsQuery } from '../contracts/tipoff-inputs.ts';
import { enforcementDb } from '../db.ts';
import { queryCodeHash } from './receive-tipoff.ts';

/** The columns staff see: never the informant's name or phone (those only through the audited reveal). */
const base = (ctx: AppContext, actor: Actor) =>
  enforcementDb(ctx.db)
    .selectFrom('enforcement.tipoff as t')
    .innerJoin('core.org_unit as u', 'u.id', 't.org_unit_id')
    .leftJoin('core.case as c', 'c.id', 't.case_id')
    .where(inScope(actor, P.read, { areaPath: 't.area_path', orgUnitId: 't.org_unit_id' }))
    .select([
      't.id',
      't.ref_no as refNo',
      't.org_unit_id as orgUnitId',
      'u.name as org',
      't.area_path as areaPath',
      't.channel',
      sql<string>`t.received_on::text`.as('receivedOn'),
      't.reported_party as reportedParty',
      't.state',
      sql<string>`t.reply_due::text`.as('replyDue'),
      sql<string | null>`t.replied_on::text`.as('repliedOn'),
      't.outcome',
      't.case_id as caseId',
      'c.ref_no as caseRefNo',
      sql<boolean>`t.informant_name is null and t.informant_phone is null`.as('anonymous'),
    ]);

type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];
const view = (r: Row, today: string) => ({
  ...r,
  stateLabel: TIPOFF_STATES[r.state],
  overdue: r.repliedOn ? r.repliedOn > r.replyDue : today > r.replyDue,
});

/** 举报 in the actor's scope, newest first; by state, year of receipt, reference or reported party. */
export async function listTipoffs(ctx: AppContext, actor: Actor, q: z.infer<typeof ListTipoffsQuery>) {
  let b = base(ctx, actor);
  if (q.state) b = b.where('t.state', '=', q.state);
  if (q.year) b = b.where(sql<boolean>`extract(year from t.received_on) = ${q.year}`);
  const term = q.q;
  if (term) b = b.where((eb) => eb.or([eb('t.ref_no', '=', term), eb('t.reported_party', 'like', `%${term.replace(/[\\%_]/g, '\\$&')}%`)]));
  const total = Number(
    (
      await b
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const rows = await b
    .orderBy('t.received_on', 'desc')
    .orderBy('t.ref_no', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const today = chinaDate(ctx.clock.now());
  return { items: rows.map((r) => view(r, today)), total };
}

/** One 举报 with its content, 核查 and outcome; `canReveal` says whether this user may open the informant's details. */
export async function getTipoff(ctx: AppContext, actor: Actor, id: string) {
  const r = await base(ctx, actor)
    .where('t.id', '=', id)
    .select([
      't.reported_party_code as reportedPartyCode',
      't.content',
      't.findings',
      sql<string | null>`t.verified_on::text`.as('verifiedOn'),
      't.verified_by_name as verifiedBy',
      't.outcome_reason as outcomeReason',
      sql<string | null>`t.decided_on::text`.as('decidedOn'),
      't.reply',
    ])
    .executeTakeFirst();
  if (!r) throw notFound('举报', 'ENFORCEMENT_TIPOFF_NOT_FOUND');
  return { ...view(r, chinaDate(ctx.clock.now())), canReveal: !r.anonymous && mayReveal(actor, r.orgUnitId) };
}

/** The informant's details: the permission, granted in the handling unit itself (not a superior's subtree). */
export const mayReveal = (actor: Actor, orgUnitId: string) =>
  actor.grants.some((g) => g.orgUnitId === orgUnitId && g.permissions.includes(INFORMANT_PERMISSION));

/** The portal's view by reference and 查询码: the state, outcome and reply — nothing about the informant or the findings. */
export async function trackTipoff(ctx: AppContext, refNo: string, code: string) {
  const r = (
    await sql<{
      ref_no: string;
      org: string;
      received_on: string;
      reply_due: string;
      state: keyof typeof TIPOFF_STATES;
      outcome: string | null;
      reply: string | null;
      replied_on: string | null;
      hash: string | null;
    }>`select t.ref_no, u.name as org, t.received_on::text as received_on, t.reply_due::text as reply_due, t.state, t.outcome, t.reply,
        t.replied_on::text as replied_on, t.query_code_hash as hash
      from enforcement.tipoff t join core.org_unit u on u.id = t.org_unit_id where t.ref_no = ${refNo.trim().toUpperCase()}`.execute(ctx.db)
  ).rows[0];
  if (!r || !r.hash || !safeEqual(r.hash, queryCodeHash(r.ref_no, code))) throw new AppError('ENFORCEMENT_TIPOFF_QUERY_FAILED', 404, E.QUERY_FAILED);
  const closed = r.state === 'closed';
  return {
    refNo: r.ref_no,
    office: r.org,
    receivedOn: r.received_on,
    replyDue: r.reply_due,
    state: r.state,
    stateLabel: TIPOFF_STATES[r.state],
    outcome: closed ? r.outcome : null,
    reply: closed ? r.reply : null,
    repliedOn: r.replied_on,
  };
}
