import {
  AuditOutlined,
  CalendarOutlined,
  ClusterOutlined,
  DashboardOutlined,
  GlobalOutlined,
  HomeOutlined,
  LoginOutlined,
  ReadOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/zh-CN.ts';
import { WEB_MODULES } from '../modules/index.ts';

/** permission null: every signed-in user may open the page (editing inside may still need one). */
export type NavEntry = { path: string; label: MessageKey; icon: ReactNode; permission: string | null; desc?: MessageKey };

export const HOME_ENTRY = { path: '/', label: 'nav.home' as MessageKey, icon: <HomeOutlined /> };

/**
 * A business module's menu: a submenu of pages, each needing a permission. Each module owns
 * its entries in its manifest (`modules/<name>/index.tsx`); `WEB_MODULES` orders them.
 */
export type BusinessModule = {
  key: string;
  label: MessageKey;
  icon: ReactNode;
  entries: NavEntry[];
  caseTypes: string[];
  /** The menu page listing a case type's cases, where a module names one (CaseTypeWeb.list). */
  caseLists?: Record<string, string>;
};

/** The annual report is a kernel page (src/kernel/report): every module's figures in one report. */
const ANNUAL_REPORT: BusinessModule = {
  key: 'annual-report',
  label: 'nav.annualReport',
  icon: <ReadOutlined />,
  caseTypes: [],
  entries: [
    { path: '/dashboard', label: 'dashboard.nav', icon: <DashboardOutlined />, permission: null },
    { path: '/report', label: 'report.nav', icon: <ReadOutlined />, permission: 'report.read' },
  ],
};

export const BUSINESS_MODULES: BusinessModule[] = [
  ...WEB_MODULES.map((m) => ({
    key: m.key,
    label: m.label,
    icon: m.icon,
    entries: m.nav,
    caseTypes: Object.keys(m.caseTypes ?? {}),
    caseLists: Object.fromEntries(Object.entries(m.caseTypes ?? {}).flatMap(([type, web]) => (web.list ? [[type, web.list]] : []))),
  })),
  ANNUAL_REPORT,
];

/** The business pages this user may open, per module (modules with none are left out). */
export function visibleBusinessModules(can: (permission: string) => boolean): BusinessModule[] {
  return BUSINESS_MODULES.map((m) => ({ ...m, entries: m.entries.filter((e) => e.permission === null || can(e.permission)) })).filter(
    (m) => m.entries.length > 0,
  );
}

/** Business modules whose pages have not landed yet: shown disabled, never as fake pages. */
export const UPCOMING = BUSINESS_MODULES.filter((m) => m.entries.length === 0);

/**
 * 系统管理 entries, each shown in the menu only to holders of its permission; `admin` is the
 * permission of whoever administers it (a clerk or leader may read the users of the unit, only an
 * administrator gets the page among the home page's 常用功能).
 */
export const ADMIN_ENTRIES: (NavEntry & { admin: string })[] = [
  { path: '/admin/users', label: 'nav.users', icon: <TeamOutlined />, permission: 'user.read', admin: 'user.manage' },
  { path: '/admin/org-units', label: 'nav.orgUnits', icon: <ClusterOutlined />, permission: 'org.read', admin: 'org.manage' },
  { path: '/admin/areas', label: 'nav.areas', icon: <GlobalOutlined />, permission: 'area.read', admin: 'area.manage' },
  { path: '/admin/audit', label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read', admin: 'audit.verify' },
  { path: '/admin/login-log', label: 'nav.loginLog', icon: <LoginOutlined />, permission: 'loginlog.read', admin: 'loginlog.read' },
  // Everyone may read the calendar their deadlines are computed on; calendar.manage edits it.
  { path: '/admin/calendar', label: 'nav.calendar', icon: <CalendarOutlined />, permission: null, admin: 'calendar.manage' },
];

/** The overview a leader opens (every signed-in user may, but it is a leader's everyday page). */
const OVERVIEW: NavEntry & { permission: string } = { path: '/dashboard', label: 'dashboard.nav', icon: <DashboardOutlined />, permission: 'report.read' };

/**
 * The home page's 常用功能, fitting the role: the modules' everyday acts this user's permissions
 * make theirs (a clerk's 登记低保申请 and 登记信访, a leader's approvals and statistics), the
 * overview for leaders, and administration pages only for their administrators.
 */
export function homeShortcuts(can: (permission: string) => boolean): NavEntry[] {
  const acts = [...WEB_MODULES.flatMap((m): (NavEntry & { permission: string })[] => m.quick ?? []), OVERVIEW].filter((e) => can(e.permission));
  return [...acts, ...ADMIN_ENTRIES.filter((e) => can(e.admin))];
}

/** The 系统管理 entries this user may open. */
export function visibleAdminEntries(can: (permission: string) => boolean): NavEntry[] {
  return ADMIN_ENTRIES.filter((e) => e.permission === null || can(e.permission));
}

/** The permission a 系统管理 page needs (one table for both the menu and the routes). */
export function permissionFor(path: string): string | null {
  const e = [...ADMIN_ENTRIES, ...BUSINESS_MODULES.flatMap((m) => m.entries)].find((x) => x.path === path);
  if (!e) throw new Error(`no admin entry for ${path}`);
  return e.permission;
}
