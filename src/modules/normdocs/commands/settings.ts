import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { SettingsInput } from './inputs.ts';

/** Statutory floor (国办发〔2018〕37号: 一般不少于30日); a setting may only lengthen it. */
export const CONSULTATION_MIN_DAYS = 30;

export async function readNormdocSettings(tx: AppContext) {
  const r = (await sql<{ value: number }>`select value from normdocs.setting where key = 'consultationMinDays'`.execute(tx.db)).rows[0];
  return { consultationMinDays: Math.max(CONSULTATION_MIN_DAYS, Number(r?.value ?? CONSULTATION_MIN_DAYS)) };
}

export async function updateNormdocSettings(ctx: AppContext, actor: Actor, raw: unknown) {
  const input = parseInput(SettingsInput, raw);
  return withTx(ctx, async (tx) => {
    await sql`insert into normdocs.setting (key, value, updated_by_name, updated_at) values ('consultationMinDays', ${input.consultationMinDays}, ${actor.displayName}, ${tx.clock.now()})
      on conflict (key) do update set value = excluded.value, updated_by_name = excluded.updated_by_name, updated_at = excluded.updated_at`.execute(tx.db);
    return readNormdocSettings(tx);
  });
}
