import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CloudUploadOutlined,
  FileDoneOutlined,
  FormOutlined,
  HomeOutlined,
  NotificationOutlined,
  SettingOutlined,
  SyncOutlined,
  TableOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import { defineWebModule } from '../../app/web-module.ts';
import { navZh } from './nav-i18n.ts';
import type { zh } from './i18n.ts';
import type { zh as moneyZh } from './money/i18n.ts';
import type { zh as stepsZh } from './i18n-steps.ts';

const DibaoListPage = lazy(() => import('./DibaoListPage.tsx').then((m) => ({ default: m.DibaoListPage })));
const DibaoRegisterPage = lazy(() => import('./DibaoRegisterPage.tsx').then((m) => ({ default: m.DibaoRegisterPage })));
const HouseholdsPage = lazy(() => import('./HouseholdsPage.tsx').then((m) => ({ default: m.HouseholdsPage })));
const HouseholdPage = lazy(() => import('./HouseholdsPage.tsx').then((m) => ({ default: m.HouseholdPage })));
const SpotChecksPage = lazy(() => import('./SpotChecksPage.tsx').then((m) => ({ default: m.SpotChecksPage })));
const SpotCheckPage = lazy(() => import('./SpotChecksPage.tsx').then((m) => ({ default: m.SpotCheckPage })));
const RechecksPage = lazy(() => import('./RechecksPage.tsx').then((m) => ({ default: m.RechecksPage })));
const PublicationsPage = lazy(() => import('./PublicationsPage.tsx').then((m) => ({ default: m.PublicationsPage })));
const RelativeFilingsPage = lazy(() => import('./RelativeFilingsPage.tsx').then((m) => ({ default: m.RelativeFilingsPage })));
const DelegationsPage = lazy(() => import('./DelegationsPage.tsx').then((m) => ({ default: m.DelegationsPage })));
const RostersPage = lazy(() => import('./money/RostersPage.tsx').then((m) => ({ default: m.RostersPage })));
const RosterPage = lazy(() => import('./money/RosterPage.tsx').then((m) => ({ default: m.RosterPage })));
const ImportsPage = lazy(() => import('./money/ImportsPage.tsx').then((m) => ({ default: m.ImportsPage })));
const StandardsPage = lazy(() => import('./money/StandardsPage.tsx').then((m) => ({ default: m.StandardsPage })));
const SettingsPage = lazy(() => import('./money/SettingsPage.tsx').then((m) => ({ default: m.SettingsPage })));
const StatsPage = lazy(() => import('./money/StatsPage.tsx').then((m) => ({ default: m.StatsPage })));

/** 低保救助: the console's web half of the minimum-living-allowance module. */
export const dibao = defineWebModule<typeof navZh & typeof zh & typeof moneyZh & typeof stepsZh>({
  key: 'dibao',
  label: 'dibao.module',
  icon: <WalletOutlined />,
  nav: [
    { path: '/dibao', label: 'dibao.nav.applications', icon: <UnorderedListOutlined />, permission: 'dibao.read' },
    { path: '/dibao/new', label: 'dibao.nav.register', icon: <FormOutlined />, permission: 'dibao.apply' },
    { path: '/dibao/households', label: 'dibao.nav.households', icon: <HomeOutlined />, permission: 'dibao.read' },
    { path: '/dibao/rechecks', label: 'dibao.nav.rechecks', icon: <SyncOutlined />, permission: 'dibao.read' },
    { path: '/dibao/spot-checks', label: 'dibao.nav.spotChecks', icon: <AuditOutlined />, permission: 'dibao.read' },
    { path: '/dibao/publications', label: 'dibao.nav.publications', icon: <NotificationOutlined />, permission: 'dibao.read' },
    { path: '/dibao/relative-filings', label: 'dibao.nav.filings', icon: <TeamOutlined />, permission: 'dibao.read' },
    { path: '/dibao/delegations', label: 'dibao.nav.delegations', icon: <ApartmentOutlined />, permission: 'dibao.read' },
    { path: '/dibao/rosters', label: 'dibaoMoney.nav.rosters', icon: <FileDoneOutlined />, permission: 'dibao.read' },
    { path: '/dibao/imports', label: 'dibaoMoney.nav.imports', icon: <CloudUploadOutlined />, permission: 'dibao.import' },
    { path: '/dibao/standards', label: 'dibaoMoney.nav.standards', icon: <TableOutlined />, permission: 'dibao.read' },
    { path: '/dibao/settings', label: 'dibaoMoney.nav.settings', icon: <SettingOutlined />, permission: 'dibao.read' },
    { path: '/dibao/stats', label: 'dibaoMoney.nav.stats', icon: <BarChartOutlined />, permission: 'dibao.read' },
  ],
  quick: [
    { path: '/dibao/new', label: 'dibao.nav.register', icon: <FormOutlined />, permission: 'dibao.apply' },
    { path: '/dibao?state=awaiting_confirm', label: 'dibao.nav.toConfirm', icon: <AuditOutlined />, permission: 'dibao.confirm' },
    { path: '/dibao/rosters', label: 'dibaoMoney.nav.rosters', icon: <FileDoneOutlined />, permission: 'dibao.roster_approve' },
    { path: '/dibao/stats', label: 'dibaoMoney.nav.stats', icon: <BarChartOutlined />, permission: 'dibao.confirm' },
  ],
  routes: [
    { path: '/dibao', page: DibaoListPage },
    { path: '/dibao/new', page: DibaoRegisterPage },
    { path: '/dibao/households', page: HouseholdsPage },
    // A detail page has no menu entry of its own: the list's permission guards it.
    { path: '/dibao/households/:id', page: HouseholdPage, permission: 'dibao.read' },
    { path: '/dibao/delegations', page: DelegationsPage },
    { path: '/dibao/publications', page: PublicationsPage },
    { path: '/dibao/relative-filings', page: RelativeFilingsPage },
    { path: '/dibao/spot-checks', page: SpotChecksPage },
    { path: '/dibao/spot-checks/:id', page: SpotCheckPage, permission: 'dibao.read' },
    { path: '/dibao/rechecks', page: RechecksPage },
    { path: '/dibao/rosters', page: RostersPage },
    { path: '/dibao/rosters/:id', page: RosterPage, permission: 'dibao.read' },
    { path: '/dibao/imports', page: ImportsPage },
    { path: '/dibao/standards', page: StandardsPage },
    { path: '/dibao/settings', page: SettingsPage },
    { path: '/dibao/stats', page: StatsPage },
  ],
  caseTypes: {
    dibao: {
      panel: lazy(() => import('./DibaoCasePanel.tsx').then((m) => ({ default: m.DibaoCasePanel }))),
      english: () => import('./english-labels.ts').then((m) => m.dibaoLabelsEn),
    },
    dibao_recheck: { list: '/dibao/rechecks', english: () => import('./english-labels.ts').then((m) => m.recheckLabelsEn) },
  },
  messages: {
    nav: navZh,
    zh: async () => {
      const [a, b, c] = await Promise.all([import('./i18n.ts'), import('./money/i18n.ts'), import('./i18n-steps.ts')]);
      return { ...a.zh, ...b.zh, ...c.zh };
    },
    en: async () => {
      const [n, a, b, c] = await Promise.all([import('./nav-i18n.en.ts'), import('./i18n.en.ts'), import('./money/i18n.en.ts'), import('./i18n-steps.en.ts')]);
      return { ...n.navEn, ...a.en, ...b.en, ...c.en };
    },
  },
  audit: {
    actions: {
      'dibao.delegation.add': ['委托乡镇审核', 'Delegate review'],
      'dibao.publish': ['低保公布', 'Publish approved household'],
      'dibao.county_visit': ['县级入户核查（近亲属备案）', 'County home visit (staff relative)'],
      'dibao.import': ['导入名册', 'Import roster'],
      'dibao.roster.generate': ['生成发放名册', 'Generate roster'],
      'dibao.roster.check': ['核对发放名册', 'Check roster'],
      'dibao.roster.approve': ['审批发放名册', 'Approve roster'],
      'dibao.settings.update': ['修改低保设置', 'Update dibao setting'],
      'dibao.spot_check.draw': ['抽取抽查对象', 'Draw spot check'],
      'dibao.spot_check.visit': ['记录抽查走访', 'Record spot-check visit'],
      'dibao.standard.create': ['新增保障标准', 'Add standard'],
    },
    entities: {
      dibao_delegation: ['低保委托', 'Dibao delegation'],
      dibao_household: ['低保家庭', 'Dibao household'],
      dibao_import_batch: ['名册导入批次', 'Import batch'],
      dibao_roster: ['发放名册', 'Roster'],
      dibao_setting: ['低保设置', 'Dibao setting'],
      dibao_spot_check: ['抽查', 'Spot check'],
      dibao_standard: ['保障标准', 'Standard'],
    },
  },
});
