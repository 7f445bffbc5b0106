import { AuditOutlined, BarChartOutlined, FormOutlined, MessageOutlined, ScheduleOutlined, SettingOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineWebModule } from '../../app/web-module.ts';
import { navZh } from './nav-i18n.ts';
import type { zh } from './i18n.ts';
import type { zh as statsZh } from './stats/i18n.ts';

const PetitionsPage = lazy(() => import('./PetitionsPage.tsx').then((m) => ({ default: m.PetitionsPage })));
const PetitionRegisterPage = lazy(() => import('./PetitionRegisterPage.tsx').then((m) => ({ default: m.PetitionRegisterPage })));
const PetitionSettingsPage = lazy(() => import('./PetitionSettingsPage.tsx').then((m) => ({ default: m.PetitionSettingsPage })));
const ReceptionLogPage = lazy(() => import('./ReceptionLogPage.tsx').then((m) => ({ default: m.ReceptionLogPage })));
const PetitionStatsPage = lazy(() => import('./stats/PetitionStatsPage.tsx').then((m) => ({ default: m.PetitionStatsPage })));

/** 信访事项: the console's web half of the petitions module. */
export const petitions = defineWebModule<typeof navZh & typeof zh & typeof statsZh>({
  key: 'petition',
  label: 'petitions.module',
  icon: <MessageOutlined />,
  nav: [
    { path: '/petitions', label: 'petitions.nav.list', icon: <UnorderedListOutlined />, permission: 'petition.read' },
    { path: '/petitions/new', label: 'petitions.nav.register', icon: <FormOutlined />, permission: 'petition.register' },
    { path: '/petitions/reception-log', label: 'petitions.nav.receptionLog', icon: <ScheduleOutlined />, permission: 'petition.read' },
    { path: '/petitions/settings', label: 'petitions.nav.settings', icon: <SettingOutlined />, permission: 'petition.read' },
    { path: '/petitions/stats', label: 'petitionStats.nav', icon: <BarChartOutlined />, permission: 'petition.read' },
  ],
  quick: [
    { path: '/petitions/new', label: 'petitions.nav.register', icon: <FormOutlined />, permission: 'petition.register' },
    { path: '/petitions?state=drafted', label: 'petitions.nav.toApprove', icon: <AuditOutlined />, permission: 'petition.approve' },
    { path: '/petitions/stats', label: 'petitionStats.nav', icon: <BarChartOutlined />, permission: 'petition.approve' },
  ],
  routes: [
    { path: '/petitions', page: PetitionsPage },
    { path: '/petitions/new', page: PetitionRegisterPage },
    { path: '/petitions/reception-log', page: ReceptionLogPage },
    { path: '/petitions/settings', page: PetitionSettingsPage },
    { path: '/petitions/stats', page: PetitionStatsPage },
  ],
  caseTypes: {
    petition: {
      panel: lazy(() => import('./PetitionCasePanel.tsx').then((m) => ({ default: m.PetitionCasePanel }))),
      // 《信访工作条例》 speaks of 转送 (and 交办), not 转办.
      handoffTerms: { transfer: '转送' },
      english: () => import('./english-labels.ts').then((m) => m.petitionLabelsEn),
    },
  },
  messages: {
    nav: navZh,
    zh: async () => {
      const [a, b] = await Promise.all([import('./i18n.ts'), import('./stats/i18n.ts')]);
      return { ...a.zh, ...b.zh };
    },
    en: async () => {
      const [n, a, b] = await Promise.all([import('./nav-i18n.en.ts'), import('./i18n.en.ts'), import('./stats/i18n.en.ts')]);
      return { ...n.navEn, ...a.en, ...b.en };
    },
  },
  audit: {
    actions: {
      'petition.lead': ['领导包案', 'Lead a petition'],
      'petition.rate': ['满意度评价', 'Satisfaction rating'],
      'petition.follow_up.schedule': ['安排回头看', 'Schedule follow-up'],
      'petition.follow_up.result': ['回头看结果', 'Follow-up result'],
      'petition.review_request.letter': ['登记复查复核请求', 'Register review request'],
      'petition.setting.update': ['修改信访设置', 'Update petition setting'],
      'petition.raise_objection': ['提出异议', 'Raise an objection'],
      'petition.decide_objection': ['核实异议', 'Decide on an objection'],
      'petition.serve_notice': ['记录告知书送达', 'Record notice service'],
      'petition.route_procedure': ['导入相应程序', 'Route into a procedure'],
    },
    entities: { petition: ['信访事项', 'Petition'], petition_setting: ['信访设置', 'Petition setting'] },
  },
});
