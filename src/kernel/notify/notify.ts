import { withTx, type AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { NOTIFY_DELIVER_QUEUE, NOTIFY_ERRORS, type NotifyInput, type NotifyResult } from './contract.ts';
import './deliver-job.ts';

const KIND = /^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*$/;

function check(input: NotifyInput): void {
  const bad = (field: string, why: string) => new AppError('NOTIFICATION_BAD_INPUT', 400, `${NOTIFY_ERRORS.NOTIFICATION_BAD_INPUT}：${why}`, { field });
  if (!input.userId && !input.orgUnitId) throw bad('userId', '须指定接收人或接收机构');
  if (!KIND.test(input.kind) || input.kind.length > 100) throw bad('kind', '类型须为小写点分名称');
  const title = input.title.trim();
  if (!title || title.length > 200) throw bad('title', '标题不能为空且不超过 200 字');
  if (input.body && input.body.length > 4000) throw bad('body', '正文不超过 4000 字');
  if (input.dedupeKey && input.dedupeKey.length > 300) throw bad('dedupeKey', '去重键不超过 300 字');
}

/**
 * Store a notification and queue its delivery to the configured external channels, inside the
 * caller's transaction (or a new one): both happen only if that transaction commits. With a
 * `dedupeKey` already used, nothing is written and the earlier notification's id is returned.
 */
export async function notify(ctx: AppContext, input: NotifyInput): Promise<NotifyResult> {
  check(input);
  return withTx(ctx, async (tx) => {
    const inserted = await tx.db
      .insertInto('core.notification')
      .values({
        id: uuidv7(),
        user_id: input.userId ?? null,
        org_unit_id: input.userId ? (input.orgUnitId ?? null) : input.orgUnitId!,
        case_id: input.caseId ?? null,
        kind: input.kind,
        title: input.title.trim(),
        body: input.body ?? null,
        created_at: tx.clock.now(),
        dedupe_key: input.dedupeKey ?? null,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      const prev = await tx.db.selectFrom('core.notification').select('id').where('dedupe_key', '=', input.dedupeKey!).executeTakeFirstOrThrow();
      return { id: prev.id, created: false };
    }
    // One job per channel: a failing SMS gateway is retried without re-sending the e-mail.
    for (const channel of tx.config.notifyChannels) {
      await tx.jobs.send(tx, NOTIFY_DELIVER_QUEUE, { notificationId: inserted.id, channel });
    }
    return { id: inserted.id, created: true };
  });
}
