import { BarChartOutlined, FileSearchOutlined, FolderOpenOutlined, GlobalOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineWebModule } from '../../app/web-module.ts';
import { navZh } from './nav-i18n.ts';
import type { zh } from './i18n.ts';

const RequestsPage = lazy(() => import('./RequestsPage.tsx').then((m) => ({ default: m.RequestsPage })));
const ItemsPage = lazy(() => import('./ItemsPage.tsx').then((m) => ({ default: m.ItemsPage })));
const AnnualPage = lazy(() => import('./AnnualPage.tsx').then((m) => ({ default: m.AnnualPage })));

/** 政务公开: the console's web half (requests, proactive items, the yearly report). */
export const disclosure = defineWebModule<typeof navZh & typeof zh>({
  key: 'disclosure',
  label: 'disclosure.module',
  icon: <GlobalOutlined />,
  nav: [
    { path: '/disclosure/requests', label: 'disclosure.nav.requests', icon: <FileSearchOutlined />, permission: 'disclosure.read' },
    { path: '/disclosure/items', label: 'disclosure.nav.items', icon: <FolderOpenOutlined />, permission: 'disclosure.read' },
    { path: '/disclosure/annual', label: 'disclosure.nav.annual', icon: <BarChartOutlined />, permission: 'disclosure.read' },
  ],
  routes: [
    { path: '/disclosure/requests', page: RequestsPage },
    { path: '/disclosure/items', page: ItemsPage },
    { path: '/disclosure/annual', page: AnnualPage },
  ],
  caseTypes: {
    disclosure_request: {
      english: async () => ({
        type: 'Information request',
        states: { received: 'Received', correcting: 'Awaiting correction', consulting: 'Consulting a third party', answered: 'Answered' },
        transitions: {
          create: 'Register',
          ask_correction: 'Ask for correction',
          correct: 'Corrected request received',
          consult: 'Consult third party',
          consulted: 'Third-party reply',
          answer: 'Answer',
        },
        clocks: {
          answer: 'Answer (20 working days)',
          correction_notice: 'Correction notice (7 working days)',
          correction_period: 'Correction period',
          consultation: 'Third-party reply (15 working days)',
        },
      }),
    },
    disclosure_item: {
      list: '/disclosure/items',
      english: async () => ({
        type: 'Proactive disclosure item',
        states: { drafted: 'Awaiting publication', published: 'Published', withdrawn: 'Withdrawn' },
        transitions: { create: 'Register', publish: 'Approve and publish', withdraw: 'Withdraw' },
        clocks: { publish: 'Publish (20 working days)' },
      }),
    },
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
    actions: { 'disclosure.fee.record': ['登记行政事业性收费项目', 'Register a fee item'] },
    entities: { disclosure_fee_item: ['行政事业性收费项目', 'Fee item'] },
  },
});
