import { BarChartOutlined, DislikeOutlined, ShopOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineWebModule } from '../../app/web-module.ts';
import { navZh } from './nav-i18n.ts';
import type { zh } from './i18n.ts';

const HallPage = lazy(() => import('./HallPage.tsx').then((m) => ({ default: m.HallPage })));
const ComplaintsPage = lazy(() => import('./ComplaintsPage.tsx').then((m) => ({ default: m.ComplaintsPage })));
const StatsPage = lazy(() => import('./StatsPage.tsx').then((m) => ({ default: m.StatsPage })));

/** 政务服务大厅: the console's web half of the hall module. */
export const hall = defineWebModule<typeof navZh & typeof zh>({
  key: 'hall',
  label: 'hall.module',
  icon: <ShopOutlined />,
  nav: [
    { path: '/hall', label: 'hall.nav.list', icon: <ShopOutlined />, permission: 'hall.read' },
    { path: '/hall/complaints', label: 'hall.nav.complaints', icon: <DislikeOutlined />, permission: 'hall.read' },
    { path: '/hall/stats', label: 'hall.nav.stats', icon: <BarChartOutlined />, permission: 'hall.read' },
  ],
  routes: [
    { path: '/hall', page: HallPage },
    { path: '/hall/complaints', page: ComplaintsPage },
    { path: '/hall/stats', page: StatsPage },
  ],
  caseTypes: {
    'hall.application': {
      panel: lazy(() => import('./HallCasePanel.tsx').then((m) => ({ default: m.HallCasePanel }))),
      english: () => import('./english-labels.ts').then((m) => m.applicationLabelsEn),
    },
    'hall.complaint': { list: '/hall/complaints', english: () => import('./english-labels.ts').then((m) => m.complaintLabelsEn) },
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
    actions: { 'hall.settings': ['修改政务服务设置', 'Change service-hall settings'] },
    entities: { 'hall.setting': ['政务服务设置', 'Service-hall setting'] },
  },
});
