import type { AppContext } from '../../platform/context.ts';

/**
 * How the scope suite (tests/scope/) treats a GET route under /api. The kernel's routes are in
 * tests/scope/kernel-routes.ts; each module lists its own in its manifest (`scopedRoutes`). A GET
 * route missing from both fails the suite, so a new endpoint cannot ship without saying how its
 * records are scoped.
 */
export type ScopedRecord = { areaPath: string | null; orgUnitId?: string | null; ownerId?: string | null };
export type DetailRecord = ScopedRecord & { id: string };
export type Lookup = { areaPathOfCode: Map<string, string> };

export type RouteSpec =
  /** Not scoped data: the caller's own record, reference lists, health. `why` says so. */
  | { kind: 'unscoped'; why: string }
  /** A list: every item returned must lie inside the account's grants for `permission`. */
  | {
      kind: 'list';
      permission: string;
      pageSize?: number;
      /** Extra query strings tried (searches and filters), besides the bare list. */
      variants?: (probe: { outOfScopeOrgUnitId: string; outOfScopeAreaCode: string }) => string[];
      items(body: any, lookup: Lookup): ScopedRecord[];
      /** True when the body lists everything (a tree): no paging. */
      single?: boolean;
    }
  /** A detail route by id: out-of-scope ids must answer 404, in-scope ones 200. */
  | { kind: 'detail'; permission: string; records(ctx: AppContext): Promise<DetailRecord[]> }
  /**
   * Case routes: readable = the case type's read permission in scope, or a case the account's
   * org handed on (转办/交办, read-only). `path` builds the URL for one case; null skips it.
   */
  | { kind: 'case'; path(c: { id: string; type: string; clockName: string | null; attachmentId: string | null }): string | null }
  /**
   * A list of cases: every item must be a readable case. With `permission`, accounts without it
   * may be refused (403); the bare route is not probed when every variant needs its parameters.
   */
  | { kind: 'case-list'; variants: string[]; permission?: string };

/** Specs keyed 'GET /api/…' exactly as Fastify prints the route. */
export type RouteSpecs = Record<string, RouteSpec>;
