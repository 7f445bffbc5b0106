import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { AppError } from '../../../platform/errors.ts';
import { safeEqual, sm3Hex } from '../../../platform/crypto/sm3.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { userRef, type Actor } from '../../../kernel/identity/index.ts';
import { orgsDb } from '../db.ts';
import { orgInScope } from '../registry/get-org.ts';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Only the SM3 hash is stored, salted with the USCC. */
const codeHash = (uscc: string, code: string) => sm3Hex(`orgs-filing:${uscc}:${code.trim().toUpperCase()}`);

/**
 * 年报报送码: the registrar issues the organization a 12-character code (~60 bits; shown once, given
 * to the organization with its 登记证书 or on request) with which it files its 年度工作报告 on the
 * portal together with its USCC. Issuing again replaces the old code. Audited (not the code).
 */
export async function issueFilingCode(ctx: AppContext, actor: Actor, id: string): Promise<{ code: string; issuedOn: string }> {
  return withTx(ctx, async (tx) => {
    const o = await orgInScope(tx, actor, id, 'orgs.register');
    if (o.status !== 'normal') throw new AppError('ORG_NOT_ACTIVE', 409, '该社会组织已注销或被撤销，不能签发年报报送码。');
    let code = '';
    for (let i = 0; i < 12; i++) code += ALPHABET[randomInt(ALPHABET.length)];
    const issuedOn = chinaDate(tx.clock.now());
    const row = { code_hash: codeHash(o.uscc, code), issued_on: issuedOn, issued_by: userRef(actor) };
    await orgsDb(tx.db)
      .insertInto('orgs.filing_code')
      .values({ organization_id: id, ...row })
      .onConflict((oc) => oc.column('organization_id').doUpdateSet(row))
      .execute();
    await recordAudit(tx, {
      actor,
      action: 'orgs.filing_code.issue',
      entityType: 'orgs_organization',
      entityId: id,
      areaPath: o.authority_area_path,
      orgUnitId: o.authority_org_unit_id,
      after: { issuedOn },
    });
    return { code, issuedOn };
  });
}

export type FilingOrg = {
  id: string;
  name: string;
  uscc: string;
  kind: 'social_group' | 'social_service' | 'foundation';
  status: 'normal' | 'deregistered' | 'revoked';
  registered_on: string;
  status_on: string | null;
  supervisor_unit: string | null;
  authority_org_unit_id: string;
  authority_area_path: string;
  authority_name: string;
};

/** The organization behind USCC + 年报报送码, or one indistinct 404 (no hint which part was wrong). */
export async function orgByFilingCode(ctx: AppContext, uscc: string, code: string): Promise<FilingOrg> {
  const r = (
    await sql<FilingOrg & { code_hash: string }>`select o.id, o.name, o.uscc, o.kind, o.status, o.registered_on::text as registered_on,
      o.status_on::text as status_on, o.supervisor_unit, o.authority_org_unit_id, o.authority_area_path, u.name as authority_name, f.code_hash
      from orgs.organization o join orgs.filing_code f on f.organization_id = o.id join core.org_unit u on u.id = o.authority_org_unit_id
      where o.uscc = ${uscc.trim().toUpperCase()}`.execute(ctx.db)
  ).rows[0];
  if (!r || !safeEqual(r.code_hash, codeHash(r.uscc, code)))
    throw new AppError('ORG_FILING_LOGIN', 404, '统一社会信用代码或年报报送码不正确。（USCC or filing code is wrong.）');
  return r;
}
