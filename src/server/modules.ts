import type { ModuleManifest } from '../kernel/module/index.ts';
import { petitions } from '../modules/petitions/index.ts';
import { dibao } from '../modules/dibao/index.ts';
import { orgs } from '../modules/orgs/index.ts';
import { proposals } from '../modules/proposals/index.ts';
import { normdocs } from '../modules/normdocs/index.ts';
import { catalogue } from '../modules/catalogue/index.ts';
import { hall } from '../modules/hall/index.ts';
import { disclosure } from '../modules/disclosure/index.ts';
import { community } from '../modules/community/index.ts';
import { policyqa } from '../modules/policyqa/index.ts';
import { enforcement } from '../modules/enforcement/index.ts';

/**
 * Every business module, in order (their permissions, routes, migrations and demo data follow it).
 * Adding a module is one line here; app.ts, migrations.ts, worker.ts, seed.ts and boot.ts read it.
 */
export const MODULES: readonly ModuleManifest[] = [petitions, dibao, orgs, proposals, normdocs, catalogue, hall, disclosure, community, policyqa, enforcement];
