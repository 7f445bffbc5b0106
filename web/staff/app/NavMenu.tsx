import { Menu, Tag, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useT } from '../i18n/i18n.tsx';
import { HOME_ENTRY, UPCOMING, visibleAdminEntries, visibleBusinessModules } from './nav.tsx';
import { useCan } from './session.ts';

type Item = Required<MenuProps>['items'][number];

/** The module menu: 工作台, upcoming business modules (disabled), and permitted 系统管理 pages. */
export function NavMenu({ onNavigate, collapsed }: { onNavigate?: () => void; collapsed?: boolean }) {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const admin = visibleAdminEntries(can);
  const business = visibleBusinessModules(can);
  const pages = [...admin, ...business.flatMap((m) => m.entries)];
  // The longest matching entry wins (/x/stats over /x); a case page belongs to the 工作台.
  const selected =
    pages.filter((e) => pathname === e.path || pathname.startsWith(`${e.path}/`)).sort((a, b) => b.path.length - a.path.length)[0]?.path ??
    (pathname === '/' || pathname.startsWith('/cases/') ? '/' : pathname);
  const openModule = business.find((m) => m.entries.some((e) => e.path === selected))?.key;

  const items: Item[] = [
    { key: HOME_ENTRY.path, icon: HOME_ENTRY.icon, label: t(HOME_ENTRY.label) },
    {
      type: 'group',
      key: 'business',
      label: collapsed ? null : t('nav.business'),
      children: [
        ...business.map((m) => ({
          key: `module:${m.key}`,
          icon: m.icon,
          label: t(m.label),
          children: m.entries.map((e) => ({ key: e.path, icon: e.icon, label: t(e.label) })),
        })),
        ...UPCOMING.map((m) => ({
          key: `upcoming:${m.key}`,
          icon: m.icon,
          disabled: true,
          title: t('common.paren', { a: t(m.label), b: t('nav.building') }),
          label: (
            <span className="mz-menu-upcoming">
              <span>{t(m.label)}</span>
              <Tag className="mz-building-tag" variant="outlined">
                {t('nav.building')}
              </Tag>
            </span>
          ),
        })),
      ],
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
      defaultOpenKeys={openModule ? [`module:${openModule}`] : []}
      inlineCollapsed={collapsed}
      aria-label={t('nav.menu')}
      style={{ borderInlineEnd: 'none' }}
      onClick={({ key }) => {
        if (key.startsWith('upcoming:') || key.startsWith('module:')) return;
        navigate(key);
        onNavigate?.();
      }}
    />
  );
}
