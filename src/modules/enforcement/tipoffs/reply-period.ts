import { sql } from 'kysely';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { currentCalendar } from '../../../kernel/calendar/index.ts';
import { requirePermission, type Actor } from '../../../kernel/identity/index.ts';
import { ENFORCEMENT_PERMISSIONS as P } from '../contracts/labels.ts';
import { DEFAULT_REPLY_WORKDAYS } from '../contracts/tipoff-labels.ts';
import { ReplySettingInput } from '../contracts/tipoff-inputs.ts';

/** The 答复 period (working days from receipt): the setting, else the default. */
export async function replyWorkdays(tx: AppContext): Promise<number> {
  const r = (await sql<{ value: number }>`select value from enforcement.setting where key = 'tipoffReplyWorkdays'`.execute(tx.db)).rows[0];
  return Number(r?.value ?? DEFAULT_REPLY_WORKDAYS);
}

/** The reply due date of a 举报 received on `receivedOn` by a unit in `areaPath` (kernel calendar of that area). */
export async function replyDue(tx: AppContext, receivedOn: string, areaPath: string): Promise<string> {
  const cal = await currentCalendar(tx);
  return cal.addWorkdays(receivedOn, await replyWorkdays(tx), areaPath);
}

export async function readReplySetting(ctx: AppContext) {
  return { replyWorkdays: await replyWorkdays(ctx), defaultWorkdays: DEFAULT_REPLY_WORKDAYS };
}

/** Change the period for 举报 received from now on (those already received keep their due date). */
export async function updateReplySetting(ctx: AppContext, actor: Actor, raw: unknown) {
  requirePermission(actor, P.decide);
  const input = parseInput(ReplySettingInput, raw);
  return withTx(ctx, async (tx) => {
    await sql`insert into enforcement.setting (key, value, updated_by_name, updated_at) values ('tipoffReplyWorkdays', ${input.replyWorkdays}, ${actor.displayName}, ${tx.clock.now()})
      on conflict (key) do update set value = excluded.value, updated_by_name = excluded.updated_by_name, updated_at = excluded.updated_at`.execute(tx.db);
    return readReplySetting(tx);
  });
}
