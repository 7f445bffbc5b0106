import type { AppContext } from '../../src/platform/context.ts';
import { SYSTEM_ACTOR, type Actor } from '../../src/kernel/identity/actor.ts';
import { recordInScope } from '../../src/kernel/identity/scope.ts';
import { createCase } from '../../src/kernel/workflow/create-case.ts';
import { workflowOf } from '../../src/kernel/workflow/define-workflow.ts';
import { acknowledgeHandoff, handOff } from '../../src/kernel/workflow/handoff.ts';
import { SAMPLE_TYPE } from '../helpers/sample-workflow.ts';

export type ScopeCase = {
  id: string;
  ref: string;
  type: string;
  areaPath: string;
  orgUnitId: string;
  createdBy: string | null;
  handedOnBy: string[];
  clockName: string | null;
  attachmentId: string | null;
};

/** Cases held at every level, one handed down a level (its sender keeps read-only sight). */
export async function seedScopeCases(ctx: AppContext): Promise<ScopeCase[]> {
  const org = async (code: string) => (await ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const holders = [
    '640000-mzt-fgc',
    '640100-mzj',
    '640104-mzj',
    '640104001-gov',
    '640104002-gov',
    '640423-mzj',
    '640423100-gov',
    '640221-mzj',
    '640221100-gov',
    '640221101-gov',
    '640422-mzj',
    '640422100-gov',
  ];
  for (const code of holders) {
    await createCase(ctx, SYSTEM_ACTOR, { type: SAMPLE_TYPE, title: `范围测试 ${code}`, orgUnitId: await org(code), input: { summary: code }, system: true });
  }
  // 银川市 → 兴庆区, signed for: 银川市 keeps read-only sight.
  const moved = await createCase(ctx, SYSTEM_ACTOR, {
    type: SAMPLE_TYPE,
    title: '范围测试 转办',
    orgUnitId: await org('640100-mzj'),
    input: { summary: 'x' },
    system: true,
  });
  const mover: Actor = {
    ...SYSTEM_ACTOR,
    grants: [
      {
        assignmentId: 'x',
        roleCode: 'clerk',
        roleName: '',
        orgUnitId: await org('640100-mzj'),
        orgUnitName: '',
        areaCode: '640100',
        areaPath: '640000.640100',
        scope: 'subtree',
        permissions: ['org.read', 'area.read'],
        delegatedBy: null,
        validTo: null,
      },
    ],
  };
  await handOff(ctx, mover, { caseId: moved.id, kind: 'transfer', toOrgId: await org('640104-mzj') });
  const receiver: Actor = {
    ...mover,
    orgUnitId: await org('640104-mzj'),
    grants: [{ ...mover.grants[0]!, orgUnitId: await org('640104-mzj'), areaPath: '640000.640100.640104' }],
  };
  await acknowledgeHandoff(ctx, receiver, { caseId: moved.id });
  const rows = await ctx.db
    .selectFrom('core.case')
    .select(['id', 'ref_no', 'type', 'area_path', 'org_unit_id', 'created_by'])
    .where('type', '=', SAMPLE_TYPE)
    .execute();
  // Demo cases (e.g. src/modules/petitions/demo): one per holding unit is probed route by route too.
  const seen = new Set<string>();
  const demo = (
    await ctx.db
      .selectFrom('core.case')
      .select(['id', 'ref_no', 'type', 'area_path', 'org_unit_id', 'created_by'])
      .where('type', '<>', SAMPLE_TYPE)
      .orderBy('ref_no')
      .execute()
  ).filter((c) => !seen.has(`${c.type}:${c.org_unit_id}`) && !!seen.add(`${c.type}:${c.org_unit_id}`));
  return describeCases(ctx, [...rows, ...demo]);
}

/** Every case in the database (sample and demo), for checking that lists return only readable ones. */
export async function allCases(ctx: AppContext): Promise<ScopeCase[]> {
  return describeCases(ctx, await ctx.db.selectFrom('core.case').select(['id', 'ref_no', 'type', 'area_path', 'org_unit_id', 'created_by']).execute());
}

async function describeCases(
  ctx: AppContext,
  rows: Array<{ id: string; ref_no: string; type: string; area_path: string; org_unit_id: string; created_by: string | null }>,
): Promise<ScopeCase[]> {
  const handoffs = await ctx.db.selectFrom('core.case_handoff').select(['case_id', 'from_org_id']).execute();
  const clocks = await ctx.db.selectFrom('core.deadline_clock').select(['case_id', 'name']).execute();
  return rows.map((r) => ({
    id: r.id,
    ref: r.ref_no,
    type: r.type,
    areaPath: r.area_path,
    orgUnitId: r.org_unit_id,
    createdBy: r.created_by,
    handedOnBy: handoffs.filter((h) => h.case_id === r.id).map((h) => h.from_org_id),
    clockName: clocks.find((k) => k.case_id === r.id)?.name ?? null,
    attachmentId: null,
  }));
}

/** The case read rule, restated independently of the query that implements it. */
export function readableCaseIds(actor: Actor, cases: ScopeCase[]): Set<string> {
  const orgs = new Set([actor.orgUnitId, ...actor.grants.map((g) => g.orgUnitId)]);
  return new Set(
    cases
      .filter(
        (c) =>
          recordInScope(actor, workflowOf(c.type).readPermission, { areaPath: c.areaPath, orgUnitId: c.orgUnitId, ownerId: c.createdBy }) ||
          c.handedOnBy.some((o) => orgs.has(o)),
      )
      .map((c) => c.id),
  );
}
