import type { Migration } from 'kysely/migration';
import { coreAreas } from '../kernel/areas/migrations/2026-11-29-01-core-areas.ts';
import { coreIdentity } from '../kernel/identity/migrations/2026-11-29-02-core-identity.ts';
import { coreAudit } from '../kernel/audit/migrations/2026-11-29-03-core-audit.ts';
import { coreCalendar } from '../kernel/calendar/migrations/2026-11-29-04-core-calendar.ts';
import { coreWorkflow } from '../kernel/workflow/migrations/2026-11-29-05-core-workflow.ts';
import { corePortalPow } from '../kernel/portal/migrations/2026-11-30-06-core-portal-pow.ts';
import { petitionsSchema } from '../modules/petitions/migrations/2026-11-29-10-petitions.ts';
import { petitionStatsSchema } from '../modules/petitions/migrations/2026-11-29-13-petition-stats.ts';
import { petitionsFirstTime } from '../modules/petitions/migrations/2026-11-29-11-petition-first-time.ts';
import { petitionsRules } from '../modules/petitions/migrations/2026-11-29-11-petition-rules.ts';
import { petitionsPortalPow } from '../modules/petitions/migrations/2026-11-29-12-portal-pow.ts';
import { petitionsPortalPowToCore } from '../modules/petitions/migrations/2026-11-30-14-portal-pow-to-core.ts';
import { dibaoCore } from '../modules/dibao/migrations/2026-11-29-20-dibao-core.ts';
import { dibaoApplication } from '../modules/dibao/migrations/2026-11-29-21-dibao-application.ts';
import { dibaoMoney } from '../modules/dibao/migrations/2026-11-29-22-dibao-money.ts';

/** Every migration of the system, by globally sorted name. Modules add theirs here. */
export const migrations: Record<string, Migration> = {
  '2026-11-29-01-core-areas': coreAreas,
  '2026-11-29-02-core-identity': coreIdentity,
  '2026-11-29-03-core-audit': coreAudit,
  '2026-11-29-04-core-calendar': coreCalendar,
  '2026-11-29-05-core-workflow': coreWorkflow,
  '2026-11-29-10-petitions': petitionsSchema,
  '2026-11-29-11-petition-first-time': petitionsFirstTime,
  '2026-11-29-11-petition-rules': petitionsRules,
  '2026-11-29-12-portal-pow': petitionsPortalPow,
  '2026-11-29-13-petition-stats': petitionStatsSchema,
  '2026-11-29-20-dibao-core': dibaoCore,
  '2026-11-29-21-dibao-application': dibaoApplication,
  '2026-11-29-22-dibao-money': dibaoMoney,
  '2026-11-30-06-core-portal-pow': corePortalPow,
  '2026-11-30-14-portal-pow-to-core': petitionsPortalPowToCore,
  '2026-12-06-01-core-case-parts': (await import('../kernel/workflow/migrations/2026-12-06-01-core-case-parts.ts')).coreCaseParts,
};
