import { ApartmentOutlined, EnvironmentOutlined, OrderedListOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineWebModule } from '../../app/web-module.ts';
import { navZh } from './nav-i18n.ts';
import type { zh } from './i18n.ts';
import { stationPrefill } from './station-prefill.ts';

const StationsPage = lazy(() => import('./StationsPage.tsx').then((m) => ({ default: m.StationsPage })));
const DutiesPage = lazy(() => import('./DutiesPage.tsx').then((m) => ({ default: m.DutiesPage })));

/** 城乡社区: the console's web half of the community module. */
export const community = defineWebModule<typeof navZh & typeof zh>({
  key: 'community',
  label: 'community.module',
  icon: <ApartmentOutlined />,
  nav: [
    { path: '/community/stations', label: 'community.nav.stations', icon: <EnvironmentOutlined />, permission: 'community.read' },
    { path: '/community/duties', label: 'community.nav.duties', icon: <OrderedListOutlined />, permission: 'community.read' },
  ],
  routes: [
    { path: '/community/stations', page: StationsPage },
    { path: '/community/duties', page: DutiesPage },
  ],
  caseTypes: {
    community_station: {
      english: async () => ({ type: 'Community service station', states: { in_service: 'In service', suspended: 'Suspended', closed: 'Closed' } }),
      prefill: stationPrefill,
    },
    community_duty: {
      list: '/community/duties',
      english: async () => ({
        type: 'Community duty admission',
        states: { requested: 'Under county review', listed: 'On the list', refused: 'Refused', removed: 'Removed from the list' },
        transitions: { create: 'Request admission', admit: 'Admit onto the list', refuse: 'Refuse', remove: 'Remove from the list' },
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
    actions: { 'community.import': ['导入服务站登记表', 'Import station registry'] },
    entities: { community_station: ['社区综合服务站', 'Community station'] },
  },
});
