import { LeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useLayoutEffect } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useT } from '../i18n/i18n.tsx';
import { caseKey } from '../modules/cases/use-case.ts';
import { api } from '../shared/api.ts';
import type { CaseDetail } from '../shared/api-types.ts';
import { useRecordTitle } from '../shared/record-title.ts';
import { backTarget, isRecordPage, placeOf, trailFor, type Origin } from './breadcrumbs.ts';

/**
 * The trail under the header (工作台 › module › page › record) with 「返回」 on a record's page, built
 * from the modules' menu entries and the origin the shell keeps in the location state. On a phone it
 * stays on one line: the last two items. It tells the shell the menu page it places the page under
 * (`onPlace`), so the menu highlights what the trail names.
 */
export function Breadcrumbs({ mobile, onPlace }: { mobile: boolean; onPlace: (menuPath: string | undefined) => void }) {
  const t = useT();
  const { pathname, state } = useLocation();
  const origin = state as Origin | null;
  const caseId = /^\/cases\/([^/]+)$/.exec(pathname)?.[1];
  // Reads the case the page loads (same cache entry), never fetches it itself (enabled: false). Its queryFn is the
  // page's own: with skipToken here, the page's refetch after a step (invalidation) ran this observer's options and
  // failed (「加载失败」 on the case page after 会签).
  const c = useQuery<CaseDetail>({ queryKey: caseKey(caseId ?? ''), queryFn: () => api.case(caseId!), enabled: false }).data;
  const place = { origin, record: caseId && c ? { type: c.type, refNo: c.refNo } : null };
  const recordTitle = useRecordTitle(pathname);
  const crumbs = trailFor(pathname, { t, recordTitle, ...place });
  const menuPath = placeOf(pathname, place)?.entry.path;
  // Before the page paints, so the menu never shows the previous page's item beside this trail.
  useLayoutEffect(() => onPlace(menuPath), [menuPath, onPlace]);
  if (crumbs.length === 0) return null;
  const shown = mobile && crumbs.length > 2 ? crumbs.slice(-2) : crumbs;
  return (
    <nav className="mz-crumbs" aria-label={t('nav.trail')} data-testid="breadcrumbs">
      {isRecordPage(pathname) && (
        <Link to={backTarget(crumbs, origin)} className="mz-back" data-testid="back-link">
          <LeftOutlined /> {t('nav.back')}
        </Link>
      )}
      <ol>
        {shown.length < crumbs.length && <li aria-hidden="true">…</li>}
        {shown.map((x, i) => (
          <li key={i}>{x.to ? <Link to={x.to}>{x.label}</Link> : <span aria-current={i === shown.length - 1 ? 'page' : undefined}>{x.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}
