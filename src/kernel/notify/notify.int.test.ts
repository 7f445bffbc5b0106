import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestContext, type TestContext } from '../../../tests/helpers/test-context.ts';
import { withTx, type AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { registerNotificationChannel, type NotificationMessage, type NotificationRecipient } from './channels.ts';
import { NOTIFY_DELIVER_QUEUE } from './contract.ts';
import { notify } from './notify.ts';

/** notify(): stored with the caller's transaction, delivered by a job per configured channel. */
let t: TestContext;
let ctx: AppContext;
const delivered: Array<{ message: NotificationMessage; recipients: NotificationRecipient[] }> = [];
registerNotificationChannel({ name: 'capture', deliver: async (message, recipients) => void delivered.push({ message, recipients }) });
const ids: Record<string, string> = {};
const tag = Math.random().toString(36).slice(2, 8);

const deliveryJobs = async (notificationId: string) =>
  (
    await sql<{
      channel: string;
    }>`select data->>'channel' as channel from pgboss.job where name = ${NOTIFY_DELIVER_QUEUE} and data->>'notificationId' = ${notificationId} order by 1`.execute(
      ctx.db,
    )
  ).rows.map((r) => r.channel);
const deliver = () => t.jobs.runDue(ctx, { names: [NOTIFY_DELIVER_QUEUE] });

beforeAll(async () => {
  t = await openTestContext({ env: { NOTIFY_CHANNELS: 'log,capture,nosuch' } });
  ctx = t.ctx;
  for (const u of await ctx.db.selectFrom('core.app_user').select(['id', 'username']).where('username', 'in', ['nx-fgc', 'nx-fgc-lead', 'yc-mzj']).execute())
    ids[u.username] = u.id;
  for (const o of await ctx.db.selectFrom('core.org_unit').select(['id', 'code']).where('code', 'in', ['640000-mzt-fgc', '640100-mzj']).execute())
    ids[o.code] = o.id;
});
afterAll(async () => {
  await t?.close();
});

describe('notify', () => {
  it('stores a personal notification and queues one delivery per configured channel, in the caller’s transaction', async () => {
    const r = await withTx(ctx, (tx) =>
      notify(tx, { userId: ids['yc-mzj'], kind: 'case.assigned', title: '您有新的待办案件', body: '请及时签收', dedupeKey: `p-${tag}` }),
    );
    expect(r.created).toBe(true);
    expect(await deliveryJobs(r.id)).toEqual(['capture', 'log', 'nosuch']);
    // The unknown channel is logged and skipped, not retried forever.
    expect(await deliver()).toBe(3);
    const mine = delivered.filter((d) => d.message.id === r.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.message).toMatchObject({ kind: 'case.assigned', title: '您有新的待办案件', body: '请及时签收', userId: ids['yc-mzj'] });
    expect(mine[0]!.recipients.map((x) => x.username)).toEqual(['yc-mzj']);
  });

  it('an org-unit notification reaches everyone holding a role there', async () => {
    const r = await notify(ctx, { orgUnitId: ids['640000-mzt-fgc'], kind: 'deadline.remind', title: '案件即将到期', dedupeKey: `o-${tag}` });
    await deliver();
    const got = delivered.find((d) => d.message.id === r.id)!;
    expect(got.recipients.map((x) => x.username)).toEqual(['nx-fgc', 'nx-fgc-lead']);
  });

  it('a second notify with the same dedupe key writes and queues nothing', async () => {
    const a = await notify(ctx, { userId: ids['nx-fgc'], kind: 'deadline.overdue', title: '案件已超期', dedupeKey: `d-${tag}` });
    const b = await notify(ctx, { userId: ids['nx-fgc'], kind: 'deadline.overdue', title: '案件已超期(重复)', dedupeKey: `d-${tag}` });
    expect(b).toEqual({ id: a.id, created: false });
    expect(await ctx.db.selectFrom('core.notification').select('title').where('dedupe_key', '=', `d-${tag}`).execute()).toEqual([{ title: '案件已超期' }]);
    expect(await deliveryJobs(a.id)).toHaveLength(3);
  });

  it('leaves nothing behind when the caller’s transaction rolls back', async () => {
    let id = '';
    await expect(
      withTx(ctx, async (tx) => {
        id = (await notify(tx, { userId: ids['nx-fgc'], kind: 'case.assigned', title: '回滚的通知', dedupeKey: `rb-${tag}` })).id;
        throw new Error('业务失败');
      }),
    ).rejects.toThrow('业务失败');
    expect(id).not.toBe('');
    expect(await ctx.db.selectFrom('core.notification').select('id').where('id', '=', id).execute()).toEqual([]);
    expect(await deliveryJobs(id)).toEqual([]);
  });

  it('refuses a notification without an addressee or title, naming the field', async () => {
    const err = await notify(ctx, { kind: 'case.assigned', title: '无人接收' }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ status: 400, details: { field: 'userId' } });
    await expect(notify(ctx, { userId: ids['nx-fgc'], kind: 'case.assigned', title: '  ' })).rejects.toMatchObject({ details: { field: 'title' } });
    await expect(notify(ctx, { userId: ids['nx-fgc'], kind: 'Case Assigned', title: '类型不对' })).rejects.toMatchObject({ details: { field: 'kind' } });
  });
});
