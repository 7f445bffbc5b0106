import { sql } from 'kysely';
import { withTx, type AppContext } from '../../platform/context.ts';
import type { Actor } from '../identity/actor.ts';
import { lockCase } from './case-tx.ts';
import { workflowOf, type CaseRow, type TransitionDef, type WorkflowDefinition } from './define-workflow.ts';
import { recordCaseAct } from './step.ts';

export type Approver = { userId: string; name: string; role: string };
export type ApprovalRoute = {
  /** unit: an approver of the holding unit; delegate: only a 代管 acts there; above: the level above; none: nobody. */
  kind: 'unit' | 'delegate' | 'above' | 'none';
  orgUnitId: string | null;
  orgName: string | null;
  people: Approver[];
  message: string;
};

/**
 * Who at one unit can approve now: holders of `permission` whose assignment is in force, without
 * those whose assignment is 代管 to another for now (on leave) — their delegate is listed instead.
 */
export async function approversAt(ctx: AppContext, orgUnitId: string, permission: string): Promise<Approver[]> {
  const now = ctx.clock.now();
  const rows = await sql<{ user_id: string; name: string; role: string; for_name: string | null }>`
    select distinct on (u.id) u.id as user_id, u.display_name as name, r.name as role, du.display_name as for_name
    from core.role_assignment ra join core.app_user u on u.id = ra.user_id join core.role r on r.code = ra.role_code
      left join core.role_assignment src on src.id = ra.delegated_from left join core.app_user du on du.id = ra.delegated_by
    where ra.org_unit_id = ${orgUnitId} and ${permission} = any(r.permissions) and ra.revoked_at is null and u.status = 'active'
      and ra.valid_from <= ${now} and (ra.valid_to is null or ra.valid_to > ${now})
      and (ra.delegated_from is null or (src.revoked_at is null and (src.valid_to is null or src.valid_to > ${now})))
      and not exists (select 1 from core.role_assignment d where d.delegated_from = ra.id and d.revoked_at is null
        and d.valid_from <= ${now} and (d.valid_to is null or d.valid_to > ${now}))
    order by u.id, (ra.delegated_from is null) desc, r.name`.execute(ctx.db);
  return rows.rows
    .map((p) => ({ userId: p.user_id, name: p.name, role: p.for_name ? `代管${p.for_name}` : p.role }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** The unit a unit answers to: its parent, else the 民政 unit of the nearest area above that has one. */
async function unitAbove(ctx: AppContext, orgUnitId: string): Promise<{ id: string; name: string } | null> {
  const u = await ctx.db.selectFrom('core.org_unit').select(['parent_id', 'area_path']).where('id', '=', orgUnitId).executeTakeFirst();
  if (!u) return null;
  if (u.parent_id) return (await ctx.db.selectFrom('core.org_unit').select(['id', 'name']).where('id', '=', u.parent_id).executeTakeFirst()) ?? null;
  for (const code of u.area_path.split('.').slice(0, -1).reverse()) {
    const o = await ctx.db
      .selectFrom('core.org_unit')
      .select(['id', 'name'])
      .where('area_code', '=', code)
      .where('parent_id', 'is', null)
      .where('kind', 'in', ['department', 'bureau'])
      .where('active', '=', true)
      .orderBy('sort')
      .orderBy('code')
      .executeTakeFirst();
    if (o) return o;
  }
  return null;
}

const names = (people: Approver[]) => people.map((p) => `${p.name}（${p.role}）`).join('、');

/** Where an approval of a case held by `orgUnitId` goes: the unit's approvers (or 代管), else the nearest level above with one. */
export async function approvalRoute(ctx: AppContext, orgUnitId: string, permission: string): Promise<ApprovalRoute> {
  const unit = await ctx.db.selectFrom('core.org_unit').select('name').where('id', '=', orgUnitId).executeTakeFirst();
  const here = await approversAt(ctx, orgUnitId, permission);
  if (here.length) {
    const kind = here.every((p) => p.role.startsWith('代管')) ? 'delegate' : 'unit';
    const message = kind === 'delegate' ? `审批人不在岗，由代管人${names(here)}审批。` : `由本单位${names(here)}审批。`;
    return { kind, orgUnitId, orgName: unit?.name ?? null, people: here, message };
  }
  let at = orgUnitId;
  for (let i = 0; i < 5; i++) {
    const up = await unitAbove(ctx, at);
    if (!up) break;
    const people = await approversAt(ctx, up.id, permission);
    if (people.length)
      return {
        kind: 'above',
        orgUnitId: up.id,
        orgName: up.name,
        people,
        message: `本单位（${unit?.name ?? ''}）暂无审批人员，提交后送上一级${up.name}${names(people.slice(0, 1))}审批。`,
      };
    at = up.id;
  }
  return {
    kind: 'none',
    orgUnitId: null,
    orgName: null,
    people: [],
    message: `本单位（${unit?.name ?? ''}）及上级均无审批人员，提交后无人审批。请先请管理员设置审批人员或代管。`,
  };
}

/**
 * After a move whose next step is an approval: with nobody at the unit to give it, the case is
 * assigned to the level above's approver (who may then approve or 退回), recorded on the timeline.
 * After any other move, an assignment made that way ends. Returns the route (null: no approval next).
 */
export async function routeApproval(tx: AppContext, actor: Actor, c: CaseRow, next: TransitionDef | null): Promise<ApprovalRoute | null> {
  if (!next?.approval) {
    if (c.assignee_id && (await routedTo(tx, c.id)) === c.assignee_id)
      await tx.db.updateTable('core.case').set({ assignee_id: null }).where('id', '=', c.id).execute();
    return null;
  }
  const route = await approvalRoute(tx, c.org_unit_id, next.who.permission);
  if (route.kind !== 'above') return route;
  const to = route.people.find((p) => p.userId === c.assignee_id) ?? route.people[0]!;
  await tx.db.updateTable('core.case').set({ assignee_id: to.userId }).where('id', '=', c.id).execute();
  await recordCaseAct(tx, actor, c, {
    name: 'approval.route',
    input: { toUserId: to.userId, toUserName: to.name, orgUnitId: route.orgUnitId, orgName: route.orgName },
    comment: route.message,
  });
  return { ...route, people: [to] };
}

/** The approver the case was last routed to (approval.route), if any. */
async function routedTo(tx: AppContext, caseId: string): Promise<string | null> {
  const e = await tx.db
    .selectFrom('core.case_event')
    .select('input')
    .where('case_id', '=', caseId)
    .where('transition', '=', 'approval.route')
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  const input = (typeof e?.input === 'string' ? JSON.parse(e.input) : e?.input) as { toUserId?: string } | null | undefined;
  return input?.toUserId ?? null;
}

/**
 * 拟办 warning: for each move the case's holder may take now whose next step is an approval, where
 * that approval will go — so a clerk of a unit without an approver is told before drafting.
 */
export async function approvalRoutesOf(ctx: AppContext, actor: Actor, caseId: string): Promise<Array<{ transition: string; step: string } & ApprovalRoute>> {
  const c = await withTx(ctx, (tx) => lockCase(tx, actor, caseId));
  const def: WorkflowDefinition = workflowOf(c.type);
  const out: Array<{ transition: string; step: string } & ApprovalRoute> = [];
  for (const [name, t] of Object.entries(def.transitions)) {
    if (!t.from.includes(c.state)) continue;
    const approval = Object.values(def.transitions).find((n) => n.approval && n.from.includes(t.to));
    if (!approval) continue;
    out.push({ transition: name, step: approval.nextLabel ?? approval.label, ...(await approvalRoute(ctx, c.org_unit_id, approval.who.permission)) });
  }
  return out;
}
