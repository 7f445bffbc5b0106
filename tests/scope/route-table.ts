import type { ModuleManifest, RouteSpecs } from '../../src/kernel/module/index.ts';
import { MODULES } from '../../src/server/modules.ts';
import { KERNEL_ROUTES } from './kernel-routes.ts';

export type { DetailRecord, Lookup, RouteSpec, ScopedRecord } from '../../src/kernel/module/index.ts';

/**
 * Every GET route under /api with its scope rule: the kernel's (kernel-routes.ts) and each module's
 * (its manifest's `scopedRoutes`). A route served but missing here fails the scope suite. A route
 * claimed twice is an error.
 */
export function routeTable(modules: readonly ModuleManifest[] = MODULES): RouteSpecs {
  const table: RouteSpecs = { ...KERNEL_ROUTES };
  for (const m of modules) {
    for (const [key, spec] of Object.entries(m.scopedRoutes)) {
      if (table[key]) throw new Error(`scope rule for ${key} is declared twice (module ${m.name})`);
      table[key] = spec;
    }
  }
  return table;
}

/** Served GET routes under /api that have no scope rule. */
export function routesWithoutSpec(served: Array<{ method: string; url: string }>, table: RouteSpecs): string[] {
  return served
    .filter((r) => r.method === 'GET' && r.url.startsWith('/api/'))
    .map((r) => `GET ${r.url}`)
    .filter((k) => !table[k]);
}

/** Every route the app serves, from Fastify's own route tree (hidden routes included). */
export function servedRoutes(tree: string): Array<{ method: string; url: string }> {
  const out: Array<{ method: string; url: string }> = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(\S+)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    for (const method of (m[3] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean))
      out.push({ method, url: stack.join('') });
  }
  return out;
}

export const ROUTES: RouteSpecs = routeTable();
