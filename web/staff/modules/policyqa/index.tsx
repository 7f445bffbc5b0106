import { QuestionCircleOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineWebModule } from '../../app/web-module.ts';
import { navZh } from './nav-i18n.ts';
import type { zh } from './i18n.ts';

const PolicyqaPage = lazy(() => import('./PolicyqaPage.tsx').then((m) => ({ default: m.PolicyqaPage })));

/** 政策问答: the console's web half of the policyqa module. */
export const policyqa = defineWebModule<typeof navZh & typeof zh>({
  key: 'policyqa',
  label: 'policyqa.module',
  icon: <QuestionCircleOutlined />,
  nav: [{ path: '/policyqa', label: 'policyqa.nav.list', icon: <UnorderedListOutlined />, permission: 'policyqa.read' }],
  routes: [{ path: '/policyqa', page: PolicyqaPage }],
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
      'policyqa.create': ['新增政策问答', 'New policy Q&A'],
      'policyqa.update': ['修改政策问答', 'Edit policy Q&A'],
      'policyqa.flag': ['政策问答待复核', 'Policy Q&A flagged for review'],
      'policyqa.review': ['复核政策问答', 'Review policy Q&A'],
    },
    entities: { policyqa_entry: ['政策问答', 'Policy Q&A'] },
  },
});
