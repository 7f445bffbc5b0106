import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SYSTEM_ACTOR } from '../kernel/identity/actor.ts';
import { importAreas } from '../kernel/areas/import-areas.ts';
import { importOrgUnits } from '../kernel/areas/import-org-units.ts';
import { ensureAuditChains } from '../kernel/audit/ensure-audit-chains.ts';
import { seedRoles } from '../kernel/identity/seed-roles.ts';
import { seedDemoUsers } from '../kernel/identity/seed-demo-users.ts';
import { seedCalendar } from '../kernel/calendar/seed-calendar.ts';
import { NINGXIA_FESTIVALS_2019_2021, NINGXIA_SEED_KEY } from '../kernel/calendar/ningxia-festivals.ts';
import { builtinRoles } from '../kernel/identity/permissions.ts';
import type { AppContext } from '../platform/context.ts';
import type { ModuleManifest } from '../kernel/module/index.ts';
import { MODULES } from './modules.ts';
import { foldAndVacuumCaseRollups } from '../kernel/report/case-tree-fold.ts';
import { sweepClockSummaries } from '../kernel/workflow/clock-summary-sweep.ts';
import { chinaDate } from '../platform/china-time.ts';

const data = (name: string) => readFileSync(new URL(`../kernel/areas/data/${name}`, import.meta.url), 'utf8');

/** True once the reference data has been loaded (the region's root area exists). */
export async function isSeeded(ctx: AppContext): Promise<boolean> {
  const row = await ctx.db.selectFrom('core.area').select('code').where('level', '=', 1).executeTakeFirst();
  return !!row;
}

/**
 * Reference data every installation has: audit chains, the GB/T 2260 tree of Ningxia, the
 * department's units and the county bureaus, and the built-in roles. Idempotent: on an
 * up-to-date database it reads and writes nothing else.
 */
export async function seedReference(ctx: AppContext): Promise<void> {
  await ensureAuditChains(ctx);
  await importAreas(ctx, SYSTEM_ACTOR, data('ningxia-areas.csv'), { system: true });
  await seedCalendar(ctx);
  await importOrgUnits(ctx, SYSTEM_ACTOR, data('org-units.csv'), { system: true });
  await seedRoles(ctx);
}

/**
 * seedReference, skipped when core.seed_state says the same inputs (this release, its CSV files,
 * roles, calendar seed and AUDIT_CHAINS) were loaded already: a restart reads one row instead.
 */
export async function seedReferenceOnce(ctx: AppContext): Promise<void> {
  const fingerprint = referenceFingerprint(ctx);
  const stored = await ctx.db.selectFrom('core.seed_state').select('fingerprint').where('kind', '=', 'reference').executeTakeFirst();
  if (stored?.fingerprint === fingerprint) return;
  await seedReference(ctx);
  await ctx.db
    .insertInto('core.seed_state')
    .values({ kind: 'reference', fingerprint })
    .onConflict((oc) => oc.column('kind').doUpdateSet({ fingerprint, seeded_at: ctx.clock.now() }))
    .execute();
}

function referenceFingerprint(ctx: AppContext): string {
  const inputs = {
    version: ctx.config.version,
    auditChains: ctx.config.auditChains,
    areas: data('ningxia-areas.csv'),
    orgUnits: data('org-units.csv'),
    roles: builtinRoles().map((r) => ({ ...r, permissions: [...r.permissions] })),
    calendar: [NINGXIA_SEED_KEY, NINGXIA_FESTIVALS_2019_2021],
  };
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex');
}

/** Demo data (marked as sample): pilot-county townships and communities, and the demo accounts. */
export async function seedDemo(ctx: AppContext): Promise<void> {
  await importAreas(ctx, SYSTEM_ACTOR, data('sample-areas.csv'), { system: true, sample: true });
  await importOrgUnits(ctx, SYSTEM_ACTOR, data('sample-org-units.csv'), { system: true, sample: true });
  await seedDemoUsers(ctx);
}

/**
 * Demo history (marked as demo): each module's, in MODULES order (信访's year of 2019, 低保's
 * standards then applications). Idempotent. The test database template leaves it out (tests
 * build their own fixtures); the demo's own tests seed it. The modules run as a replay (AppContext.replay): acts long
 * past start no work for today. The dashboards' change logs are folded at the end.
 */
export async function seedDemoHistory(ctx: AppContext, modules: readonly ModuleManifest[] = MODULES): Promise<void> {
  const history: AppContext = { ...ctx, replay: { today: chinaDate(ctx.clock.now()) } };
  for (const m of modules) await m.seedDemo?.(history);
  // Past cases were loaded without timers: bring their clock state (the worklist tags and counts) to today.
  await sweepClockSummaries(ctx);
  // The year of history left its rollup changes in the logs; fold them now, not in the first minute a user is waiting.
  await foldAndVacuumCaseRollups(ctx);
}
