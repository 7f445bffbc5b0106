import { ApartmentOutlined, AuditOutlined, FormOutlined, HomeOutlined, SyncOutlined, UnorderedListOutlined } from '@ant-design/icons';
import type { NavEntry } from '../../app/nav.tsx';

/** This module's pages in the 业务办理 menu (path, label key, icon, permission). */
export const DIBAO_NAV: NavEntry[] = [
  { path: '/dibao', label: 'dibao.nav.applications', icon: <UnorderedListOutlined />, permission: 'dibao.read' },
  { path: '/dibao/new', label: 'dibao.nav.register', icon: <FormOutlined />, permission: 'dibao.apply' },
  { path: '/dibao/households', label: 'dibao.nav.households', icon: <HomeOutlined />, permission: 'dibao.read' },
  { path: '/dibao/rechecks', label: 'dibao.nav.rechecks', icon: <SyncOutlined />, permission: 'dibao.read' },
  { path: '/dibao/spot-checks', label: 'dibao.nav.spotChecks', icon: <AuditOutlined />, permission: 'dibao.read' },
  { path: '/dibao/delegations', label: 'dibao.nav.delegations', icon: <ApartmentOutlined />, permission: 'dibao.read' },
];
