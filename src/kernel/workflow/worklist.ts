import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { Actor } from '../identity/actor.ts';
import { memoForActor } from '../identity/actor-memo.ts';
import { orgUnitNames } from '../identity/names-cache.ts';
import { actorOrgIds, caseReadable } from './case-access.ts';
import { registeredWorkflows, workflowOf, workflowRegistryVersion } from './define-workflow.ts';
import { actionableBy } from './may-act.ts';

import { WORKLIST_TABS, type WorklistItem, type WorklistTab } from './contract.ts';

export { WORKLIST_TABS };

export type WorklistQuery = { tab: WorklistTab; view?: 'mine' | 'unit'; type?: string; q?: string; sort?: 'due' | 'updated'; page: number; pageSize: number };

export type WorklistFilter = Pick<WorklistQuery, 'tab' | 'view' | 'type' | 'q'>;

/**
 * 工作台 tab counts in one statement: each tab's count is the same query as that tab's list
 * (listWorklist's total), under the same view, type and text filters.
 */
export async function countWorklist(ctx: AppContext, actor: Actor, f: Omit<WorklistFilter, 'tab'>): Promise<Record<WorklistTab, number>> {
  const [first, ...rest] = WORKLIST_TABS.map((tab) =>
    worklistCases(ctx, actor, { ...f, tab }).base.select((eb) => [sql<string>`cast(${tab} as text)`.as('tab'), eb.fn.countAll<number>().as('n')]),
  );
  const rows = await rest.reduce((all, one) => all.unionAll(one as unknown as typeof first), first!).execute();
  const counts = Object.fromEntries(WORKLIST_TABS.map((t) => [t, 0])) as Record<WorklistTab, number>;
  for (const r of rows) counts[r.tab as WorklistTab] = Number(r.n);
  return counts;
}

type Where = (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>;

/**
 * The cases of one tab for the actor, under the filters: the rows and the count read the same query.
 * 即将到期 and 已超期 are the open cases of 待签收 and 待办 with that tag, and 待我处理 (`view: 'mine'`)
 * narrows every tab by one rule, so a tab's count is always the rows the other tabs tag.
 */
function worklistCases(ctx: AppContext, actor: Actor, q: WorklistFilter) {
  const orgs = actorOrgIds(actor);
  const readable = readableTypes(actor);
  // Holding a case (or having acted on it) is the right to see it; the type's read
  // permission must still be held somewhere. The supervision tab goes through the scope filter.
  let base = ctx.db.selectFrom('core.case as c').where('c.type', 'in', readable.length ? readable : ['-']);
  if (q.type) base = base.where('c.type', '=', q.type);
  if (q.q) {
    const like = '%' + q.q.replace(/[\\%_]/g, (ch) => '\\' + ch) + '%';
    base = base.where((eb) => eb.or([eb('c.ref_no', 'like', like), eb('c.title', 'like', like)]));
  }
  const mine = q.view === 'mine';
  // 待签收: handed to one of my units. 待办: held by one of my units and not assigned to someone else,
  // or assigned to me wherever it is held (an approval routed to the level above).
  const toAcknowledge: Where = (eb) => eb.and([eb('c.pending_handoff', '=', true), eb('c.org_unit_id', 'in', orgs)]);
  const todo: Where = (eb) =>
    eb.and([
      eb('c.pending_handoff', '=', false),
      eb.or([
        eb.and([eb('c.org_unit_id', 'in', orgs), eb.or([eb('c.assignee_id', 'is', null), eb('c.assignee_id', '=', actor.userId)])]),
        eb('c.assignee_id', '=', actor.userId),
      ]),
    ]);
  let lastActed = false;
  switch (q.tab) {
    case 'to_acknowledge':
    case 'todo':
    case 'due_soon':
    case 'overdue':
      base = base.where('c.terminal', '=', false).where(notResting(readable));
      if (q.tab === 'to_acknowledge') base = base.where(toAcknowledge);
      else if (q.tab === 'todo') base = base.where(todo);
      // The row's tag is its clock_state: the tab holds the open cases of 待签收 and 待办 with that tag.
      else base = base.where((eb) => eb.or([toAcknowledge(eb), todo(eb)])).where('c.clock_state', '=', q.tab);
      if (mine) base = base.where(actionableBy(actor, readable));
      break;
    case 'supervising':
      // Two indexed branches (the case's supervising org; 督办 issued by my orgs), then the read rule.
      base = base
        .where('c.terminal', '=', false)
        .where('c.id', 'in', (eb) => supervisedBy(eb, orgs))
        .where((eb) => eb.or(readable.map((t) => eb.and([eb('c.type', '=', t), caseReadable(actor, workflowOf(t).readPermission)(eb)]))));
      if (mine) base = base.where(supervisableBy(actor, readable));
      break;
    case 'done':
      // Already the user's own (the cases they acted on), in either view.
      base = base.innerJoin('core.case_participant as p', (j) => j.onRef('p.case_id', '=', 'c.id').on('p.user_id', '=', actor.userId));
      lastActed = true;
      break;
  }
  return { base, lastActed };
}

/** Not resting in a state nobody owes a step (StateDef.resting), unless a clock of it runs. */
function notResting(types: readonly string[]): Where {
  const pairs = types.flatMap((type) => {
    const states = Object.entries(workflowOf(type).states)
      .filter(([, s]) => s.resting)
      .map(([k]) => k);
    return states.length ? [{ type, states }] : [];
  });
  return (eb) =>
    pairs.length
      ? eb.or([eb('c.clock_state', 'is not', null), eb.not(eb.or(pairs.map((p) => eb.and([eb('c.type', '=', p.type), eb('c.state', 'in', p.states)]))))])
      : eb.lit(true);
}

/** Cases supervised by these org units: the case's supervising org, or a 督办 issued by one of them. */
const supervisedBy = (eb: ExpressionBuilder<any, any>, orgIds: readonly string[]) =>
  eb
    .selectFrom('core.case as sc')
    .select('sc.id')
    .where('sc.supervising_org_id', 'in', orgIds)
    .where('sc.terminal', '=', false)
    .union(eb.selectFrom('core.case_supervision as s').select('s.case_id as id').where('s.from_org_id', 'in', orgIds));

/** 待我处理 of 我督办的: the supervising unit is one where I hold the type's 督办 permission. */
function supervisableBy(actor: Actor, types: readonly string[]): Where {
  const byType = types.flatMap((type) => {
    const permission = workflowOf(type).supervision?.permission;
    const orgIds = permission ? actor.grants.filter((g) => g.permissions.includes(permission)).map((g) => g.orgUnitId) : [];
    return orgIds.length ? [{ type, orgIds }] : [];
  });
  return (eb) => eb.or(byType.map((s) => eb.and([eb('c.type', '=', s.type), eb('c.id', 'in', supervisedBy(eb, s.orgIds))])));
}

/**
 * One worklist across all modules for the signed-in user and their org units. Every tab is
 * an index range scan (see the partial indexes in the workflow migration), first page first.
 */
export async function listWorklist(ctx: AppContext, actor: Actor, q: WorklistQuery): Promise<{ items: WorklistItem[]; total: number }> {
  // The statement depends on the actor's grants, the registered workflows and the query alone: built
  // and compiled once per session and query, not at every request (it took longer than running it).
  const key = `worklist ${workflowRegistryVersion()} ${JSON.stringify([q.tab, q.view, q.sort, q.page, q.pageSize, q.type, q.q])}`;
  const list = (await ctx.db.executeQuery(memoForActor(actor, key, () => worklistPage(ctx, actor, q)))).rows;
  const total = list.length
    ? Number(list[0]!.total)
    : q.page > 1
      ? Number(
          (
            await worklistCases(ctx, actor, q)
              .base.select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        )
      : 0;
  // The units' names from the names cache, not a join.
  const names = await orgUnitNames(
    ctx,
    list.map((r) => r.org_unit_id),
  );
  return {
    total,
    items: list.map((r) => {
      const def = workflowOf(r.type);
      return {
        id: r.id,
        type: r.type,
        typeLabel: def.label,
        refNo: r.ref_no,
        title: r.title,
        state: r.state,
        stateLabel: def.states[r.state]?.label ?? r.state,
        orgUnitId: r.org_unit_id,
        orgUnitName: names.get(r.org_unit_id) ?? '',
        areaCode: r.area_code,
        dueDate: r.due_date,
        clockState: r.clock_state,
        pendingHandoff: r.pending_handoff,
        version: r.version,
        updatedAt: r.updated_at.toISOString(),
        lastActedAt: r.last_acted_at?.toISOString() ?? null,
      };
    }),
  };
}

/** One page of a tab, with the tab's total on every row, as a compiled statement. */
function worklistPage(ctx: AppContext, actor: Actor, q: WorklistQuery) {
  const { base, lastActed } = worklistCases(ctx, actor, q);
  let rows = base.select([
    'c.id',
    'c.type',
    'c.ref_no',
    'c.title',
    'c.state',
    'c.org_unit_id',
    'c.area_code',
    'c.due_date',
    'c.clock_state',
    'c.pending_handoff',
    'c.version',
    'c.updated_at',
    lastActed ? sql<Date>`p.last_acted_at`.as('last_acted_at') : sql<Date | null>`null::timestamptz`.as('last_acted_at'),
    // Page and total in one round trip; a page past the end falls back to a count.
    sql<string>`count(*) over ()`.as('total'),
  ]);
  rows = lastActed
    ? rows.orderBy(sql`p.last_acted_at`, 'desc')
    : q.sort === 'updated'
      ? rows.orderBy('c.updated_at', 'desc')
      : rows.orderBy(sql`c.due_date asc nulls last`).orderBy('c.id');
  return rows
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .compile();
}

/** Case types whose read permission the actor holds in some grant. */
export function readableTypes(actor: Actor): string[] {
  return registeredWorkflows()
    .filter((d) => actor.grants.some((g) => g.permissions.includes(d.readPermission)))
    .map((d) => d.type);
}
