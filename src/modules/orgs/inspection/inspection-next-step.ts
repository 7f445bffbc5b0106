import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { hasPermission, type Actor } from '../../../kernel/identity/index.ts';
import { holdersByUnit, waitingLine } from '../../../kernel/workflow/index.ts';
import type { OrgKind, OrgStatus } from '../contract.ts';
import { inspectionRequired, registrarDeadline } from './inspection-rules.ts';

type Org = { name: string; kind: OrgKind; status: OrgStatus; registeredOn: string; statusOn: string | null; authorityOrgUnitId: string; authorityName: string };
type Row = { year: number; submittedOn: string | null; reviewedOn: string | null; concludedOn: string | null };
type Holders = Awaited<ReturnType<typeof holdersByUnit>>;

/**
 * The open 年检 step of an organization: a filed (or paper-received) report waits for 初审, a reviewed one for the 年检结论
 * (both by the registrar's holders of orgs.register); last year's report not yet filed waits for the
 * organization (the clerk may issue it the 年报报送码). null when nothing is open. `rows`: newest year first.
 */
function inspectionStep(actor: Actor, o: Org, rows: readonly Row[], today: string, holders: Holders) {
  const mine = hasPermission(actor, 'orgs.register');
  const open = rows.find((r) => (r.submittedOn || r.reviewedOn) && !r.concludedOn);
  if (open) {
    const act = open.reviewedOn ? ('conclude' as const) : ('review' as const);
    const step = act === 'review' ? `初审 ${open.year} 年度工作报告` : `作出 ${open.year} 年度年检结论`;
    const waiting = { orgUnitId: o.authorityOrgUnitId, orgName: o.authorityName, permission: 'orgs.register', step, mine };
    return { ...waitingLine(waiting, holders.get(o.authorityOrgUnitId) ?? []), year: open.year, act };
  }
  const year = Number(today.slice(0, 4)) - 1;
  const due = rows.find((r) => r.year === year);
  if (due || o.status !== 'normal' || !inspectionRequired(o, year)) return null;
  const step = `报送 ${year} 年度工作报告（${registrarDeadline(o.kind, year)} 前）`;
  return { text: `待 ${o.name} ${step}`, step, orgName: o.name, people: [], mine: false, onBehalf: false, year, act: 'file' as const };
}

/** The open 年检 step of one organization (its page). */
export async function inspectionNextStep(ctx: AppContext, actor: Actor, o: Org, rows: readonly Row[], today: string) {
  return inspectionStep(actor, o, rows, today, await holdersByUnit(ctx, [o.authorityOrgUnitId], 'orgs.register'));
}

/**
 * The open 年检 step of each organization of a list page, in two queries whatever the page size: the inspections that
 * can be open (no conclusion, or last year's) and the holders of orgs.register at the authorities of those with an open one.
 */
export async function inspectionNextSteps(ctx: AppContext, actor: Actor, orgs: ReadonlyArray<Org & { id: string }>, today: string) {
  const out = new Map<string, ReturnType<typeof inspectionStep>>();
  if (!orgs.length) return out;
  const lastYear = Number(today.slice(0, 4)) - 1;
  const rows = (
    await sql<Row & { organizationId: string }>`
      select organization_id as "organizationId", year, submitted_on::text as "submittedOn", reviewed_on::text as "reviewedOn",
        concluded_on::text as "concludedOn"
      from orgs.inspection
      where organization_id = any(${orgs.map((o) => o.id)}::uuid[]) and (concluded_on is null or year = ${lastYear})
      order by year desc`.execute(ctx.db)
  ).rows;
  const open = new Set(rows.filter((r) => (r.submittedOn || r.reviewedOn) && !r.concludedOn).map((r) => r.organizationId));
  const holders = await holdersByUnit(
    ctx,
    orgs.filter((o) => open.has(o.id)).map((o) => o.authorityOrgUnitId),
    'orgs.register',
  );
  for (const o of orgs)
    out.set(
      o.id,
      inspectionStep(
        actor,
        o,
        rows.filter((r) => r.organizationId === o.id),
        today,
        holders,
      ),
    );
  return out;
}
