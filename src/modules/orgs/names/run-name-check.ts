import type { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { orgsDb } from '../db.ts';
import type { OrgKind } from '../contract.ts';
import type { NameCheckInput, NameCheckResult } from '../contracts/http.ts';
import { resolveAuthority, type Authority } from '../registry/authority.ts';
import { checkName, nameKey, normalizeName, type NameCheck } from './name-rules.ts';

/** The name rules against the live names of one authority (same name, or same comparison key). */
export async function checkNameAt(ctx: AppContext, authority: Authority, name: string, kind: OrgKind, excludeId?: string): Promise<NameCheck> {
  const clean = normalizeName(name);
  const key = nameKey(clean, kind, authority.chain);
  const existing = await orgsDb(ctx.db)
    .selectFrom('orgs.organization')
    .select(['id', 'name'])
    .where('authority_org_unit_id', '=', authority.id)
    .where('status', '=', 'normal')
    .where((eb) => eb.or([eb('name', '=', clean), eb('name_key', '=', key)]))
    .execute();
  return checkName({ name: clean, kind, authority: { names: authority.chain }, existing, excludeId });
}

/** POST /api/orgs/name-check: the explanation of a proposed name (no side effects). */
export async function runNameCheck(ctx: AppContext, actor: Actor, input: z.infer<typeof NameCheckInput>): Promise<z.infer<typeof NameCheckResult>> {
  let authorityId = input.authorityOrgUnitId;
  if (input.organizationId && !authorityId) {
    const org = await orgsDb(ctx.db).selectFrom('orgs.organization').select('authority_org_unit_id').where('id', '=', input.organizationId).executeTakeFirst();
    authorityId = org?.authority_org_unit_id;
  }
  const authority = await resolveAuthority(ctx, actor, 'orgs.read', authorityId);
  const r = await checkNameAt(ctx, authority, input.name, input.kind, input.organizationId);
  return { ...r, authority: { id: authority.id, name: authority.name, areaCode: authority.areaCode } };
}
