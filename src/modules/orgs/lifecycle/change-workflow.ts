import type { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { defineWorkflow, transition, type CaseRow } from '../../../kernel/workflow/index.ts';
import { orgsDb } from '../db.ts';
import { changeOrg } from '../registry/change-org.ts';
import { endRegistration } from '../registry/end-registration.ts';
import { APPLICATION_FACTS, applicationFacts, applicationOf, decide } from './application-facts.ts';
import { ChangeRequestInput, DeregisterInput, RefuseInput } from './application-input.ts';

export const CHANGE_TYPE = 'orgs_change';
export const DEREGISTER_TYPE = 'orgs_deregister';
/** The organization applies within 30 days of the 业务主管单位's consent (no such period for foundations, 基金会管理条例 第十五条). */
export const CHANGE_BASIS = '《社会团体登记管理条例》第十八条、《民办非企业单位登记管理暂行条例》第十五条';
/** The organization applies within 15 days of the end of clearance. */
export const DEREGISTER_BASIS = '《社会团体登记管理条例》第二十一条、《民办非企业单位登记管理暂行条例》第十七条、《基金会管理条例》第十八条';
const who = { permission: 'orgs.register', party: 'any' } as const;
const refuse = transition({
  label: '不予登记',
  from: ['filed'],
  to: 'refused',
  who,
  input: RefuseInput,
  effect: async ({ tx, case: c, input }) => decide(tx, c.id, { decision: '不予登记', on: chinaDate(tx.clock.now()), reason: input.reason }),
});
const states = { filed: { label: '审查中' }, approved: { label: '准予登记', terminal: true }, refused: { label: '不予登记', terminal: true } };

async function approveChange(tx: AppContext, actor: Actor, c: CaseRow) {
  const a = await applicationOf(tx, c.id);
  const p = ChangeRequestInput.parse(a.payload);
  const day = chinaDate(tx.clock.now());
  await changeOrg(tx, actor, a.organization_id!, {
    act: '变更登记',
    changedOn: day,
    basis: p.basis ? `${c.ref_no}；${p.basis}` : c.ref_no,
    changes: p.changes,
  });
  await decide(tx, c.id, { decision: '准予登记', on: day });
}

/** 变更登记 (incl. 更名): the registrar approves the change (the registry row changes, history written) or refuses it. */
export const changeWorkflow = defineWorkflow({
  type: CHANGE_TYPE,
  label: '社会组织变更登记',
  refPrefix: 'SZBG',
  readPermission: 'orgs.read',
  states,
  initial: 'filed',
  create: { label: '收件', route: '/api/orgs/:id/change-requests', who, input: ChangeRequestInput },
  facts: APPLICATION_FACTS,
  readFacts: applicationFacts,
  transitions: {
    approve: { label: '准予变更登记', from: ['filed'], to: 'approved', who, effect: async ({ tx, case: c, actor }) => approveChange(tx, actor, c) },
    refuse,
  },
});

async function approveDeregistration(tx: AppContext, actor: Actor, c: CaseRow) {
  const a = await applicationOf(tx, c.id);
  const p = DeregisterInput.parse(a.payload);
  const day = chinaDate(tx.clock.now());
  const db = orgsDb(tx.db);
  const o = await db.selectFrom('orgs.organization').selectAll().where('id', '=', a.organization_id!).forUpdate().executeTakeFirstOrThrow();
  await endRegistration(tx, actor, o, { status: 'deregistered', on: day, basis: `${c.ref_no}；${p.reason}` });
  await recordAudit(tx, {
    actor,
    action: 'orgs.organization.deregister',
    entityType: 'orgs_organization',
    entityId: o.id,
    areaPath: o.authority_area_path,
    orgUnitId: o.authority_org_unit_id,
    before: { status: o.status },
    after: { status: 'deregistered', on: day, case: c.ref_no },
  });
  await decide(tx, c.id, { decision: '准予登记', on: day });
}

/** 注销登记: after clearance; on approval the organization's status becomes 注销. */
export const deregisterWorkflow = defineWorkflow({
  type: DEREGISTER_TYPE,
  label: '社会组织注销登记',
  refPrefix: 'SZZX',
  readPermission: 'orgs.read',
  states,
  initial: 'filed',
  create: { label: '收件', route: '/api/orgs/:id/deregistrations', who, input: DeregisterInput },
  facts: APPLICATION_FACTS,
  readFacts: applicationFacts,
  transitions: {
    approve: { label: '准予注销登记', from: ['filed'], to: 'approved', who, effect: async ({ tx, case: c, actor }) => approveDeregistration(tx, actor, c) },
    refuse,
  },
});

export type ChangeRequest = z.infer<typeof ChangeRequestInput>;
