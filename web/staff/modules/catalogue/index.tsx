import { AuditOutlined, BranchesOutlined, DiffOutlined, EyeOutlined, FileSearchOutlined, ProfileOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineWebModule } from '../../app/web-module.ts';
import { navZh } from './nav-i18n.ts';
import type { zh } from './i18n.ts';

const VersionsPage = lazy(() => import('./VersionsPage.tsx').then((m) => ({ default: m.VersionsPage })));
const ListsPage = lazy(() => import('./ListsPage.tsx').then((m) => ({ default: m.ListsPage })));
const DiffPage = lazy(() => import('./DiffPage.tsx').then((m) => ({ default: m.DiffPage })));
const PowersPage = lazy(() => import('./PowersPage.tsx').then((m) => ({ default: m.PowersPage })));
const SupervisionPage = lazy(() => import('./SupervisionPage.tsx').then((m) => ({ default: m.SupervisionPage })));
const InspectionsPage = lazy(() => import('./InspectionsPage.tsx').then((m) => ({ default: m.InspectionsPage })));

/** 政务服务事项: basic catalogue, implementation lists, 四级四同 check, power list, 互联网+监管. */
export const catalogue = defineWebModule<typeof navZh & typeof zh>({
  key: 'catalogue',
  label: 'catalogue.module',
  icon: <ProfileOutlined />,
  nav: [
    { path: '/catalogue', label: 'catalogue.nav.versions', icon: <ProfileOutlined />, permission: 'catalogue.read' },
    { path: '/catalogue/lists', label: 'catalogue.nav.lists', icon: <BranchesOutlined />, permission: 'catalogue.read' },
    { path: '/catalogue/diff', label: 'catalogue.nav.diff', icon: <DiffOutlined />, permission: 'catalogue.read' },
    { path: '/catalogue/powers', label: 'catalogue.nav.powers', icon: <AuditOutlined />, permission: 'catalogue.read' },
    { path: '/catalogue/supervision', label: 'catalogue.nav.supervision', icon: <EyeOutlined />, permission: 'catalogue.read' },
    { path: '/catalogue/inspections', label: 'catalogue.nav.inspections', icon: <FileSearchOutlined />, permission: 'catalogue.read' },
  ],
  routes: [
    { path: '/catalogue', page: VersionsPage },
    { path: '/catalogue/lists', page: ListsPage },
    { path: '/catalogue/diff', page: DiffPage },
    { path: '/catalogue/powers', page: PowersPage },
    { path: '/catalogue/supervision', page: SupervisionPage },
    { path: '/catalogue/inspections', page: InspectionsPage },
  ],
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
      'catalogue.version.create': ['编制基本目录版本', 'Draft catalogue version'],
      'catalogue.version.submit': ['提交基本目录版本审核', 'Submit catalogue version'],
      'catalogue.version.publish': ['审核发布基本目录版本', 'Publish catalogue version'],
      'catalogue.version.reject': ['退回基本目录版本', 'Return catalogue version'],
      'catalogue.office.register': ['登记实施主体', 'Register implementing office'],
      'catalogue.list.adopt': ['生成/更新实施清单', 'Adopt the catalogue'],
      'catalogue.list.update': ['修改实施清单', 'Edit list row'],
      'catalogue.list.revoke': ['取消实施清单事项', 'Revoke list row'],
      'catalogue.power.create': ['新增权力事项', 'Add power'],
      'catalogue.power.transfer': ['权力事项划转', 'Transfer power'],
      'catalogue.supervision.enter': ['录入监管事项', 'Enter supervision item'],
      'catalogue.supervision.approved': ['审核通过监管事项', 'Approve supervision item'],
      'catalogue.supervision.rejected': ['退回监管事项', 'Return supervision item'],
      'catalogue.inspection.approved': ['审核通过检查行为', 'Approve an inspection'],
      'catalogue.inspection.rejected': ['退回检查行为', 'Return an inspection'],
      'catalogue.inspection.record': ['报送行政检查行为', 'Report an inspection'],
    },
    entities: {
      catalogue_version: ['基本目录版本', 'Catalogue version'],
      catalogue_office: ['实施主体', 'Implementing office'],
      catalogue_implementation: ['实施清单事项', 'List row'],
      catalogue_power: ['权力事项', 'Power item'],
      catalogue_supervision: ['监管事项', 'Supervision item'],
      catalogue_inspection: ['行政检查行为', 'Inspection record'],
    },
  },
});
