import { DownOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Tag, type MenuProps } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n, type Locale } from '../i18n/i18n.tsx';
import { NotificationBell } from '../modules/notifications/NotificationBell.tsx';
import { BrandMark } from './BrandMark.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { useLogout, useSession, widestScope } from './session.ts';

/** Top bar: brand, the user's identity (name, org unit, area, data scope), language, profile, logout. */
export function AppHeader({ mobile, onOpenMenu }: { mobile: boolean; onOpenMenu: () => void }) {
  const { t, locale, setLocale } = useI18n();
  const me = useSession();
  const navigate = useNavigate();
  const logout = useLogout();
  const scope = widestScope(me);

  const doLogout = () => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <div className="mz-user-card">
          <strong>{me.user.displayName}</strong>
          <span>{me.orgUnit.name}</span>
          <span>
            {me.areaName}
            {scope ? ` · ${t(`scope.${scope}`)}` : ''}
          </span>
        </div>
      ),
    },
    { type: 'divider' },
    { key: 'profile', icon: <UserOutlined />, label: t('nav.profile') },
    ...(mobile ? [{ key: 'lang', label: locale === 'zh-CN' ? 'English' : '中文' } as const] : []),
    { key: 'logout', icon: <LogoutOutlined />, label: t('nav.logout'), danger: true },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'profile') navigate('/profile');
    if (key === 'logout') doLogout();
    if (key === 'lang') setLocale((locale === 'zh-CN' ? 'en-US' : 'zh-CN') as Locale);
  };

  return (
    <div className="mz-header">
      {mobile && <Button type="text" className="mz-header-icon" icon={<MenuOutlined />} aria-label={t('nav.menu')} onClick={onOpenMenu} />}
      <a
        className="mz-header-brand"
        href="/"
        onClick={(e) => {
          e.preventDefault();
          navigate('/');
        }}
      >
        <BrandMark name={mobile ? t('app.nameShort') : t('app.name')} org={mobile ? undefined : t('app.org')} dark />
      </a>
      <div className="mz-header-spacer" />
      {mobile && (
        <span className="mz-header-area-mobile" data-testid="header-identity">
          {me.areaName}
        </span>
      )}
      {!mobile && (
        <div className="mz-header-identity" data-testid="header-identity">
          <span className="mz-header-org">{me.orgUnit.name}</span>
          <span className="mz-header-area">{me.areaName}</span>
          {scope && (
            <Tag className="mz-scope-tag" data-testid="scope-badge">
              {t('common.titled', { a: t('scope.label'), b: t(`scope.${scope}`) })}
            </Tag>
          )}
        </div>
      )}
      {!mobile && <LanguageSwitch className="mz-header-lang" />}
      <NotificationBell />
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <Button type="text" className="mz-header-user" aria-label={mobile ? `${me.user.displayName} ${t('nav.profile')}` : undefined} data-testid="user-menu">
          <Avatar size={28} className="mz-avatar" aria-hidden="true">
            {me.user.displayName.slice(-2)}
          </Avatar>
          {!mobile && <span className="mz-header-username">{me.user.displayName}</span>}
          {!mobile && <DownOutlined style={{ fontSize: 10 }} />}
        </Button>
      </Dropdown>
    </div>
  );
}
