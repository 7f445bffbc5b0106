import { FileTextOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineWebModule } from '../../app/web-module.ts';
import { navZh } from './nav-i18n.ts';
import type { zh } from './i18n.ts';

const ProposalsPage = lazy(() => import('./ProposalsPage.tsx').then((m) => ({ default: m.ProposalsPage })));
const panel = lazy(() => import('./ProposalCasePanel.tsx').then((m) => ({ default: m.ProposalCasePanel })));

/** 建议提案: the console's web half of the proposals module. */
export const proposals = defineWebModule<typeof navZh & typeof zh>({
  key: 'proposals',
  label: 'proposals.module',
  icon: <FileTextOutlined />,
  nav: [{ path: '/proposals', label: 'proposals.nav.list', icon: <UnorderedListOutlined />, permission: 'proposals.read' }],
  routes: [{ path: '/proposals', page: ProposalsPage }],
  caseTypes: {
    proposal: { panel, english: () => import('./english-labels.ts').then((m) => m.proposalLabelsEn) },
    'proposal.part': { english: () => import('./english-labels.ts').then((m) => m.proposalPartLabelsEn) },
  },
  messages: {
    nav: navZh,
    zh: () => import('./i18n.ts').then((m) => m.zh),
    en: async () => {
      const [a, b] = await Promise.all([import('./nav-i18n.en.ts'), import('./i18n.en.ts')]);
      return { ...a.navEn, ...b.en };
    },
  },
  audit: {
    actions: {
      'proposal.contact': ['记录面商、沟通', 'Record a meeting or contact'],
      'proposal.implementation': ['落实情况再次答复', 'Second reply once carried out'],
      'proposal.disclose': ['代表、委员同意公开答复', 'Agreement to publish the reply'],
    },
    entities: {},
  },
});
