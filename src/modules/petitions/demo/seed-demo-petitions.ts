import { sql } from 'kysely';
import type { AppContext, Clock } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import type { Jobs } from '../../../platform/jobs.ts';
import { chinaDate, chinaMidnight } from '../../../platform/china-time.ts';
import { SYSTEM_ACTOR, type Actor, type Grant, loadGrants } from '../../../kernel/identity/index.ts';

import { applyTransition, acknowledgeHandoff, handOff, refreshCaseClockSummary } from '../../../kernel/workflow/index.ts';
import { registerPetition } from '../commands/register-petition.ts';
import { portalActor } from '../commands/portal-access.ts';
import { demoPlan, type Move, type PlannedPetition } from './demo-plan.ts';

/** Real demo accounts acting for their unit (the rest of the tree acts through unnamed staff). */
const CLERKS: Record<string, string> = {
  '640000-mzt-fgc': 'nx-fgc',
  '640100-mzj': 'yc-mzj',
  '640104-mzj': 'xq-mzj',
  '640423-mzj': 'ld-mzj',
  '640221-mzj': 'pl-mzj',
  '640423100-gov': 'ld-cgz',
  '640104001-gov': 'xq-fhbj',
  '640221100-gov': 'pl-cgz',
};
const LEADS: Record<string, string> = { '640000-mzt-fgc': 'nx-fgc-lead', '640104-mzj': 'xq-mzj-lead', '640423100-gov': 'ld-cgz-lead' };
const PETITION_PERMISSIONS = ['petition.read', 'petition.register', 'petition.handle', 'petition.approve', 'petition.supervise'];

/** The org one level up from an org unit (by its area): township → county bureau → city bureau → 政策法规处. */
export function parentOrgCode(code: string): string {
  const area = code.split('-')[0]!;
  if (area.length > 6) return `${area.slice(0, 6)}-mzj`;
  if (area === '640000') return '640000-mzt-fgc';
  if (!area.endsWith('00')) return `${area.slice(0, 4)}00-mzj`;
  return '640000-mzt-fgc';
}

/** A clock that only moves when told to (the demo walks it through 2019). */
function manualClock(): Clock & { set(d: Date): void } {
  let t = Date.now();
  return { now: () => new Date(t), set: (d) => void (t = d.getTime()) };
}

/** While writing the history, no timers or deliveries are queued: 2019's deadlines are long past. */
const NO_JOBS: Jobs = { send: async () => null, cancel: async () => {} };

export type DemoSeedResult = { created: number; moves: number; skipped: boolean; failed: Array<{ key: number; step: string; error: string }>; ms: number };

/**
 * 信访 demo data: the 2019 year of the plan, then a few recent petitions for the demo accounts.
 * Everything goes through registerPetition / handOff / acknowledgeHandoff / applyTransition with
 * a manual clock, in one transaction, so events, clocks and 按期 figures are real. Idempotent:
 * nothing happens once demo petitions exist (petitions.petition.is_demo).
 *
 * Timers: 2019 moves run with a job queue that drops sends (NO_JOBS), so no reminder/overdue job
 * is queued for dates seven years past; open 2019 clocks are marked as already reminded/overdue
 * (reminded_for/overdue_for = due date), so a later re-scheduling of the same due date cannot fire
 * them either; the case summaries are refreshed with the real clock (they show as 已超期 on the
 * worklist). The notifications the moves wrote (待签收 …) are removed: 2019's are history, and the
 * demo should not fill inboxes (nor other tests' expectations of them). The recent petitions run
 * with the real queue: their reminders and overdue marks fire at their real time.
 */
export async function seedDemoPetitions(ctx: AppContext, opts: { lowerItems?: number; now?: Date } = {}): Promise<DemoSeedResult> {
  const t0 = Date.now();
  const exists = await sql<{ one: number }>`select 1 as one from petitions.petition where is_demo limit 1`.execute(ctx.db);
  if (exists.rows.length) return { created: 0, moves: 0, skipped: true, failed: [], ms: Date.now() - t0 };
  const realNow = opts.now ?? ctx.clock.now();
  const plan = demoPlan({ lowerItems: opts.lowerItems, today: chinaDate(realNow) });
  const clock = manualClock();
  const failed: DemoSeedResult['failed'] = [];
  let moves = 0;

  return withTx({ ...ctx, clock }, async (tx0) => {
    const history: AppContext = { ...tx0, jobs: NO_JOBS };
    const orgs = new Map((await tx0.db.selectFrom('core.org_unit').select(['id', 'code', 'name', 'area_code', 'area_path']).execute()).map((o) => [o.code, o]));
    const users = new Map(
      (await tx0.db.selectFrom('core.app_user').select(['id', 'username', 'display_name', 'org_unit_id']).execute()).map((u) => [u.username, u]),
    );
    const actors = new Map<string, Actor>();
    const actorFor = async (code: string, role: 'clerk' | 'lead'): Promise<Actor> => {
      const k = `${code}:${role}`;
      const known = actors.get(k);
      if (known) return known;
      const org = orgs.get(code);
      if (!org) throw new Error(`演示数据：组织机构 ${code} 不存在`);
      const username = (role === 'lead' ? LEADS : CLERKS)[code];
      const u = username ? users.get(username) : undefined;
      let a: Actor;
      if (u) {
        const grants: Grant[] = await loadGrants(tx0, u.id, new Date('2019-01-01T00:00:00+08:00'));
        a = {
          userId: u.id,
          username: u.username,
          displayName: u.display_name,
          orgUnitId: org.id,
          areaCode: org.area_code,
          areaPath: org.area_path,
          grants,
          sessionId: null,
          clientIp: null,
        };
      } else {
        const grant: Grant = {
          assignmentId: `demo-${code}`,
          roleCode: role === 'lead' ? 'leader' : 'clerk',
          roleName: role === 'lead' ? '负责人' : '经办人',
          orgUnitId: org.id,
          orgUnitName: org.name,
          areaCode: org.area_code,
          areaPath: org.area_path,
          scope: 'subtree',
          permissions: PETITION_PERMISSIONS,
          delegatedBy: null,
          validTo: null,
        };
        a = {
          ...SYSTEM_ACTOR,
          username: 'demo',
          displayName: `${org.name}${role === 'lead' ? '负责人' : '信访工作人员'}`,
          orgUnitId: org.id,
          areaCode: org.area_code,
          areaPath: org.area_path,
          grants: [grant],
        };
      }
      actors.set(k, a);
      return a;
    };
    const orgId = (code: string) => {
      const o = orgs.get(code);
      if (!o) throw new Error(`演示数据：组织机构 ${code} 不存在`);
      return o.id;
    };

    // Absolute times: days from 1 January of the petition's year (09:00 China time + minutes); recent ones before today.
    const yearStart = (year = 2019) => chinaMidnight(`${year}-01-01`).getTime() + 9 * 3_600_000;
    const todayChina = chinaMidnight(chinaDate(realNow)).getTime() + 9 * 3_600_000;
    const latest = realNow.getTime() - 60_000;
    const timeOf = (p: PlannedPetition, day: number, minute: number) =>
      p.recent ? Math.min(todayChina - day * 86_400_000 + minute * 60_000, latest) : yearStart(p.year) + day * 86_400_000 + minute * 60_000;

    type Ev = { at: number; p: PlannedPetition; i: number; move: Move | null };
    const events: Ev[] = [];
    // Sample units can be absent (another installation's sample CSVs): skip what needs them.
    const orgsOf = (p: PlannedPetition) => [
      p.org,
      ...p.steps.flatMap((s) => (s.move.kind === 'handoff' ? [s.move.by, s.move.to] : s.move.kind === 'rate' ? [] : [s.move.by])),
    ];
    const runnable = plan.filter((p) => {
      const missing = orgsOf(p).find((c) => !orgs.has(c));
      if (missing) failed.push({ key: p.key, step: 'plan', error: `组织机构 ${missing} 不存在` });
      return !missing;
    });
    for (const p of runnable) {
      let last = timeOf(p, p.day, p.minute);
      events.push({ at: last, p, i: -1, move: null });
      p.steps.forEach((s, i) => {
        // Each move at least a minute after the previous one of the same petition.
        last = Math.max(timeOf(p, s.day, s.minute), last + 60_000);
        events.push({ at: p.recent ? Math.min(last, latest) : last, p, i, move: s.move });
      });
    }
    events.sort((a, b) => a.at - b.at || a.p.key - b.p.key || a.i - b.i);

    const ids = new Map<number, string>();
    const broken = new Set<number>();
    for (const e of events) {
      if (broken.has(e.p.key)) continue;
      clock.set(new Date(e.at));
      const cx = e.p.recent ? tx0 : history;
      const what = e.move ? (e.move.kind === 't' ? e.move.name : e.move.kind) : 'register';
      try {
        if (!e.move) {
          const r = await registerPetition(cx, await actorFor(e.p.org, 'clerk'), { ...e.p.input, orgUnitId: orgId(e.p.org) });
          ids.set(e.p.key, r.id);
          continue;
        }
        const caseId = ids.get(e.p.key)!;
        const m = e.move;
        if (m.kind === 'handoff')
          await handOff(cx, await actorFor(m.by, 'clerk'), {
            caseId,
            kind: m.transfer ? 'transfer' : 'assign',
            toOrgId: orgId(m.to),
            note: m.transfer ? '请按职责办理' : '请按属地办理并报告结果',
          });
        else if (m.kind === 'ack') await acknowledgeHandoff(cx, await actorFor(m.by, 'clerk'), { caseId });
        else if (m.kind === 'rate')
          await sql`update petitions.petition set satisfaction = ${m.satisfaction}, rated_at = ${clock.now()} where case_id = ${caseId} and satisfaction is null`.execute(
            cx.db,
          );
        else {
          let actor: Actor;
          if (m.role === 'portal') {
            const c = await cx.db.selectFrom('core.case').select(['org_unit_id', 'area_path', 'area_code']).where('id', '=', caseId).executeTakeFirstOrThrow();
            actor = portalActor(c);
          } else if (m.role === 'supervisor') actor = await actorFor(parentOrgCode(m.by), 'clerk');
          else if (m.role === 'upper') actor = await actorFor(parentOrgCode(parentOrgCode(m.by)), 'clerk');
          else actor = await actorFor(m.by, m.role === 'lead' ? 'lead' : 'clerk');
          // Days the plan leaves blank ('') are the day of the move: 送达 received, 转请 sent, the outside opinion recorded.
          const today = chinaDate(clock.now());
          const input =
            m.input && typeof m.input === 'object'
              ? Object.fromEntries(Object.entries(m.input).map(([k, v]) => [k, v === '' && /^(date|referredOn|decidedOn)$/.test(k) ? today : v]))
              : m.input;
          await applyTransition(cx, actor, { caseId, transition: m.name, input, comment: m.comment ?? null });
        }
        moves++;
      } catch (err) {
        // A rule the plan did not foresee (validation, permission, state) refuses before writing;
        // the petition keeps the state it reached. A database error aborts the whole demo instead.
        if (!(err instanceof Error) || !('status' in err)) throw err;
        broken.add(e.p.key);
        failed.push({ key: e.p.key, step: what, error: err.message });
      }
    }

    const all = [...ids.values()];
    if (all.length) await sql`update petitions.petition set is_demo = true where case_id in (${sql.join(all)})`.execute(tx0.db);
    // Settle the timers of 2019's still-open clocks (see above) and show them as they stand today.
    const historic = plan
      .filter((p) => !p.recent)
      .map((p) => ids.get(p.key))
      .filter((x): x is string => !!x);
    clock.set(realNow);
    if (historic.length) {
      await sql`update core.deadline_clock set reminded_for = due_date, overdue_for = due_date
        where state in ('running','paused') and case_id in (${sql.join(historic)})`.execute(tx0.db);
      const open = await tx0.db.selectFrom('core.case').select('id').where('id', 'in', historic).where('terminal', '=', false).execute();
      for (const c of open) await refreshCaseClockSummary(tx0, c.id);
    }
    // The demo writes no inbox items (2019's are history; the recent ones' reminders come from their live timers).
    if (all.length) {
      await sql`delete from core.notification n where n.case_id in (${sql.join(all)})
        and not exists (select 1 from core.notification_read r where r.notification_id = n.id)`.execute(tx0.db);
    }
    return { created: ids.size, moves, skipped: false, failed, ms: Date.now() - t0 };
  });
}
