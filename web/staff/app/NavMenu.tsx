import { Menu, Tag, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useT } from '../i18n/i18n.tsx';
import { HOME_ENTRY, UPCOMING, visibleAdminEntries } from './nav.tsx';
import { useCan } from './session.ts';

type Item = Required<MenuProps>['items'][number];

/** The module menu: 工作台, upcoming business modules (disabled), and permitted 系统管理 pages. */
export function NavMenu({ onNavigate, collapsed }: { onNavigate?: () => void; collapsed?: boolean }) {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const admin = visibleAdminEntries(can);
  // A case page belongs to the 工作台 it was opened from.
  const selected = admin.find((e) => pathname.startsWith(e.path))?.path ?? (pathname === '/' || pathname.startsWith('/cases/') ? '/' : pathname);

  const items: Item[] = [
    { key: HOME_ENTRY.path, icon: HOME_ENTRY.icon, label: t(HOME_ENTRY.label) },
    {
      type: 'group',
      key: 'business',
      label: collapsed ? null : t('nav.business'),
      children: UPCOMING.map((m) => ({
        key: `upcoming:${m.key}`,
        icon: m.icon,
        disabled: true,
        title: t('common.paren', { a: t(m.label), b: t('nav.building') }),
        label: (
          <span className="mz-menu-upcoming">
            <span>{t(m.label)}</span>
            <Tag className="mz-building-tag" variant="outlined">{t('nav.building')}</Tag>
          </span>
        ),
      })),
    },
  ];
  if (admin.length) {
    items.push({
      type: 'group',
      key: 'system',
      label: collapsed ? null : t('nav.system'),
      children: admin.map((e) => ({ key: e.path, icon: e.icon, label: t(e.label) })),
    });
  }
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[selected]}
      inlineCollapsed={collapsed}
      aria-label={t('nav.menu')}
      style={{ borderInlineEnd: 'none' }}
      onClick={({ key }) => {
        if (key.startsWith('upcoming:')) return;
        navigate(key);
        onNavigate?.();
      }}
    />
  );
}
