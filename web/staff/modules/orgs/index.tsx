import { AimOutlined, AuditOutlined, ImportOutlined, SafetyCertificateOutlined, TeamOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineWebModule } from '../../app/web-module.ts';
import { navZh } from './nav-i18n.ts';
import type { zh } from './i18n.ts';

const OrgsPage = lazy(() => import('./OrgsPage.tsx').then((m) => ({ default: m.OrgsPage })));
const OrgPage = lazy(() => import('./OrgPage.tsx').then((m) => ({ default: m.OrgPage })));
const SpotChecksPage = lazy(() => import('./SpotChecksPage.tsx').then((m) => ({ default: m.SpotChecksPage })));
const SupervisedPage = lazy(() => import('./SupervisedPage.tsx').then((m) => ({ default: m.SupervisedPage })));
const ImportPage = lazy(() => import('./ImportPage.tsx').then((m) => ({ default: m.ImportPage })));
const CreditListsPage = lazy(() => import('./CreditListsPage.tsx').then((m) => ({ default: m.CreditListsPage })));

/** 社会组织: the console's web half of the registry of social organizations. */
export const orgs = defineWebModule<typeof navZh & typeof zh>({
  key: 'orgs',
  label: 'orgs.module',
  icon: <TeamOutlined />,
  nav: [
    { path: '/orgs', label: 'orgs.nav.registry', icon: <UnorderedListOutlined />, permission: 'orgs.read' },
    { path: '/orgs/credit', label: 'orgs.nav.credit', icon: <SafetyCertificateOutlined />, permission: 'orgs.read' },
    { path: '/orgs/spot-checks', label: 'orgs.nav.spot', icon: <AimOutlined />, permission: 'orgs.read' },
    { path: '/orgs/supervised', label: 'orgs.nav.supervised', icon: <AuditOutlined />, permission: 'orgs.supervise' },
    { path: '/orgs/import', label: 'orgs.nav.import', icon: <ImportOutlined />, permission: 'orgs.register' },
  ],
  routes: [
    { path: '/orgs', page: OrgsPage },
    { path: '/orgs/credit', page: CreditListsPage },
    { path: '/orgs/spot-checks', page: SpotChecksPage },
    { path: '/orgs/supervised', page: SupervisedPage, permission: 'orgs.supervise' },
    { path: '/orgs/import', page: ImportPage, permission: 'orgs.register' },
    { path: '/orgs/:id', page: OrgPage, permission: 'orgs.read' },
  ],
  caseTypes: {
    orgs_establish: { english: () => import('./english-labels.ts').then((m) => m.establishLabelsEn) },
    orgs_change: { english: () => import('./english-labels.ts').then((m) => m.changeLabelsEn) },
    orgs_deregister: { english: () => import('./english-labels.ts').then((m) => m.deregisterLabelsEn) },
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
      'orgs.organization.register': ['社会组织登记', 'Register organization'],
      'orgs.organization.change': ['社会组织变更登记', 'Change registration'],
      'orgs.organization.deregister': ['社会组织注销登记', 'Deregister organization'],
      'orgs.organization.revoke': ['撤销登记', 'Revoke registration'],
      'orgs.import': ['导入社会组织登记信息', 'Import registry'],
      'orgs.inspection.record': ['年检登记', 'Record annual inspection'],
      'orgs.credit.list': ['列入信用名单', 'Put on a credit list'],
      'orgs.credit.remove': ['移出信用名单', 'Remove from a credit list'],
      'orgs.credit.auto_list': ['未按时报送年度工作报告，列入活动异常名录', 'Listed for a missing annual report'],
      'orgs.credit.auto_remove': ['自动移出活动异常名录', 'Automatic removal from the abnormal list'],
      'orgs.credit.auto_serious': ['满2年转入严重违法失信名单', 'Moved to the blacklist after two years'],
      'orgs.spot_check.commit': ['双随机抽查：公布种子承诺', 'Spot check: seed commitment published'],
      'orgs.spot_check.draw': ['双随机抽查：抽取', 'Spot check: draw'],
      'orgs.spot_check.reveal': ['双随机抽查：公布种子', 'Spot check: seed revealed'],
      'orgs.spot_check.inspect': ['双随机抽查：检查记录', 'Spot check: inspection record'],
      'orgs.spot_check.follow_up': ['双随机抽查：整改复查', 'Spot check: follow-up'],
      'orgs.supervisor.link': ['关联业务主管单位', 'Link the supervising unit'],
      'orgs.inspection.supervisor_opinion': ['业务主管单位初审意见', "Supervising unit's preliminary opinion"],
    },
    entities: {
      orgs_organization: ['社会组织', 'Social organization'],
      orgs_credit_listing: ['信用名单记录', 'Credit listing'],
      orgs_spot_check: ['双随机抽查', 'Random spot check'],
    },
  },
});
