import { FormOutlined, SettingOutlined, UnorderedListOutlined } from '@ant-design/icons';
import type { NavEntry } from '../../app/nav.tsx';

/** This module's pages in the 业务办理 menu (path, label key, icon, permission). */
export const PETITION_NAV: NavEntry[] = [
  { path: '/petitions', label: 'petitions.nav.list', icon: <UnorderedListOutlined />, permission: 'petition.read' },
  { path: '/petitions/new', label: 'petitions.nav.register', icon: <FormOutlined />, permission: 'petition.register' },
  { path: '/petitions/settings', label: 'petitions.nav.settings', icon: <SettingOutlined />, permission: 'petition.read' },
];
