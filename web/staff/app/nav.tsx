import {
  AuditOutlined, BankOutlined, CalendarOutlined, ClusterOutlined, FileProtectOutlined, GlobalOutlined,
  HomeOutlined, LoginOutlined, MessageOutlined, NotificationOutlined, ReadOutlined, SafetyCertificateOutlined,
  SolutionOutlined, TeamOutlined, WalletOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/zh-CN.ts';

/** permission null: every signed-in user may open the page (editing inside may still need one). */
export type NavEntry = { path: string; label: MessageKey; icon: ReactNode; permission: string | null; desc?: MessageKey };

export const HOME_ENTRY = { path: '/', label: 'nav.home' as MessageKey, icon: <HomeOutlined /> };

/** Business modules still being built: shown disabled, never as fake pages. */
export const UPCOMING: { key: string; label: MessageKey; icon: ReactNode }[] = [
  { key: 'petition', label: 'nav.petition', icon: <MessageOutlined /> },
  { key: 'dibao', label: 'nav.dibao', icon: <WalletOutlined /> },
  { key: 'service', label: 'nav.service', icon: <SolutionOutlined /> },
  { key: 'social-org', label: 'nav.socialOrg', icon: <BankOutlined /> },
  { key: 'normative-doc', label: 'nav.normativeDoc', icon: <FileProtectOutlined /> },
  { key: 'enforcement', label: 'nav.enforcement', icon: <SafetyCertificateOutlined /> },
  { key: 'disclosure', label: 'nav.disclosure', icon: <NotificationOutlined /> },
  { key: 'annual-report', label: 'nav.annualReport', icon: <ReadOutlined /> },
];

/** 系统管理 entries, each shown only to holders of its permission. */
export const ADMIN_ENTRIES: NavEntry[] = [
  { path: '/admin/users', label: 'nav.users', icon: <TeamOutlined />, permission: 'user.read' },
  { path: '/admin/org-units', label: 'nav.orgUnits', icon: <ClusterOutlined />, permission: 'org.read' },
  { path: '/admin/areas', label: 'nav.areas', icon: <GlobalOutlined />, permission: 'area.read' },
  { path: '/admin/audit', label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
  { path: '/admin/login-log', label: 'nav.loginLog', icon: <LoginOutlined />, permission: 'loginlog.read' },
  // Everyone may read the calendar their deadlines are computed on; calendar.manage edits it.
  { path: '/admin/calendar', label: 'nav.calendar', icon: <CalendarOutlined />, permission: null },
];

/** The 系统管理 entries this user may open. */
export function visibleAdminEntries(can: (permission: string) => boolean): NavEntry[] {
  return ADMIN_ENTRIES.filter((e) => e.permission === null || can(e.permission));
}

/** The permission a 系统管理 page needs (one table for both the menu and the routes). */
export function permissionFor(path: string): string | null {
  const e = ADMIN_ENTRIES.find((x) => x.path === path);
  if (!e) throw new Error(`no admin entry for ${path}`);
  return e.permission;
}
