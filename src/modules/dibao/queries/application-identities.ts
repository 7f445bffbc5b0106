import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { decryptPii } from '../../../platform/crypto/pii.ts';
import { recordPiiRead } from '../../../kernel/audit/index.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { getCase, caseNotFound } from '../../../kernel/workflow/index.ts';
import { DIBAO_TYPE } from '../contract.ts';
import type { ApplicationIdentities } from '../contracts/applications.ts';
import { householdInScope } from './households.ts';

/**
 * 「查看完整信息」 on a 低保 case page, as 信访 does: the case is read within the actor's scope (404
 * otherwise); the members' full 身份证号 are decrypted only for who may handle or confirm the
 * household's cases, and that read is logged (pii.read on the case). Others get the masked numbers.
 */
export async function getApplicationIdentities(ctx: AppContext, actor: Actor, caseId: string): Promise<ApplicationIdentities> {
  const c = await getCase(ctx, actor, caseId);
  if (c.type !== DIBAO_TYPE) throw caseNotFound();
  const h = (
    await sql<{ id: string; area_path: string }>`select h.id, h.area_path from dibao.application p join dibao.household h on h.id = p.household_id
      where p.case_id = ${caseId}`.execute(ctx.db)
  ).rows[0];
  if (!h) throw caseNotFound();
  const members = (
    await sql<{ name: string; relation: string; id_number_masked: string; id_number_enc: string }>`select name, relation, id_number_masked, id_number_enc
      from dibao.member where household_id = ${h.id} order by created_at, id`.execute(ctx.db)
  ).rows;
  const full = (await householdInScope(ctx, actor, 'dibao.handle', h)) || (await householdInScope(ctx, actor, 'dibao.confirm', h));
  const out = [];
  for (const m of members)
    out.push({
      name: m.name,
      relation: m.relation,
      idNumberMasked: m.id_number_masked,
      ...(full ? { idNumber: await decryptPii(ctx, m.id_number_enc) } : {}),
    });
  if (full) await recordPiiRead(ctx, actor, { entityType: 'dibao_application', entityId: caseId, areaPath: h.area_path, fields: ['idNumber'] });
  return { piiShown: full, members: out };
}
