import { Drawer, Grid, Skeleton, Tabs } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { useUser } from './use-users.ts';
import { UserForm } from './UserForm.tsx';
import { UserRolesPanel } from './UserRolesPanel.tsx';

/** New user, or an existing one with tabs for basic information and role assignments. */
export function UserDrawer({ userId, canManage, onClose }: { userId: string | null; canManage: boolean; onClose: () => void }) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const [id, setId] = useState(userId);
  const [tab, setTab] = useState('basic');
  const user = useUser(id);

  const body = !id ? (
    <UserForm
      user={null}
      readOnly={!canManage}
      onSaved={(newId) => {
        setId(newId);
        setTab('roles');
      }}
    />
  ) : user.isPending ? (
    <Skeleton active />
  ) : user.isError ? (
    <QueryError error={user.error} onRetry={() => user.refetch()} />
  ) : (
    <Tabs
      activeKey={tab}
      onChange={setTab}
      items={[
        {
          key: 'basic',
          label: t('user.tab.basic'),
          children: <UserForm key={user.data.version} user={user.data} readOnly={!canManage} onSaved={() => undefined} />,
        },
        { key: 'roles', label: t('user.tab.roles'), children: <UserRolesPanel user={user.data} canManage={canManage} /> },
      ]}
    />
  );

  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.md ? 640 : '100%'}
      title={id ? `${t('user.edit')}${user.data ? ` · ${user.data.displayName}` : ''}` : t('user.create')}
      destroyOnHidden
    >
      {body}
    </Drawer>
  );
}
