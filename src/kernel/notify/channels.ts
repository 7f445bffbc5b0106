import type { AppContext } from '../../platform/context.ts';

/** What a channel is given to send: the stored notification. */
export type NotificationMessage = {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  caseId: string | null;
  userId: string | null;
  orgUnitId: string | null;
  createdAt: Date;
};

/**
 * One person to reach. Phone numbers are stored encrypted (SM4): an SMS adapter loads and
 * decrypts `core.app_user.phone_enc` itself through platform/crypto/pii.ts, so plaintext
 * numbers never pass through the queue or the logs.
 */
export type NotificationRecipient = { userId: string; username: string; displayName: string; email: string | null };

/**
 * An external delivery channel (短信, 邮件, 政务微信 …). `deliver` may run more than once for
 * the same notification (a job retried after a crash): pass `message.id` to the gateway as the
 * idempotency key where it has one. Throwing makes the job retry with back-off.
 */
export interface NotificationChannel {
  readonly name: string;
  deliver(message: NotificationMessage, recipients: NotificationRecipient[], ctx: AppContext): Promise<void>;
}

/** Built in: writes the delivery to the application log (the default, and the demo's channel). */
export const logChannel: NotificationChannel = {
  name: 'log',
  async deliver(message, recipients, ctx) {
    ctx.logger.info(
      { notification: message.id, kind: message.kind, caseId: message.caseId, recipients: recipients.map((r) => r.username) },
      `通知 / notification: ${message.title}`,
    );
  },
};

const channels = new Map<string, NotificationChannel>([[logChannel.name, logChannel]]);

/**
 * Make an adapter available by name. Adding SMS or e-mail: write
 * `src/kernel/notify/channels/<name>.ts` exporting a NotificationChannel (gateway address and
 * keys come from Config, never from code), call registerNotificationChannel from it, import it in
 * src/server/worker.ts, and list its name in NOTIFY_CHANNELS (e.g. `NOTIFY_CHANNELS=log,sms`).
 */
export function registerNotificationChannel(channel: NotificationChannel): void {
  const prev = channels.get(channel.name);
  if (prev && prev !== channel) throw new Error(`notification channel ${channel.name} already registered`);
  channels.set(channel.name, channel);
}

export function notificationChannel(name: string): NotificationChannel | undefined {
  return channels.get(name);
}
