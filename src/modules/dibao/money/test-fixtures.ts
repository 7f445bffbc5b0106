import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { encryptPii } from '../../../platform/crypto/pii.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { residentIdCheckChar } from '../../../kernel/codes/index.ts';
import { idHashOf, maskId } from '../imports/import-roster.ts';

/** Test fixtures for the money side: households written directly, exactly as described. */
export const idOf = (first17: string) => first17 + residentIdCheckChar(first17);

export type MemberSpec = {
  id: string;
  name: string;
  relation?: string;
  insured?: boolean;
  active?: boolean;
  leftReason?: string | null;
  leftOn?: string | null;
  disability?: string;
  health?: string;
  birthDate?: string;
};
export type HouseholdSpec = {
  areaCode: string;
  kind?: 'urban' | 'rural';
  status?: string;
  benefitCents: number;
  insuredPersons: number;
  benefitFrom?: string | null;
  gradualExitUntil?: string | null;
  members: MemberSpec[];
  address?: string;
};

export async function insertHousehold(ctx: AppContext, h: HouseholdSpec): Promise<{ id: string; memberIds: string[] }> {
  const area = await ctx.db.selectFrom('core.area').select('path').where('code', '=', h.areaCode).executeTakeFirstOrThrow();
  const id = uuidv7();
  await sql`insert into dibao.household (id, area_code, area_path, kind, address, status, benefit_cents, insured_persons, benefit_from, gradual_exit_until)
    values (${id}, ${h.areaCode}, ${area.path}, ${h.kind ?? 'rural'}, ${h.address ?? '测试地址'}, ${h.status ?? 'active'}, ${h.benefitCents}, ${h.insuredPersons},
            ${h.benefitFrom === undefined ? '2019-01-01' : h.benefitFrom}, ${h.gradualExitUntil ?? null})`.execute(ctx.db);
  const memberIds: string[] = [];
  for (const [i, m] of h.members.entries()) {
    const mid = uuidv7();
    memberIds.push(mid);
    await sql`insert into dibao.member (id, household_id, name, id_number_enc, id_number_masked, id_hash, relation, insured, active, left_reason, left_on, disability, health, birth_date)
      values (${mid}, ${id}, ${m.name}, ${await encryptPii(ctx, m.id)}, ${maskId(m.id)}, ${idHashOf(m.id)}, ${m.relation ?? (i === 0 ? '申请人' : '子女')},
              ${m.insured ?? true}, ${m.active ?? true}, ${m.leftReason ?? null}, ${m.leftOn ?? null}, ${m.disability ?? '无'}, ${m.health ?? '健康'},
              ${m.birthDate ?? `${m.id.slice(6, 10)}-${m.id.slice(10, 12)}-${m.id.slice(12, 14)}`})`.execute(ctx.db);
  }
  return { id, memberIds };
}

export async function addBenefitChange(
  ctx: AppContext,
  householdId: string,
  c: { kind: string; before: number; after: number; month: string; reason: string },
) {
  await sql`insert into dibao.benefit_change (id, household_id, kind, before_cents, after_cents, insured_before, insured_after, effective_month, reason)
    values (${uuidv7()}, ${householdId}, ${c.kind}, ${c.before}, ${c.after}, 0, 1, ${c.month}::date, ${c.reason})`.execute(ctx.db);
}
