import { BarChartOutlined, CloudUploadOutlined, FileDoneOutlined, SettingOutlined, TableOutlined } from '@ant-design/icons';
import type { NavEntry } from '../../app/nav.tsx';

/** This module's pages in the 业务办理 menu (path, label key, icon, permission). */
export const DIBAO_MONEY_NAV: NavEntry[] = [
  { path: '/dibao/rosters', label: 'dibaoMoney.nav.rosters', icon: <FileDoneOutlined />, permission: 'dibao.read' },
  { path: '/dibao/imports', label: 'dibaoMoney.nav.imports', icon: <CloudUploadOutlined />, permission: 'dibao.import' },
  { path: '/dibao/standards', label: 'dibaoMoney.nav.standards', icon: <TableOutlined />, permission: 'dibao.read' },
  { path: '/dibao/settings', label: 'dibaoMoney.nav.settings', icon: <SettingOutlined />, permission: 'dibao.read' },
  { path: '/dibao/stats', label: 'dibaoMoney.nav.stats', icon: <BarChartOutlined />, permission: 'dibao.read' },
];
