import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { badRequest } from '../../../platform/errors.ts';
import { encryptPii, maskPhone } from '../../../platform/crypto/pii.ts';
import { sm3Hex } from '../../../platform/crypto/sm3.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { validateResidentId } from '../../../kernel/codes/index.ts';
import { maskIdNumber } from '../policies.ts';
import type { PetitionerInput } from './petition-input.ts';

export type PreparedPetitioner = Omit<PetitionerInput, 'idNumber' | 'phone'> & {
  idNumber: string | null;
  idHash: string | null;
  idMasked: string | null;
  phone: string | null;
};

/** Validate every 身份证号 first (400 naming the field), before anything is written. */
export function preparePetitioners(list: readonly PetitionerInput[], today: string): PreparedPetitioner[] {
  return list.map((p, i) => {
    if (!p.idNumber) return { ...p, idNumber: null, idHash: null, idMasked: null, phone: p.phone ?? null };
    const r = validateResidentId(p.idNumber, { today });
    if (!r.valid) {
      const reason = r.reason.startsWith('身份证号') ? r.reason : `身份证号${r.reason}`;
      throw badRequest('ID_NUMBER_INVALID', `「身份证号」（第 ${i + 1} 位信访人）${reason}`, { field: `petitioners.${i}.idNumber` });
    }
    return { ...p, idNumber: r.id, idHash: sm3Hex(`resident-id:${r.id}`), idMasked: maskIdNumber(r.id), phone: p.phone ?? null };
  });
}

/** Insert the petitioners of a case with 身份证号/phone SM4-encrypted and masked copies for lists. */
export async function insertPetitioners(tx: AppContext, caseId: string, list: readonly PreparedPetitioner[]): Promise<void> {
  for (const p of list) {
    const idEnc = p.idNumber ? await encryptPii(tx, p.idNumber) : null;
    const phoneEnc = p.phone ? await encryptPii(tx, p.phone) : null;
    await sql`insert into petitions.petitioner (id, case_id, name, id_number_enc, id_number_masked, id_hash, phone_enc, phone_masked, address, role)
      values (${uuidv7()}, ${caseId}, ${p.name}, ${idEnc}, ${p.idMasked}, ${p.idHash}, ${phoneEnc}, ${p.phone ? maskPhone(p.phone) : null}, ${p.address ?? null}, ${p.role})`.execute(
      tx.db,
    );
  }
}

export type PetitionRow = {
  caseId: string;
  channel: string;
  sourceBody?: string | null;
  sourceRef?: string | null;
  category: string;
  subject: string;
  concernedAreaCode: string;
  concernedAreaPath: string;
  content: string;
  visitBatch?: number | null;
  visitPersons?: number | null;
  representatives?: number | null;
  anonymous: boolean;
  queryCodeHash?: string | null;
  isRepeat: boolean;
  repeatOf?: string | null;
  isSkipLevel: boolean;
  /** 初次信访 as known at registration (no earlier petition of the same 身份证号). */
  firstTime?: boolean | null;
  /** An earlier matter of the same person, 复核终结, that this one resembles (for the handler to judge). */
  finalMatchOf?: string | null;
  receivedOn: string;
  originalForm?: string | null;
  complainedOrg?: string | null;
  accusedName?: string | null;
  accusedOrgId?: string | null;
  urgent?: boolean;
  urgentNote?: string | null;
};

export async function insertPetition(tx: AppContext, r: PetitionRow): Promise<void> {
  await sql`insert into petitions.petition (case_id, channel, source_body, source_ref, category, subject, concerned_area_code, concerned_area_path,
      content, visit_batch, visit_persons, representatives, anonymous, query_code_hash, is_repeat, repeat_of, is_skip_level, first_time, created_at,
      final_match_of, received_on, original_form, complained_org, accused_name, accused_org_id, urgent, urgent_note)
    values (${r.caseId}, ${r.channel}, ${r.sourceBody ?? null}, ${r.sourceRef ?? null}, ${r.category}, ${r.subject}, ${r.concernedAreaCode}, ${r.concernedAreaPath},
      ${r.content}, ${r.visitBatch ?? null}, ${r.visitPersons ?? null}, ${r.representatives ?? null}, ${r.anonymous}, ${r.queryCodeHash ?? null},
      ${r.isRepeat}, ${r.repeatOf ?? null}, ${r.isSkipLevel}, ${r.firstTime ?? null}, ${tx.clock.now()},
      ${r.finalMatchOf ?? null}, ${r.receivedOn}::date, ${r.originalForm ?? null}, ${r.complainedOrg ?? null}, ${r.accusedName ?? null}, ${r.accusedOrgId ?? null},
      ${r.urgent ?? false}, ${r.urgentNote ?? null})`.execute(tx.db);
}
