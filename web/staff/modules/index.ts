import { dibao } from './dibao/index.tsx';
import { petitions } from './petitions/index.tsx';
import { orgs } from './orgs/index.tsx';
import { proposals } from './proposals/index.tsx';
import { normdocs } from './normdocs/index.tsx';
import { catalogue } from './catalogue/index.tsx';
import { hall } from './hall/index.tsx';
import { disclosure } from './disclosure/index.tsx';
import { community } from './community/index.tsx';
import { policyqa } from './policyqa/index.tsx';
import { enforcement } from './enforcement/index.tsx';

/**
 * The business modules of the console, in menu order: the one line a new module adds here.
 * The menu, routes, case panels, dictionaries, hand-off words and audit labels all read this list.
 */
export const WEB_MODULES = [petitions, dibao, orgs, proposals, normdocs, catalogue, hall, disclosure, community, policyqa, enforcement] as const;
