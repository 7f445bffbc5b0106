import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import { encryptPii, maskPhone } from '../../../platform/crypto/pii.ts';
import { sm3Hex } from '../../../platform/crypto/sm3.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { validateResidentId } from '../../../kernel/codes/index.ts';
import { maskIdNumber } from '../contract.ts';
import { recordInScope, type Actor } from '../../../kernel/identity/index.ts';
import type { HouseholdInput, MemberInput } from './household-input.ts';

export type PreparedMember = MemberInput & { idNumber: string; idHash: string; idMasked: string; sex: '男' | '女'; birthDate: string; age: number };

export const idHashOf = (id: string) => sm3Hex(`resident-id:${id}`);

/** Validate every 身份证号 (check digit, date, area) and refuse the same person twice in one household. */
export function prepareMembers(list: readonly MemberInput[], today: string, fieldPrefix = 'members'): PreparedMember[] {
  const seen = new Map<string, number>();
  const out = list.map((m, i) => {
    const r = validateResidentId(m.idNumber, { today });
    if (!r.valid) {
      const reason = r.reason.startsWith('身份证号') ? r.reason : `身份证号${r.reason}`;
      throw badRequest('ID_NUMBER_INVALID', `「家庭成员第 ${i + 1} 人（${m.name}）·身份证号」${reason}`, { field: `${fieldPrefix}.${i}.idNumber` });
    }
    const id = r.parts.legacy && r.parts.upgradedId ? r.parts.upgradedId : r.id;
    const prev = seen.get(id);
    if (prev !== undefined)
      throw badRequest('DIBAO_MEMBER_TWICE', `「家庭成员第 ${i + 1} 人·身份证号」与第 ${prev + 1} 人相同，同一人不能重复登记`, {
        field: `${fieldPrefix}.${i}.idNumber`,
      });
    seen.set(id, i);
    return { ...m, idNumber: id, idHash: idHashOf(id), idMasked: maskIdNumber(id), sex: r.parts.sex, birthDate: r.parts.birthDate, age: r.parts.age };
  });
  if (fieldPrefix === 'members' && !out.some((m) => m.relation === '申请人')) {
    throw badRequest('DIBAO_NO_APPLICANT', '「家庭成员」须有一人为申请人', { field: 'members.0.relation' });
  }
  if (fieldPrefix === 'members' && out.filter((m) => m.relation === '申请人').length > 1) {
    throw badRequest('DIBAO_TWO_APPLICANTS', '「家庭成员」只能有一名申请人', { field: 'members' });
  }
  return out;
}

type DuplicateMember = Pick<PreparedMember, 'idHash' | 'name' | 'idMasked'>;

/**
 * 一人一户: a person active in another (verified) household is refused. A clerk whose 低保 scope
 * covers that household learns which one (area, application reference, status) so it can be
 * resolved (分户/迁出 first); anyone else only learns that the person is enrolled elsewhere and whom
 * to ask — no name, village, status or reference outside their scope. Members of an unverified
 * 网上申请 hold no slot (they are checked when the township accepts it).
 */
export async function refuseDuplicates(
  tx: AppContext,
  members: readonly DuplicateMember[],
  exceptHouseholdId: string | null,
  fieldPrefix = 'members',
  viewer: Actor | null = null,
) {
  if (!members.length) return;
  const rows = (
    await sql<{
      id_hash: string;
      household_id: string;
      status: string;
      area_path: string;
      area_name: string;
      county_name: string | null;
      ref_no: string | null;
    }>`
    select m.id_hash, m.household_id, h.status, h.area_path, a.name as area_name, c.name as county_name,
      (select k.ref_no from dibao.application ap join core.case k on k.id = ap.case_id where ap.household_id = h.id order by k.created_at desc limit 1) as ref_no
    from dibao.member m join dibao.household h on h.id = m.household_id join core.area a on a.code = h.area_code
    left join core.area c on c.code = split_part(h.area_path, '.', 3)
    where m.active and not m.unverified and m.id_hash in (${sql.join(members.map((m) => m.idHash))})
      ${exceptHouseholdId ? sql`and m.household_id <> ${exceptHouseholdId}` : sql``}`.execute(tx.db)
  ).rows;
  const hit = rows[0];
  if (!hit) return;
  const i = members.findIndex((m) => m.idHash === hit.id_hash);
  const m = members[i]!;
  const who = `「家庭成员第 ${i + 1} 人·身份证号」${m.name}(${m.idMasked})`;
  if (!viewer || !recordInScope(viewer, 'dibao.read', { areaPath: hit.area_path })) {
    throw new AppError(
      'DIBAO_PERSON_IN_OTHER_HOUSEHOLD',
      409,
      `${who}此人已在其他地区纳入低保家庭，同一人同一时间只能在一户。请与其所在县（区）民政部门核实。` +
        'This person is already enrolled in another household elsewhere; please check with the civil affairs bureau of that county.',
      { field: `${fieldPrefix}.${i}.idNumber`, idMasked: m.idMasked },
    );
  }
  const status =
    { applying: '申请中', active: '在保', suspended: '暂停', stopped: '已停保', refused: '未获确认', withdrawn: '已撤回' }[hit.status] ?? hit.status;
  throw new AppError(
    'DIBAO_PERSON_IN_OTHER_HOUSEHOLD',
    409,
    `${who}已是另一户低保家庭的在册成员：${hit.county_name ?? ''}${hit.area_name},` +
      `${hit.ref_no ? `申请编号 ${hit.ref_no},` : ''}状态「${status}」。同一人同一时间只能在一户，请先在原家庭办理减员（分户、迁出）后再登记。`,
    { field: `${fieldPrefix}.${i}.idNumber`, otherHouseholdId: hit.household_id, otherRefNo: hit.ref_no, otherArea: hit.area_name, idMasked: m.idMasked },
  );
}

/**
 * The members of a 网上申请 that are active in another household (verified or not): flagged on the
 * application for the township clerk, who resolves it at 受理. Nothing about the other household.
 */
export async function duplicateFlag(tx: AppContext, members: readonly DuplicateMember[]) {
  if (!members.length) return null;
  const rows = (
    await sql<{ id_hash: string; unverified: boolean }>`select m.id_hash, m.unverified from dibao.member m
      where m.active and m.id_hash in (${sql.join(members.map((m) => m.idHash))})`.execute(tx.db)
  ).rows;
  const items = members.flatMap((m, i) => {
    const hits = rows.filter((r) => r.id_hash === m.idHash);
    if (!hits.length) return [];
    const enrolled = hits.some((r) => !r.unverified);
    return [
      {
        member: i + 1,
        name: m.name,
        idMasked: m.idMasked,
        note: enrolled ? '此人已在另一户低保家庭登记，受理前请核实（分户、迁出或不予受理）' : '此人另有一份尚未受理的网上申请，受理前请核实是否重复申请',
      },
    ];
  });
  return items.length ? { items, flaggedOn: tx.clock.now().toISOString() } : null;
}

export async function insertMembers(tx: AppContext, householdId: string, members: readonly PreparedMember[], unverified = false): Promise<string[]> {
  const ids: string[] = [];
  for (const m of members) {
    const id = uuidv7();
    ids.push(id);
    await sql`insert into dibao.member (id, household_id, name, id_number_enc, id_number_masked, id_hash, relation, sex, birth_date, hukou_area_code, disability, health, work_ability, insured, unverified, created_at)
      values (${id}, ${householdId}, ${m.name}, ${await encryptPii(tx, m.idNumber)}, ${m.idMasked}, ${m.idHash}, ${m.relation}, ${m.sex}, ${m.birthDate}::date,
        ${m.hukouAreaCode ?? null}, ${m.disability}, ${m.health}, ${m.workAbility}, ${m.insured}, ${unverified}, ${tx.clock.now()})`.execute(tx.db);
  }
  return ids;
}

export async function insertFinances(
  tx: AppContext,
  householdId: string,
  memberIds: readonly (string | null)[],
  f: Pick<HouseholdInput, 'incomes' | 'assets' | 'expenses'>,
) {
  for (const x of f.incomes) {
    const mid = x.memberIndex !== undefined ? (memberIds[x.memberIndex] ?? null) : null;
    await sql`insert into dibao.income (id, household_id, member_id, kind, monthly_cents, source, note) values (${uuidv7()}, ${householdId}, ${mid}, ${x.kind}, ${x.monthlyCents}, ${x.source ?? null}, ${x.note ?? null})`.execute(
      tx.db,
    );
  }
  for (const x of f.assets) {
    await sql`insert into dibao.asset (id, household_id, kind, description, value_cents, area_m2) values (${uuidv7()}, ${householdId}, ${x.kind}, ${x.description}, ${x.valueCents}, ${x.areaM2 ?? null})`.execute(
      tx.db,
    );
  }
  for (const x of f.expenses) {
    await sql`insert into dibao.expense (id, household_id, kind, monthly_cents, note) values (${uuidv7()}, ${householdId}, ${x.kind}, ${x.monthlyCents}, ${x.note ?? null})`.execute(
      tx.db,
    );
  }
}

export async function insertHousehold(
  tx: AppContext,
  h: { areaCode: string; areaPath: string; kind: 'urban' | 'rural'; address: string; phone?: string | null; isDemo?: boolean },
): Promise<string> {
  const id = uuidv7();
  await sql`insert into dibao.household (id, area_code, area_path, kind, address, phone_enc, phone_masked, status, is_demo, created_at, updated_at)
    values (${id}, ${h.areaCode}, ${h.areaPath}, ${h.kind}, ${h.address}, ${h.phone ? await encryptPii(tx, h.phone) : null}, ${h.phone ? maskPhone(h.phone) : null},
      'applying', ${h.isDemo ?? false}, ${tx.clock.now()}, ${tx.clock.now()})`.execute(tx.db);
  return id;
}

/** The household's state as the change history records it (no PII beyond masked IDs); one statement. */
export async function householdSnapshot(tx: AppContext, householdId: string) {
  const r = (
    await sql<any>`select h.status, h.benefit_cents, h.insured_persons, h.benefit_from::text as benefit_from, h.address, h.phone_masked, h.recheck_cadence,
      h.next_recheck_on::text as next_recheck_on,
      coalesce((select jsonb_agg(jsonb_build_object('name', m.name, 'id_number_masked', m.id_number_masked, 'relation', m.relation, 'active', m.active, 'insured', m.insured)
        order by m.created_at, m.id) from dibao.member m where m.household_id = h.id), '[]'::jsonb) as members,
      coalesce((select jsonb_agg(jsonb_build_object('kind', i.kind, 'monthly_cents', i.monthly_cents) order by i.id) from dibao.income i where i.household_id = h.id), '[]'::jsonb) as incomes,
      coalesce((select jsonb_agg(jsonb_build_object('kind', a.kind, 'description', a.description, 'value_cents', a.value_cents::text, 'area_m2', a.area_m2::text) order by a.id)
        from dibao.asset a where a.household_id = h.id), '[]'::jsonb) as assets,
      coalesce((select jsonb_agg(jsonb_build_object('kind', e.kind, 'monthly_cents', e.monthly_cents) order by e.id) from dibao.expense e where e.household_id = h.id), '[]'::jsonb) as expenses
    from dibao.household h where h.id = ${householdId}`.execute(tx.db)
  ).rows[0];
  if (!r) return { members: [], incomes: [], assets: [], expenses: [] };
  const j = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  return { ...r, members: j(r.members), incomes: j(r.incomes), assets: j(r.assets), expenses: j(r.expenses) };
}

export async function writeHouseholdChange(
  tx: AppContext,
  r: { householdId: string; actorId: string | null; kind: string; summary: string; before?: unknown; after?: unknown; caseId?: string | null },
) {
  await sql`insert into dibao.household_change (id, household_id, at, actor_id, kind, summary, before, after, case_id)
    values (${uuidv7()}, ${r.householdId}, ${tx.clock.now()}, ${r.actorId}, ${r.kind}, ${r.summary},
      ${r.before === undefined ? null : JSON.stringify(r.before)}::jsonb, ${r.after === undefined ? null : JSON.stringify(r.after)}::jsonb, ${r.caseId ?? null})`.execute(
    tx.db,
  );
}
