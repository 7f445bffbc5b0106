export {
  defineModule,
  MIGRATION_NAME,
  type ModuleDailyJob,
  type ModuleDefinition,
  type ModuleJob,
  type ModuleManifest,
  type ReportMetric,
  type ReportSection,
  type RouteRegistrar,
} from './define-module.ts';
export { installModules, installedModules } from './install-modules.ts';
export type { DetailRecord, Lookup, RouteSpec, RouteSpecs, ScopedRecord } from './route-spec.ts';
export { defineModuleEvent, type EventListener } from './events.ts';
