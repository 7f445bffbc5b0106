import { sql } from 'kysely';
import { withTx, type AppContext } from '../../platform/context.ts';
import { badRequest } from '../../platform/errors.ts';
import { recordAudit } from '../../kernel/audit/index.ts';
import type { Actor } from '../../kernel/identity/index.ts';
import { parseInput } from '../../platform/http/parse-input.ts';
import { HALL_ERRORS, RECTIFY_DEFAULT_WORKDAYS } from './contract.ts';
import { SettingsInput } from './contracts/inputs.ts';

/** 限期整改 period in working days: the stored setting, or the default (15). */
export async function rectifyWorkdays(ctx: AppContext): Promise<number> {
  const r = (await sql<{ value: number }>`select value from hall.setting where key = 'rectifyWorkdays'`.execute(ctx.db)).rows[0];
  return r ? Number(r.value) : RECTIFY_DEFAULT_WORKDAYS;
}

/** The region sets it (hall.configure); it may only be stricter (shorter) than the default. Audited. */
export async function updateSettings(ctx: AppContext, actor: Actor, raw: unknown) {
  const input = parseInput(SettingsInput, raw);
  if (input.rectifyWorkdays > RECTIFY_DEFAULT_WORKDAYS) throw badRequest('HALL_SETTING_LOOSER', HALL_ERRORS.RECTIFY_DAYS, { field: 'rectifyWorkdays' });
  return withTx(ctx, async (tx) => {
    const before = await rectifyWorkdays(tx);
    await sql`insert into hall.setting (key, value, updated_at) values ('rectifyWorkdays', ${JSON.stringify(input.rectifyWorkdays)}::jsonb, ${tx.clock.now()})
    on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at`.execute(tx.db);
    await recordAudit(tx, {
      actor,
      action: 'hall.settings',
      entityType: 'hall.setting',
      entityId: 'rectifyWorkdays',
      before: { rectifyWorkdays: before },
      after: input,
      areaCode: actor.areaCode,
      areaPath: actor.areaPath,
      orgUnitId: actor.orgUnitId,
    });
    return { rectifyWorkdays: input.rectifyWorkdays };
  });
}
