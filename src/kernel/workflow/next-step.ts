import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { CaseRow, TransitionDef, WorkflowDefinition } from './define-workflow.ts';
import type { CaseNextStep } from './contract.ts';
import type { z } from 'zod';
import type { Actor } from '../identity/actor.ts';
import { notify } from '../notify/notify.ts';
import { approvalRoute, routeApproval } from './approval-route.ts';

type NextStep = z.output<typeof CaseNextStep>;

/**
 * The step that normally comes next from a state: the transition the definition marks `primary`,
 * else the first one from that state in definition order. null in a terminal state or with no move,
 * and in a resting state (StateDef.resting: 已公开, 运行中): its moves (变更, 撤回, 暂停服务) are open but
 * not owed, so nobody is named as next, told 「待您…」 or routed an approval.
 */
export function nextTransition(def: WorkflowDefinition, state: string): [string, TransitionDef] | null {
  if (def.states[state]?.resting) return null;
  const from = Object.entries(def.transitions).filter(([, t]) => t.from.includes(state));
  return from.find(([, t]) => t.primary) ?? from[0] ?? null;
}

type Holder = { user_id: string; name: string; role: string };

/** Everyone at each of the org units who currently holds `permission`, with the role that gives it (one query for a whole register page). */
export async function holdersByUnit(ctx: AppContext, orgUnitIds: readonly string[], permission: string): Promise<Map<string, Holder[]>> {
  const out = new Map<string, Holder[]>();
  if (!orgUnitIds.length) return out;
  const now = ctx.clock.now();
  const rows = await sql<Holder & { org_unit_id: string }>`
    select distinct on (ra.org_unit_id, u.id) ra.org_unit_id, u.id as user_id, u.display_name as name, r.name as role
    from core.role_assignment ra join core.app_user u on u.id = ra.user_id join core.role r on r.code = ra.role_code
    where ra.org_unit_id = any(${[...new Set(orgUnitIds)]}::uuid[]) and ${permission} = any(r.permissions) and ra.revoked_at is null
      and ra.valid_from <= ${now} and (ra.valid_to is null or ra.valid_to > ${now}) and u.status = 'active'
    order by ra.org_unit_id, u.id, r.name`.execute(ctx.db);
  for (const r of rows.rows) out.set(r.org_unit_id, [...(out.get(r.org_unit_id) ?? []), { user_id: r.user_id, name: r.name, role: r.role }]);
  for (const people of out.values()) people.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return out;
}

/** Everyone at the org unit (or the case's assignee) who currently holds `permission`, with the role that gives it. */
export async function holdersAt(ctx: AppContext, orgUnitId: string, permission: string, assigneeId: string | null) {
  const rows = (await holdersByUnit(ctx, [orgUnitId], permission)).get(orgUnitId) ?? [];
  const people = assigneeId ? rows.filter((p) => p.user_id === assigneeId) : rows;
  return people.length ? people : rows;
}

const MAX_NAMES = 3;

/**
 * 下一步 of a case: 「待 银川市民政局 签收」 while a hand-off waits, else 「待 张三(科长)审批」 — the
 * holders of the next step's permission at the holding unit, or the unit's name when nobody there
 * holds it (or the step is the level above's).
 */
export async function nextStepOf(
  ctx: AppContext,
  def: WorkflowDefinition,
  c: CaseRow,
  opts: { pendingToOrg: string | null; mayAcknowledge: boolean; available: readonly string[] },
): Promise<NextStep | null> {
  if (c.terminal) return null;
  if (c.pending_handoff && opts.pendingToOrg) {
    return { text: `待 ${opts.pendingToOrg} 签收`, step: '签收', orgName: opts.pendingToOrg, people: [], mine: opts.mayAcknowledge, onBehalf: false };
  }
  const next = nextTransition(def, c.state);
  if (!next) return null;
  const [name, t] = next;
  const step = t.nextLabel ?? t.label;
  const org = (await ctx.db.selectFrom('core.org_unit').select('name').where('id', '=', c.org_unit_id).executeTakeFirst())?.name ?? null;
  const parties = typeof t.who.party === 'string' ? [t.who.party] : (t.who.party ?? ['holder']);
  const mine = opts.available.includes(name);
  if (t.approval && parties.includes('holder')) {
    const route = await approvalRoute(ctx, c.org_unit_id, t.who.permission);
    const routed = route.kind === 'above' ? route.people.filter((p) => p.userId === c.assignee_id) : [];
    const people = (routed.length ? routed : route.people).map((p) => ({ name: p.name, role: p.role }));
    const names = people.slice(0, MAX_NAMES).map((p) => `${p.name}（${p.role}）`);
    const who = route.kind === 'above' ? `上一级 ${route.orgName} ${names.join('、')}` : names.length ? names.join('、') : (org ?? '');
    return { text: `待 ${who} ${step}`, step, orgName: route.orgName ?? org, people, mine, onBehalf: false };
  }
  if (!parties.includes('holder')) {
    const who = parties.includes('supervisor') ? '上级机关' : (org ?? '');
    return { text: `待 ${who} ${step}`, step, orgName: org, people: [], mine, onBehalf: false };
  }
  return waitingFor(ctx, { orgUnitId: c.org_unit_id, orgName: org, permission: t.who.permission, step, assigneeId: c.assignee_id, mine });
}

type Waiting = { orgUnitId: string; orgName: string | null; permission: string; step: string; assigneeId?: string | null; mine: boolean };

/**
 * 「待 王志强（分管领导/负责人） 初审」: the people at an org unit who hold the permission a step needs, by
 * name, or the unit's name when nobody there holds it. Case pages and module registers (年检, 抽查) share it.
 */
export async function waitingFor(ctx: AppContext, w: Waiting): Promise<NextStep> {
  return waitingLine(w, await holdersAt(ctx, w.orgUnitId, w.permission, w.assigneeId ?? null));
}

/**
 * The line of waitingFor from holders already read (holdersByUnit, for a list). When nobody at the unit holds the
 * permission but the reader may take the step (a higher unit whose scope covers it), `onBehalf` says the reader may act for it.
 */
export function waitingLine(w: Waiting, holders: readonly Holder[]): NextStep {
  const people = holders.map((p) => ({ name: p.name, role: p.role }));
  const names = people.slice(0, MAX_NAMES).map((p) => `${p.name}（${p.role}）`);
  const who = names.length ? names.join('、') + (people.length > MAX_NAMES ? ` 等 ${people.length} 人` : '') : (w.orgName ?? '');
  return { text: `待 ${who} ${w.step}`, step: w.step, orgName: w.orgName, people, mine: w.mine, onBehalf: w.mine && !people.length };
}

/**
 * A hand-over between people of one unit (the clerk's 拟办 waits for the leader's 审批): when the
 * mover cannot take the next step, everyone at the holding unit who can is notified, by name.
 */
export async function notifyHandover(tx: AppContext, actor: Actor, def: WorkflowDefinition, c: CaseRow, moved: string): Promise<void> {
  if (c.terminal || c.pending_handoff) return;
  const next = nextTransition(def, c.state);
  const route = await routeApproval(tx, actor, c, next?.[1] ?? null);
  if (!next) return;
  const [, t] = next;
  const parties = typeof t.who.party === 'string' ? [t.who.party] : (t.who.party ?? ['holder']);
  if (!parties.includes('holder')) return;
  if (route?.kind !== 'above' && actor.grants.some((g) => g.orgUnitId === c.org_unit_id && g.permissions.includes(t.who.permission))) return;
  const step = t.nextLabel ?? t.label;
  const people = route ? route.people.map((p) => ({ user_id: p.userId })) : await holdersAt(tx, c.org_unit_id, t.who.permission, c.assignee_id);
  for (const p of people) {
    if (p.user_id === actor.userId) continue;
    await notify(tx, {
      userId: p.user_id,
      orgUnitId: c.org_unit_id,
      caseId: c.id,
      kind: 'case.handover',
      dedupeKey: `handover:${c.id}:${c.version}:${p.user_id}`,
      title: `待您${step}：${c.ref_no} ${c.title}`,
      body: `${actor.displayName}已办理「${moved}」，下一步「${step}」由您办理。`,
    });
  }
}
