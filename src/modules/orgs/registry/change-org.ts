import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { AppError, conflict } from '../../../platform/errors.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { requirePermission, userRef, type Actor } from '../../../kernel/identity/index.ts';
import { orgsDb, type OrganizationTable } from '../db.ts';
import { CHANGE_FIELDS, type ChangeField } from '../contract.ts';
import type { ChangeOrgInput } from '../contracts/http.ts';
import { checkNameAt } from '../names/run-name-check.ts';
import { authorityById } from './authority.ts';
import { orgInScope } from './get-org.ts';
import { ratingProblem } from './rating.ts';

const COLUMN: Record<ChangeField, keyof OrganizationTable> = {
  name: 'name',
  domicile: 'domicile',
  legalRepresentative: 'legal_representative',
  businessScope: 'business_scope',
  capitalCents: 'capital_cents',
  supervisorUnit: 'supervisor_unit',
  charity: 'charity',
  publicFundraising: 'public_fundraising',
  rating: 'rating',
  ratingFrom: 'rating_from',
  ratingUntil: 'rating_until',
};
const text = (v: unknown): string | null => (v == null ? null : typeof v === 'boolean' ? (v ? '是' : '否') : String(v));

/**
 * 变更登记 (and rating, charity recognition, data corrections) of a registered organization: every
 * changed field gets a history row (before, after, date, act); a new name goes through the name
 * rules of its authority (更名). One transaction; a stale expectedVersion is 409.
 */
export async function changeOrg(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof ChangeOrgInput>) {
  requirePermission(actor, 'orgs.register');
  return withTx(ctx, async (tx) => {
    const o = await orgInScope(tx, actor, id, 'orgs.register');
    if (o.status !== 'normal') throw conflict('ORG_NOT_ACTIVE', `“${o.name}”已${o.status === 'revoked' ? '被撤销登记' : '注销'}，不能办理变更登记。`);
    if (input.expectedVersion !== undefined && input.expectedVersion !== o.version)
      throw conflict('VERSION_CONFLICT', '该社会组织的登记事项已被他人修改，请刷新后重试。');
    if (input.changedOn < o.registered_on_t)
      throw new AppError('VALIDATION_FAILED', 400, `变更日期（${input.changedOn}）早于成立登记日期（${o.registered_on_t}）。`);
    const current: Record<ChangeField, unknown> = {
      name: o.name,
      domicile: o.domicile,
      legalRepresentative: o.legal_representative,
      businessScope: o.business_scope,
      capitalCents: Number(o.capital_cents),
      supervisorUnit: o.supervisor_unit,
      charity: o.charity,
      publicFundraising: o.public_fundraising,
      rating: o.rating,
      ratingFrom: o.rating_from_t,
      ratingUntil: o.rating_until_t,
    };
    const changed = (Object.keys(input.changes) as ChangeField[]).filter((f) => input.changes[f] !== undefined && input.changes[f] !== current[f]);
    if (!changed.length) throw new AppError('ORG_NO_CHANGE', 400, '没有需要变更的事项：所填内容与现登记事项相同。');
    const next = { ...current, ...Object.fromEntries(changed.map((f) => [f, input.changes[f]])) } as Record<ChangeField, any>;
    const rp = ratingProblem(next.rating, next.ratingFrom, next.ratingUntil);
    if (rp) throw new AppError('VALIDATION_FAILED', 400, rp);
    if (next.publicFundraising && !next.charity) throw new AppError('VALIDATION_FAILED', 400, '只有慈善组织才能具有公开募捐资格。');

    const set: Record<string, unknown> = {};
    if (changed.includes('name')) {
      const authority = await authorityById(tx, o.authority_org_unit_id);
      const check = await checkNameAt(tx, authority, next.name, o.kind, id);
      if (!check.ok)
        throw new AppError('ORG_NAME_REJECTED', 400, `新名称未通过名称审核：${check.explanation}`, { field: 'changes.name', problems: check.problems });
      next.name = check.name;
      set.name_key = check.key;
    }
    for (const f of changed) set[COLUMN[f]] = next[f];
    const db = orgsDb(tx.db);
    await db
      .updateTable('orgs.organization')
      .set({ ...set, version: o.version + 1, updated_at: tx.clock.now() })
      .where('id', '=', id)
      .execute();
    await db
      .insertInto('orgs.change')
      .values(
        changed.map((f) => ({
          id: randomUUID(),
          organization_id: id,
          field: f,
          before: text(current[f]),
          after: text(next[f]),
          changed_on: input.changedOn,
          act: f === 'name' && input.act === '变更登记' ? '更名' : input.act,
          basis: input.basis ?? null,
          actor_id: userRef(actor),
        })),
      )
      .execute();
    await recordAudit(tx, {
      actor,
      action: 'orgs.organization.change',
      entityType: 'orgs_organization',
      entityId: id,
      areaPath: o.authority_area_path,
      orgUnitId: o.authority_org_unit_id,
      before: Object.fromEntries(changed.map((f) => [f, current[f]])),
      after: { ...Object.fromEntries(changed.map((f) => [f, next[f]])), act: input.act, changedOn: input.changedOn },
      reason: input.basis ?? null,
    });
    return { id, version: o.version + 1, changed: changed.map((f) => CHANGE_FIELDS[f]) };
  });
}
