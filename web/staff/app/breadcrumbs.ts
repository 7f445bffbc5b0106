import type { MessageKey } from '../i18n/zh-CN.ts';
import { ADMIN_ENTRIES, BUSINESS_MODULES, HOME_ENTRY, type NavEntry } from './nav.tsx';

/** One item of the trail under the header; the current page's has no link. */
export type Crumb = { label: string; to?: string };

/**
 * Where the user came from, kept in the router's location state of the page they went to (the
 * shell writes it on every push, AppLayout.tsx): `from` is the previous address, `list` the last
 * menu page on the way (a register with its filters and page in the address), carried over from
 * record to record.
 */
export type Origin = { from?: string; list?: string };

/** The record a case page shows, once loaded. */
export type CaseRecord = { type: string; refNo: string };

type Section = { label: MessageKey; entries: NavEntry[]; caseTypes: string[]; caseLists?: Record<string, string> };

/** Every menu page under its section: the business modules' manifests and 系统管理. */
const SECTIONS: Section[] = [...BUSINESS_MODULES, { label: 'nav.system', entries: ADMIN_ENTRIES, caseTypes: [] }];

const pathOf = (address: string) => address.split(/[?#]/)[0] ?? address;

/** The menu page an address is or lies under (the longest match: /petitions/new over /petitions). */
export function menuPageOf(address: string): { section: Section; entry: NavEntry } | undefined {
  const path = pathOf(address);
  let best: { section: Section; entry: NavEntry } | undefined;
  for (const section of SECTIONS)
    for (const entry of section.entries)
      if ((path === entry.path || path.startsWith(`${entry.path}/`)) && entry.path.length > (best?.entry.path.length ?? 0)) best = { section, entry };
  return best;
}

type Place = { origin?: Origin | null; record?: CaseRecord | null };
/** A register's record page names itself in the trail by its header's title (record-title.ts). */
type TrailOptions = { t: (key: MessageKey) => string; recordTitle?: string } & Place;

/**
 * The menu page a console page belongs to — one rule for the trail and the menu's selected item
 * (NavMenu): a menu page or a page under it by its address; a case, the module declaring its type
 * (on the list the user came from when it is that module's, else the page listing its type or the module's first page), or for
 * a type no module declares (or before the case has loaded), the list the user came from.
 */
export function placeOf(pathname: string, { origin, record }: Place): { section: Section; entry: NavEntry } | undefined {
  if (!pathname.startsWith('/cases/')) return menuPageOf(pathname);
  const cameFrom = origin?.list ? menuPageOf(origin.list) : undefined;
  const section = (record && SECTIONS.find((s) => s.caseTypes.includes(record.type))) || cameFrom?.section;
  const listed = record && section?.caseLists?.[record.type];
  const entry = section && (cameFrom?.section === section ? cameFrom.entry : (section.entries.find((e) => e.path === listed) ?? section.entries[0]));
  return section && entry ? { section, entry } : undefined;
}

/**
 * The trail of a console page: 工作台 › module › page › record, the module and page where placeOf
 * puts it. A page's item links to the list the user came from when it is that page (its filters
 * and page kept), else to the page itself. Empty on the home page.
 */
export function trailFor(pathname: string, opts: TrailOptions): Crumb[] {
  const { t } = opts;
  if (pathname === '/') return [];
  const home: Crumb = { label: t(HOME_ENTRY.label), to: '/' };
  if (pathname === '/profile') return [home, { label: t('nav.profile') }];
  if (pathname.startsWith('/laws/')) return [home, { label: t('nav.laws') }, { label: decodeURIComponent(pathname.slice('/laws/'.length)) }];

  const list = opts.origin?.list;
  const isCase = pathname.startsWith('/cases/');
  const at = placeOf(pathname, opts);
  const crumbs = [home];
  if (at) {
    const page = t(at.entry.label);
    // A module whose list bears its own name (信访事项 › 信访事项) is named once.
    if (t(at.section.label) !== page) crumbs.push({ label: t(at.section.label) });
    const onPage = pathname === at.entry.path;
    crumbs.push({ label: page, to: onPage ? undefined : list && menuPageOf(list)?.entry === at.entry ? list : at.entry.path });
  }
  if (isCase) {
    if (opts.record) crumbs.push({ label: opts.record.refNo });
  } else if (at && pathname !== at.entry.path) crumbs.push({ label: opts.recordTitle ?? t('nav.record') });
  return crumbs;
}

/** A record's page (a case, a register's detail route, a law): it shows 「返回」 beside the trail. */
export function isRecordPage(pathname: string): boolean {
  if (pathname.startsWith('/cases/') || pathname.startsWith('/laws/')) return true;
  const at = menuPageOf(pathname);
  return !!at && pathname !== at.entry.path;
}

/**
 * The origin to keep with a page pushed after `before`: `from` is `before`'s address; `list` is it
 * when `before` is a menu page, the one `before` kept when it is a record's page, else none.
 */
export function originAfter(before: { pathname: string; search: string; state: unknown }): Origin {
  const from = before.pathname + before.search;
  if (menuPageOf(before.pathname)?.entry.path === before.pathname) return { from, list: from };
  const list = isRecordPage(before.pathname) ? (before.state as Origin | null)?.list : undefined;
  return list ? { from, list } : { from };
}

/** Where 「返回」 leads: the address the user came from, else the trail's nearest linked item. */
export function backTarget(crumbs: Crumb[], origin?: Origin | null): string {
  return origin?.from ?? crumbs.findLast((c, i) => c.to && i < crumbs.length - 1)?.to ?? '/';
}
