import type { FastifyInstance } from 'fastify';
import type { Migration } from 'kysely/migration';
import type { AppContext } from '../../platform/context.ts';
import type { JobHandler, JobQueueOptions } from '../../platform/jobs.ts';
import type { DailyJobHandler } from '../../platform/jobs/daily.ts';
import type { WorkflowDefinition } from '../workflow/define-workflow.ts';
import type { PermissionDef, RoleFragments } from '../identity/permissions.ts';
import type { RouteSpecs } from './route-spec.ts';
import type { ReportSection } from '../report/contract.ts';

/** Adds a module's HTTP routes (staff, portal, stats …) to the app. */
export type RouteRegistrar = (app: FastifyInstance, ctx: AppContext) => Promise<void>;

/** A queue the module sends to, with the handler that works it (declared here, not by an import side effect). */
export type ModuleJob = { name: string; handler: JobHandler<any>; options?: JobQueueOptions };

/** Runs once per business day at `hour` (China time); see registerDailyJob in src/platform/jobs/daily.ts. */
export type ModuleDailyJob = { name: string; hour: number; handler: DailyJobHandler };

/** The annual report's figures: see src/kernel/report/contract.ts. */
export type { ReportMetric, ReportSection } from '../report/contract.ts';

export type ModuleDefinition = {
  /** Lower-case identifier: the prefix of the module's permissions, queues and migration names. */
  name: string;
  /** Chinese name shown in logs and catalogues. */
  label: string;
  permissions?: readonly PermissionDef[];
  /** Permissions added to the built-in roles (sysadmin always holds every permission). */
  roles?: RoleFragments;
  /** The module's workflows (importing them registers them with the workflow kernel). */
  workflows?: readonly WorkflowDefinition<any>[];
  routes?: readonly RouteRegistrar[];
  /** The module's migrations, oldest first, named `YYYYMMDDhhmmss_<module>_<what>`. */
  migrations?: Readonly<Record<string, Migration>>;
  jobs?: readonly ModuleJob[];
  dailyJobs?: readonly ModuleDailyJob[];
  /** The module's demo history (only in demo mode; idempotent). */
  seedDemo?: (ctx: AppContext) => Promise<void>;
  reportSections?: readonly ReportSection[];
  /** Scope rules of the module's GET routes, for tests/scope (see RouteSpec). */
  scopedRoutes?: RouteSpecs;
};

/** A module as the composition root sees it: every part present (empty when the module has none). */
export type ModuleManifest = Readonly<Required<Omit<ModuleDefinition, 'seedDemo'>>> & { readonly seedDemo?: (ctx: AppContext) => Promise<void> };

const MODULE_NAME = /^[a-z][a-z0-9_]*$/;
/** A migration name: a 14-digit timestamp, then words; it sorts by time forever. */
export const MIGRATION_NAME = /^\d{14}_[a-z0-9_]+$/;

/**
 * Declare a module. Checks what can be checked without the rest of the system (names, order,
 * duplicates); `installModules` checks it against the kernel and the other modules.
 */
export function defineModule(def: ModuleDefinition): ModuleManifest {
  const fail = (msg: string): never => {
    throw new Error(`module ${def.name}: ${msg}`);
  };
  if (!MODULE_NAME.test(def.name)) fail('name must be lower-case letters, digits and _');
  const codes = (def.permissions ?? []).map((p) => p.code);
  if (new Set(codes).size !== codes.length) fail('a permission is declared twice');
  const names = Object.keys(def.migrations ?? {});
  for (const [i, n] of names.entries()) {
    if (!MIGRATION_NAME.test(n)) fail(`migration name ${n} is not YYYYMMDDhhmmss_words`);
    if (i > 0 && n <= names[i - 1]!) fail(`migration ${n} is listed after ${names[i - 1]}: list them oldest first`);
  }
  for (const d of def.dailyJobs ?? []) if (!Number.isInteger(d.hour) || d.hour < 0 || d.hour > 23) fail(`daily job ${d.name}: hour must be 0–23`);
  for (const s of def.reportSections ?? [])
    for (const m of s.metrics) if (!m.code.startsWith(`${s.code}.`)) fail(`report metric ${m.code} must start with its section code ${s.code}.`);
  for (const key of Object.keys(def.scopedRoutes ?? {})) if (!key.startsWith('GET /api/')) fail(`scoped route ${key} must be 'GET /api/…'`);
  return Object.freeze({
    name: def.name,
    label: def.label,
    permissions: def.permissions ?? [],
    roles: def.roles ?? {},
    workflows: def.workflows ?? [],
    routes: def.routes ?? [],
    migrations: def.migrations ?? {},
    jobs: def.jobs ?? [],
    dailyJobs: def.dailyJobs ?? [],
    seedDemo: def.seedDemo,
    reportSections: def.reportSections ?? [],
    scopedRoutes: def.scopedRoutes ?? {},
  });
}
