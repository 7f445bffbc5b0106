import { Menu, Tag, type MenuProps } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../i18n/i18n.tsx';
import { HOME_ENTRY, UPCOMING, visibleAdminEntries, visibleBusinessModules } from './nav.tsx';
import { useCan } from './session.ts';

type Item = Required<MenuProps>['items'][number];

/**
 * The module menu: 工作台, upcoming business modules (disabled), and permitted 系统管理 pages.
 * `selected` is the menu page the shown page belongs to — the trail's rule (breadcrumbs.ts placeOf:
 * a 信访 case is under 信访事项) — and its module opens.
 */
export function NavMenu({ selected, onNavigate, collapsed }: { selected?: string; onNavigate?: () => void; collapsed?: boolean }) {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const admin = visibleAdminEntries(can);
  const business = visibleBusinessModules(can);
  const current = business.find((m) => m.entries.some((e) => e.path === selected));
  const openModule = current && `module:${current.key}`;
  const [open, setOpen] = useState(openModule ? [openModule] : []);
  // The shown page's module opens (a case reached from the worklist too); the others stay as the user left them.
  // Collapsed, a submenu is a flyout: it opens on hover only.
  useEffect(() => {
    if (openModule && !collapsed) setOpen((keys) => (keys.includes(openModule) ? keys : [...keys, openModule]));
  }, [openModule, collapsed]);

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
      selectedKeys={selected ? [selected] : []}
      openKeys={open}
      onOpenChange={setOpen}
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
