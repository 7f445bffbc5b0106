import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { safeEqual, sm3Hex } from '../../../platform/crypto/sm3.ts';
import { SYSTEM_ACTOR, type Actor } from '../../../kernel/identity/index.ts';
import { PETITION_ERRORS, PETITION_TYPE } from '../contract.ts';
import { workflowOf } from '../../../kernel/workflow/index.ts';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A 12-character query code (~60 bits), shown to the citizen once. */
export function newQueryCode(): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

/** Only this SM3 hash is stored, salted with the reference number. */
export const queryCodeHash = (refNo: string, code: string) => sm3Hex(`petition-query:${refNo}:${code.trim().toUpperCase()}`);

export type PortalCase = {
  id: string;
  ref_no: string;
  state: string;
  org_unit_id: string;
  area_path: string;
  area_code: string;
  due_date: string | null;
  delivered_at: Date | null;
  satisfaction: string | null;
  opinion: string | null;
  opinion_text: string | null;
  query_code_hash: string | null;
};

/** The case behind ref + query code, or one indistinct error (no hint which part was wrong). */
export async function findByRefAndCode(ctx: AppContext, refNo: string, code: string): Promise<PortalCase> {
  const c = (
    await sql<PortalCase>`select c.id, c.ref_no, c.state, c.org_unit_id, c.area_path, c.area_code, c.due_date, p.delivered_at, p.satisfaction,
      p.opinion, p.opinion_text, p.query_code_hash from core.case c join petitions.petition p on p.case_id = c.id
      where c.ref_no = ${refNo.trim()} and c.type = ${PETITION_TYPE}`.execute(ctx.db)
  ).rows[0];
  if (!c || !c.query_code_hash || !safeEqual(c.query_code_hash, queryCodeHash(c.ref_no, code))) {
    throw new AppError('PETITION_QUERY_FAILED', 404, PETITION_ERRORS.QUERY_FAILED);
  }
  return c;
}

/**
 * The citizen acting through the portal, for the kernel: no user, holding only petition.read and
 * petition.portal at the org that holds this one case.
 */
export function portalActor(c: Pick<PortalCase, 'org_unit_id' | 'area_path' | 'area_code'>): Actor {
  return {
    ...SYSTEM_ACTOR,
    username: 'portal',
    displayName: '信访人（网上）',
    orgUnitId: c.org_unit_id,
    areaCode: c.area_code,
    areaPath: c.area_path,
    grants: [
      {
        assignmentId: 'portal',
        roleCode: 'portal',
        roleName: '信访人',
        orgUnitId: c.org_unit_id,
        orgUnitName: '',
        areaCode: c.area_code,
        areaPath: c.area_path,
        scope: 'org',
        permissions: ['petition.read', 'petition.portal'],
        delegatedBy: null,
        validTo: null,
      },
    ],
  };
}

/**
 * The citizen's own 证明材料 on a case: files with no uploading user (sent through the portal, with
 * the submission or added later); staff attachments are never among them.
 */
export async function citizenMaterials(ctx: AppContext, caseId: string): Promise<Array<{ fileName: string; sizeBytes: number }>> {
  const rows = (
    await sql<{ file_name: string; size_bytes: number }>`select file_name, size_bytes from core.attachment
    where case_id = ${caseId} and uploaded_by is null order by uploaded_at, id`.execute(ctx.db)
  ).rows;
  return rows.map((a) => ({ fileName: a.file_name, sizeBytes: Number(a.size_bytes) }));
}

/** A settled matter (办结, 终结, 不予受理: the workflow's terminal states) takes no more materials. */
export function isSettled(state: string): boolean {
  return !!(workflowOf(PETITION_TYPE).states as Record<string, { terminal?: boolean }>)[state]?.terminal;
}
