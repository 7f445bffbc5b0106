import type { AppContext } from '../../../platform/context.ts';
import { hasPermission, type Actor } from '../../../kernel/identity/index.ts';
import { waitingFor } from '../../../kernel/workflow/index.ts';
import type { OrgKind, OrgStatus } from '../contract.ts';
import { inspectionRequired, registrarDeadline } from './inspection-rules.ts';

type Org = { name: string; kind: OrgKind; status: OrgStatus; registeredOn: string; statusOn: string | null; authorityOrgUnitId: string; authorityName: string };
type Row = { year: number; submittedOn: string | null; reviewedOn: string | null; concludedOn: string | null };

/**
 * The open 年检 step of an organization: a filed (or paper-received) report waits for 初审, a reviewed one for the 年检结论
 * (both by the registrar's holders of orgs.register); last year's report not yet filed waits for the
 * organization (the clerk may issue it the 年报报送码). null when nothing is open.
 */
export async function inspectionNextStep(ctx: AppContext, actor: Actor, o: Org, rows: readonly Row[], today: string) {
  const mine = hasPermission(actor, 'orgs.register');
  const open = rows.find((r) => (r.submittedOn || r.reviewedOn) && !r.concludedOn);
  if (open) {
    const act = open.reviewedOn ? ('conclude' as const) : ('review' as const);
    const step = act === 'review' ? `初审 ${open.year} 年度工作报告` : `作出 ${open.year} 年度年检结论`;
    const w = await waitingFor(ctx, { orgUnitId: o.authorityOrgUnitId, orgName: o.authorityName, permission: 'orgs.register', step, mine });
    return { ...w, year: open.year, act };
  }
  const year = Number(today.slice(0, 4)) - 1;
  const due = rows.find((r) => r.year === year);
  if (due || o.status !== 'normal' || !inspectionRequired(o, year)) return null;
  const step = `报送 ${year} 年度工作报告（${registrarDeadline(o.kind, year)} 前）`;
  return { text: `待 ${o.name} ${step}`, step, orgName: o.name, people: [], mine: false, year, act: 'file' as const };
}
