import type { AppContext } from '../../platform/context.ts';
import { registerJobHandler } from '../../platform/jobs/registry.ts';
import { notificationChannel } from './channels.ts';
import { NOTIFY_DELIVER_QUEUE } from './contract.ts';
import { resolveRecipients } from './recipients.ts';

export type DeliverJobData = { notificationId: string; channel: string };

/** Hand one stored notification to one external channel. */
export async function deliverNotification(ctx: AppContext, data: DeliverJobData): Promise<void> {
  const channel = notificationChannel(data.channel);
  if (!channel) {
    // A configuration error, not a transient one: retrying will not help.
    ctx.logger.warn({ channel: data.channel, notification: data.notificationId }, `未知的通知通道 / unknown notification channel: ${data.channel}`);
    return;
  }
  const row = await ctx.db.selectFrom('core.notification').selectAll().where('id', '=', data.notificationId).executeTakeFirst();
  if (!row) return;
  const message = {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    caseId: row.case_id,
    userId: row.user_id,
    orgUnitId: row.org_unit_id,
    createdAt: row.created_at,
  };
  const recipients = await resolveRecipients(ctx, message);
  if (!recipients.length) return;
  await channel.deliver(message, recipients, ctx);
}

registerJobHandler<DeliverJobData>(NOTIFY_DELIVER_QUEUE, deliverNotification, { retryLimit: 5, retryDelaySeconds: 60 });
