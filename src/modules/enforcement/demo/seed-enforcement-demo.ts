import { sql } from 'kysely';
import type { AppContext, Clock } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { chinaMidnight } from '../../../platform/china-time.ts';
import type { Jobs } from '../../../platform/jobs.ts';
import { demoActor, demoUnit, demoUnits, type Actor } from '../../../kernel/identity/index.ts';
import { applyTransition } from '../../../kernel/workflow/index.ts';
import { ENFORCEMENT_PERMISSIONS as P } from '../contracts/labels.ts';
import { registerOfficer } from '../officers/officers.ts';
import { filePenaltyCase } from '../penalty/file-case.ts';
import { demoOfficers } from './demo-officers.ts';
import { DEMO_CASES } from './demo-cases.ts';
import { seedDemoTipoffs } from './demo-tipoffs.ts';
import { seedDemoRemedies } from '../remedies/demo-remedies.ts';

/** Past cases queue no timers: their deadlines are long gone (as the 建议提案 demo does). */
const NO_JOBS: Jobs = { send: async () => null, cancel: async () => {} };

/**
 * 行政执法 demo: the report's 43 officers (17 exam applicants) and penalty cases filed in several
 * counties through the real steps (立案, 指派), and the report's 2019 举报 (核查, 立案 / 不予立案, 答复), in one transaction. Idempotent.
 */
export async function seedEnforcementDemo(ctx: AppContext) {
  if ((await sql`select 1 from enforcement.officer where is_demo limit 1`.execute(ctx.db)).rows.length)
    return { skipped: true, officers: 0, cases: 0, tipoffs: 0, remedies: 0, coercions: 0 };
  let t = ctx.clock.now().getTime();
  const clock: Clock = { now: () => new Date(t) };
  return withTx({ ...ctx, clock }, async (tx) => {
    const orgs = await demoUnits(tx);
    const users = new Map((await tx.db.selectFrom('core.app_user').select(['id', 'username']).execute()).map((u) => [u.username, u.id]));
    const actorFor = (code: string): Actor => {
      const o = demoUnit(orgs, code);
      return demoActor(o, { displayName: `${o.name}经办人`, permissions: [P.read, P.handle, P.officers], assignmentId: `demo-${code}` });
    };
    const ids = new Map<string, string[]>();
    let serial = 0;
    for (const o of demoOfficers()) {
      const org = orgs.get(o.org);
      if (!org) continue;
      serial++;
      const r = await registerOfficer(
        tx,
        actorFor(o.org),
        {
          name: o.name,
          certNo: `${org.area_code}${String(serial).padStart(5, '0')}`,
          orgUnitId: org.id,
          userId: o.user ? users.get(o.user) : undefined,
          validFrom: '2018-06-01',
          validTo: o.validTo,
          trainingHours: o.hours,
          legalReviewer: !!o.reviewer,
          legalQualification: o.reviewer,
          examApplicant: !!o.exam,
        },
        { demo: true },
      );
      if (o.status) await sql`update enforcement.officer set status = ${o.status}, status_reason = '演示：年度考核不合格' where id = ${r.id}`.execute(tx.db);
      else if (!o.reviewer) ids.set(o.org, [...(ids.get(o.org) ?? []), r.id]);
    }
    let cases = 0;
    const caseOf = new Map<string, string>();
    for (const c of DEMO_CASES) {
      t = chinaMidnight(c.filedOn).getTime() + 10 * 3_600_000;
      const actor = actorFor(c.org);
      const cx = c.filedOn < '2026-01-01' ? { ...tx, jobs: NO_JOBS } : tx;
      const made = await filePenaltyCase(cx, actor, c.filing, { demo: true });
      cases++;
      caseOf.set(c.filing.partyName, made.id);
      const team = ids.get(c.org) ?? [];
      if (c.assign && team.length >= 2) {
        t += 86_400_000;
        await applyTransition(cx, actor, { caseId: made.id, transition: 'assign', input: { officerIds: team.slice(0, 2) } });
      }
    }
    const tipoffs = await seedDemoTipoffs(
      { ...tx, jobs: NO_JOBS },
      actorFor,
      (day) => (t = chinaMidnight(day).getTime() + 10 * 3_600_000),
      (party) => caseOf.get(party),
    );
    const remedies = await seedDemoRemedies({ ...tx, clock: ctx.clock, jobs: NO_JOBS }, actorFor);
    return { skipped: false, officers: serial, cases, tipoffs, ...remedies };
  });
}
