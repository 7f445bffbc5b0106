import { readFileSync } from 'node:fs';
import { SYSTEM_ACTOR } from '../kernel/identity/actor.ts';
import { importAreas } from '../kernel/areas/import-areas.ts';
import { importOrgUnits } from '../kernel/areas/import-org-units.ts';
import { ensureAuditChains } from '../kernel/audit/ensure-audit-chains.ts';
import { seedRoles } from '../kernel/identity/seed-roles.ts';
import { seedDemoUsers } from '../kernel/identity/seed-demo-users.ts';
import { seedCalendar } from '../kernel/calendar/seed-calendar.ts';
import type { AppContext } from '../platform/context.ts';
import { seedDemoPetitions } from '../modules/petitions/demo/seed-demo-petitions.ts';
import { seedDibaoStandardsDemo } from '../modules/dibao/demo-money/seed-standards.ts';
import { seedDibaoDemo } from '../modules/dibao/demo/seed-dibao-demo.ts';

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

/** Demo data (marked as sample): pilot-county townships and communities, and the demo accounts. */
export async function seedDemo(ctx: AppContext): Promise<void> {
  await importAreas(ctx, SYSTEM_ACTOR, data('sample-areas.csv'), { system: true, sample: true });
  await importOrgUnits(ctx, SYSTEM_ACTOR, data('sample-org-units.csv'), { system: true, sample: true });
  await seedDemoUsers(ctx);
}

/**
 * Demo history (marked as demo): a year of 信访 (2019, the report's year) with recent items for
 * the demo accounts, 低保 示例 standards and applications. Idempotent. The test database
 * template leaves it out (tests build their own fixtures); the demo's own tests seed it.
 */
export async function seedDemoHistory(ctx: AppContext): Promise<void> {
  const petitions = await seedDemoPetitions(ctx);
  if (!petitions.skipped) ctx.logger.info(`演示信访数据:${petitions.created} 件,${petitions.moves} 步,${petitions.ms} ms${petitions.failed.length ? `;${petitions.failed.length} 件未走完:${petitions.failed[0]!.error}` : ''}`);
  // 低保: the money side's 示例 standards first, so the demo applications are computed against them.
  await seedDibaoStandardsDemo(ctx);
  const dibaoStarted = performance.now();
  const dibao = await seedDibaoDemo(ctx);
  if (dibao.applications) ctx.logger.info(`演示低保数据:${dibao.applications} 件申请,${Math.round(performance.now() - dibaoStarted)} ms`);
}
