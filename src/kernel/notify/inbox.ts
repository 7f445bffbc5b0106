import { sql, type ExpressionBuilder } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { pageTotal } from '../../platform/db/paging.ts';
import type { DB } from '../../platform/db/schema.ts';
import { notFound } from '../../platform/errors.ts';
import type { Actor } from '../identity/actor.ts';
import { NOTIFY_ERRORS, type NotificationPage, type NotificationView } from './contract.ts';

/** unread-count stops counting here; the UI shows "999+". */
export const UNREAD_CAP = 999;

type Eb = ExpressionBuilder<DB & { n: DB['core.notification'] }, 'n'>;

/** The org units whose notifications the actor receives: their own, and every unit they hold a role at. */
export function inboxOrgUnits(actor: Actor): string[] {
  return [...new Set([actor.orgUnitId, ...actor.grants.map((g) => g.orgUnitId)])];
}

/**
 * The inbox filter: addressed to the actor, or (with no user named) to an org unit of theirs.
 * A notification naming another user stays private to that user even if it names the unit too.
 */
export function visibleTo(actor: Actor) {
  const units = inboxOrgUnits(actor);
  return (eb: Eb) => eb.or([eb('n.user_id', '=', actor.userId), eb.and([eb('n.user_id', 'is', null), eb('n.org_unit_id', 'in', units)])]);
}

const inbox = (ctx: AppContext, actor: Actor) =>
  ctx.db
    .selectFrom('core.notification as n')
    .leftJoin('core.notification_read as r', (j) => j.onRef('r.notification_id', '=', 'n.id').on('r.user_id', '=', actor.userId))
    .where(visibleTo(actor));

export async function listNotifications(ctx: AppContext, actor: Actor, q: { unread: boolean; page: number; pageSize: number }): Promise<NotificationPage> {
  let base = inbox(ctx, actor);
  if (q.unread) base = base.where('r.notification_id', 'is', null);
  // The page and the total in one statement: one pool connection (the inbox is read on every
  // console page, and a connection held for two reads waits twice as long under load).
  const rows = await base
    .select(['n.id', 'n.kind', 'n.title', 'n.body', 'n.case_id', 'n.user_id', 'n.org_unit_id', 'n.created_at', 'r.read_at'])
    .select(sql<string>`count(*) over ()`.as('total'))
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const total = await pageTotal(rows, q.page, async () => (await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const items: NotificationView[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    caseId: r.case_id,
    userId: r.user_id,
    orgUnitId: r.org_unit_id,
    createdAt: r.created_at.toISOString(),
    read: r.read_at !== null,
    readAt: r.read_at ? r.read_at.toISOString() : null,
  }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function countUnread(ctx: AppContext, actor: Actor): Promise<number> {
  const unread = inbox(ctx, actor).where('r.notification_id', 'is', null).select('n.id').limit(UNREAD_CAP);
  const { n } = await ctx.db
    .selectFrom(unread.as('t'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Mark one notification read for the actor; 404 unless it is in their inbox. Idempotent. */
export async function markRead(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const found = await ctx.db.selectFrom('core.notification as n').select('n.id').where('n.id', '=', id).where(visibleTo(actor)).executeTakeFirst();
  if (!found) throw notFound(NOTIFY_ERRORS.NOTIFICATION_NOT_FOUND, 'NOTIFICATION_NOT_FOUND');
  await ctx.db
    .insertInto('core.notification_read')
    .values({ notification_id: id, user_id: actor.userId, read_at: ctx.clock.now() })
    .onConflict((oc) => oc.columns(['notification_id', 'user_id']).doNothing())
    .execute();
}

/** Mark everything in the actor's inbox read; returns how many were unread. */
export async function markAllRead(ctx: AppContext, actor: Actor): Promise<number> {
  const now = ctx.clock.now();
  const res = await ctx.db
    .insertInto('core.notification_read')
    .columns(['notification_id', 'user_id', 'read_at'])
    .expression(
      inbox(ctx, actor)
        .where('r.notification_id', 'is', null)
        .select(['n.id', sql<string>`cast(${actor.userId} as uuid)`.as('user_id'), sql<Date>`cast(${now} as timestamptz)`.as('read_at')]),
    )
    .onConflict((oc) => oc.columns(['notification_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n);
}
