import { ClearOutlined, FileProtectOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineWebModule } from '../../app/web-module.ts';
import { navZh } from './nav-i18n.ts';
import type { zh } from './i18n.ts';

const NormdocsPage = lazy(() => import('./NormdocsPage.tsx').then((m) => ({ default: m.NormdocsPage })));
const CleanupsPage = lazy(() => import('./CleanupsPage.tsx').then((m) => ({ default: m.CleanupsPage })));
const panel = lazy(() => import('./NormdocCasePanel.tsx').then((m) => ({ default: m.NormdocCasePanel })));

/** 规范性文件: the console's web half of the normdocs module. */
export const normdocs = defineWebModule<typeof navZh & typeof zh>({
  key: 'normdocs',
  label: 'normdocs.module',
  icon: <FileProtectOutlined />,
  nav: [
    { path: '/normdocs', label: 'normdocs.nav.list', icon: <UnorderedListOutlined />, permission: 'normdocs.read' },
    { path: '/normdocs/cleanups', label: 'normdocs.nav.cleanups', icon: <ClearOutlined />, permission: 'normdocs.read' },
  ],
  routes: [
    { path: '/normdocs', page: NormdocsPage },
    { path: '/normdocs/cleanups', page: CleanupsPage },
  ],
  caseTypes: { normdoc: { panel, english: () => import('./english-labels.ts').then((m) => m.normdocLabelsEn) } },
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
      'normdoc.revise': ['修改草案（新版本）', 'New draft version'],
      'normdoc.comment': ['登记意见', 'Record a comment'],
      'normdoc.dispose': ['处理意见', 'Dispose of a comment'],
      'normdoc.cleanup.open': ['开展规范性文件清理', 'Start a document clean-up'],
      'normdoc.cleanup.close': ['完成规范性文件清理', 'Close a document clean-up'],
      'normdoc.evaluation.record': ['登记规范性文件评估', 'Record a document evaluation'],
    },
    entities: { normdoc_cleanup: ['规范性文件清理', 'Document clean-up'] },
  },
});
