import { addModulePermissions } from '../identity/permissions.ts';
import { registerJobHandler } from '../../platform/jobs/registry.ts';
import { registerDailyJob } from '../../platform/jobs/daily.ts';
import type { ModuleManifest } from './define-module.ts';

const installed = new Map<string, ModuleManifest>();

/**
 * Make the modules known to this process: their permissions and role fragments join the
 * permission catalogue (src/kernel/identity/permissions.ts), their job queues and daily jobs
 * join the process-wide job registry. The composition root (src/server/) calls it with MODULES
 * before opening the job queue or reading the catalogue. Installing the same manifest again is a
 * no-op, so a test may call it with MODULES plus a module of its own.
 */
export function installModules(modules: readonly ModuleManifest[]): void {
  for (const m of modules) {
    const prev = installed.get(m.name);
    if (prev === m) continue;
    if (prev) throw new Error(`two modules are named ${m.name}`);
    addModulePermissions(m.permissions, m.roles);
    for (const j of m.jobs) registerJobHandler(j.name, j.handler, j.options);
    for (const d of m.dailyJobs) registerDailyJob(d.name, d.hour, d.handler);
    installed.set(m.name, m);
  }
}

/** The modules installed in this process, in installation order. */
export function installedModules(): ModuleManifest[] {
  return [...installed.values()];
}
