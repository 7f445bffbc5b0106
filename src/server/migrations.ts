import { coreCaseRollup } from '../kernel/report/migrations/20261211090000_core_case_rollup.ts';
import { coreCaseRollupTree } from '../kernel/report/migrations/20261213030000_core_case_rollup_tree.ts';
import { coreCaseTree } from '../kernel/report/migrations/20261214030000_core_case_tree.ts';
import { coreCaseTreeDelta } from '../kernel/report/migrations/20261215050000_core_case_tree_delta.ts';
import { coreCaseRollupDelta } from '../kernel/report/migrations/20261216000000_core_case_rollup_delta.ts';
import type { Migration } from 'kysely/migration';
import type { ModuleManifest } from '../kernel/module/index.ts';
import { coreAreas } from '../kernel/areas/migrations/20261129010000_core_areas.ts';
import { coreIdentity } from '../kernel/identity/migrations/20261129020000_core_identity.ts';
import { coreLoginThrottle } from '../kernel/identity/migrations/20261210020100_core_login_throttle.ts';
import { coreAuthEpoch } from '../kernel/identity/migrations/20261210060000_core_auth_epoch.ts';
import { coreAuthEpochNotify } from '../kernel/identity/migrations/20261212080000_core_auth_epoch_notify.ts';
import { coreAuthEpochArea } from '../kernel/identity/migrations/20261218010000_core_auth_epoch_area.ts';
import { coreAudit } from '../kernel/audit/migrations/20261129030000_core_audit.ts';
import { coreAuditSearch } from '../kernel/audit/migrations/20261217030000_core_audit_search.ts';
import { coreCalendar } from '../kernel/calendar/migrations/20261129040000_core_calendar.ts';
import { coreWorkflow } from '../kernel/workflow/migrations/20261129050000_core_workflow.ts';
import { coreCaseParts } from '../kernel/workflow/migrations/20261206020000_core_case_parts.ts';
import { coreCaseHandoffFrom } from '../kernel/workflow/migrations/20261210060100_core_case_handoff_from.ts';
import { coreFullwidthTitles } from '../kernel/workflow/migrations/20261214020000_core_fullwidth_titles.ts';
import { coreClockKind } from '../kernel/workflow/migrations/20261208170000_core_clock_kind.ts';
import { corePortalPow } from '../kernel/portal/migrations/20261130060000_core_portal_pow.ts';
import { coreDailyJobRun } from '../platform/jobs/migrations/20261206010000_core_daily_job_run.ts';
import { coreDocuments } from '../kernel/documents/migrations/20261206070000_core_documents.ts';
import { coreDocumentSubject } from '../kernel/documents/migrations/20261211080000_core_document_subject.ts';
import { coreReport } from '../kernel/report/migrations/20261207160000_core_report.ts';
import { coreReportRecordKind } from '../kernel/report/migrations/20261208150000_core_report_record_kind.ts';
import { corePiiKey } from '../kernel/identity/migrations/20261210030000_core_pii_key.ts';
import { coreSeedState } from '../platform/db/migrations/20261214050000_core_seed_state.ts';
import { MODULES } from './modules.ts';

/** The kernel's and platform's own migrations, oldest first. */
export const KERNEL_MIGRATIONS: Readonly<Record<string, Migration>> = {
  '20261129010000_core_areas': coreAreas,
  '20261129020000_core_identity': coreIdentity,
  '20261129030000_core_audit': coreAudit,
  '20261129040000_core_calendar': coreCalendar,
  '20261129050000_core_workflow': coreWorkflow,
  '20261130060000_core_portal_pow': corePortalPow,
  '20261206010000_core_daily_job_run': coreDailyJobRun,
  '20261206020000_core_case_parts': coreCaseParts,
  '20261206070000_core_documents': coreDocuments,
  '20261207160000_core_report': coreReport,
  '20261208150000_core_report_record_kind': coreReportRecordKind,
  '20261208170000_core_clock_kind': coreClockKind,
  '20261210020100_core_login_throttle': coreLoginThrottle,
  '20261210030000_core_pii_key': corePiiKey,
  '20261210060000_core_auth_epoch': coreAuthEpoch,
  '20261210060100_core_case_handoff_from': coreCaseHandoffFrom,
  '20261211080000_core_document_subject': coreDocumentSubject,
  '20261211090000_core_case_rollup': coreCaseRollup,
  '20261212080000_core_auth_epoch_notify': coreAuthEpochNotify,
  '20261213030000_core_case_rollup_tree': coreCaseRollupTree,
  '20261214020000_core_fullwidth_titles': coreFullwidthTitles,
  '20261214030000_core_case_tree': coreCaseTree,
  '20261214050000_core_seed_state': coreSeedState,
  '20261215050000_core_case_tree_delta': coreCaseTreeDelta,
  '20261216000000_core_case_rollup_delta': coreCaseRollupDelta,
  '20261217030000_core_audit_search': coreAuditSearch,
  '20261218010000_core_auth_epoch_area': coreAuthEpochArea,
};

/**
 * Every migration of the system: the kernel's and each module's, merged and sorted by name (a
 * timestamp, so the order is the order they were written in). A name used twice is an error.
 */
export function allMigrations(modules: readonly ModuleManifest[] = MODULES): Record<string, Migration> {
  const merged = new Map<string, Migration>(Object.entries(KERNEL_MIGRATIONS));
  for (const m of modules) {
    for (const [name, migration] of Object.entries(m.migrations)) {
      if (merged.has(name)) throw new Error(`migration ${name} (module ${m.name}) is declared twice`);
      merged.set(name, migration);
    }
  }
  return Object.fromEntries([...merged].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export const migrations: Record<string, Migration> = allMigrations();
