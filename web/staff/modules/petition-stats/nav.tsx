import { BarChartOutlined } from '@ant-design/icons';
import type { NavEntry } from '../../app/nav.tsx';

/** This module's pages in the 业务办理 menu (path, label key, icon, permission). */
export const PETITION_STATS_NAV: NavEntry[] = [
  { path: '/petitions/stats', label: 'petitionStats.nav', icon: <BarChartOutlined />, permission: 'petition.read' },
];
