import { MoreOutlined, PlusOutlined, SafetyCertificateTwoTone } from '@ant-design/icons';
import { Button, Card, Dropdown, Input, Select, type TableProps } from 'antd';
import { useState } from 'react';
import { useCan } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import type { UserFilters, UserListItem } from '../../shared/api-types.ts';
import { formatDateTime } from '../../shared/format.ts';
import { OrgUnitSelect } from '../../shared/OrgUnitSelect.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { RoleTags } from '../../shared/RoleTags.tsx';
import { useUserActionsUi } from './use-user-actions-ui.tsx';
import { useUsers } from './use-users.ts';
import { UserDrawer } from './UserDrawer.tsx';
import { UserStatusTag } from './UserStatusTag.tsx';
import { LinkButton } from '../../shared/LinkButton.tsx';
import { DataTable } from '../../shared/DataTable.tsx';

export function UsersPage() {
  const t = useT();
  const can = useCan();
  const manage = can('user.manage');
  const [filters, setFilters] = useState<UserFilters>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const users = useUsers(filters);
  const actions = useUserActionsUi();
  const set = (patch: Partial<UserFilters>) => setFilters((f) => ({ ...f, ...patch, page: patch.page ?? 1 }));

  const columns: TableProps<UserListItem>['columns'] = [
    {
      title: t('user.displayName'),
      key: 'name',
      render: (_, u) => (
        <div>
          <LinkButton onClick={() => setEditing({ id: u.id })}>{u.displayName}</LinkButton>
          <div className="mz-muted mz-mono">{u.username}</div>
        </div>
      ),
    },
    {
      title: t('user.orgAndArea'),
      key: 'org',
      render: (_, u) => (
        <div className="mz-user-where">
          <span>{u.orgUnit.name}</span>
          <span className="mz-muted">{u.areaName ?? u.areaCode}</span>
        </div>
      ),
    },
    { title: t('user.roles'), key: 'roles', render: (_, u) => <RoleTags roles={u.roles} /> },
    { title: t('user.phone'), dataIndex: 'phoneMasked', width: 130, responsive: ['md'], render: (v) => v ?? '—' },
    { title: t('user.status'), key: 'status', width: 90, render: (_, u) => <UserStatusTag user={u} /> },
    {
      title: t('user.totp'),
      dataIndex: 'totpEnabled',
      width: 100,
      responsive: ['lg'],
      render: (v: boolean) =>
        v ? (
          <span>
            <SafetyCertificateTwoTone twoToneColor="#52c41a" /> {t('profile.totpOn')}
          </span>
        ) : (
          <span className="mz-muted">{t('profile.totpOff')}</span>
        ),
    },
    {
      title: t('user.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 170,
      responsive: ['md'],
      render: (v) => (v ? formatDateTime(v) : <span className="mz-muted">{t('user.never')}</span>),
    },
  ];
  if (manage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, u) => (
        <span className="mz-row-actions">
          <LinkButton onClick={() => setEditing({ id: u.id })}>{t('common.edit')}</LinkButton>
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                u.status === 'active' ? { key: 'disable', label: t('user.disable'), danger: true } : { key: 'enable', label: t('user.enable') },
                ...(u.locked ? [{ key: 'unlock', label: t('user.unlock') }] : []),
                { key: 'reset-password', label: t('user.resetPassword') },
                ...(u.totpEnabled ? [{ key: 'reset-totp', label: t('user.resetTotp') }] : []),
              ],
              onClick: ({ key }) => actions.confirm(u, key as 'disable'),
            }}
          >
            <Button type="text" size="small" icon={<MoreOutlined />} aria-label={`${t('common.more')} ${u.displayName}`} />
          </Dropdown>
        </span>
      ),
    });
  }

  return (
    <div className="mz-page">
      <PageHeader
        title={t('nav.users')}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ id: null })}>
              {t('user.create')}
            </Button>
          )
        }
      />
      <Card className="mz-card">
        <div className="mz-filters">
          <Input.Search
            allowClear
            placeholder={t('user.searchPlaceholder')}
            aria-label={t('user.searchPlaceholder')}
            onSearch={(q) => set({ q: q.trim() || undefined })}
            style={{ width: 220 }}
          />
          <OrgUnitSelect
            allowClear
            placeholder={t('user.orgUnit')}
            aria-label={t('user.orgUnit')}
            value={filters.orgUnitId}
            onChange={(v) => set({ orgUnitId: v })}
            style={{ width: 240 }}
          />
          <Select
            allowClear
            placeholder={t('user.status')}
            aria-label={t('user.status')}
            value={filters.status}
            onChange={(v) => set({ status: v })}
            style={{ width: 120 }}
            options={[
              { value: 'active', label: t('user.status.active') },
              { value: 'disabled', label: t('user.status.disabled') },
              { value: 'locked', label: t('user.status.locked') },
            ]}
          />
        </div>
        {users.isError && <QueryError error={users.error} onRetry={() => users.refetch()} />}
        <DataTable<UserListItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={users.data?.items}
          loading={users.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: users.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => t('common.total', { n }),
            onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
          }}
        />
      </Card>
      {editing && <UserDrawer userId={editing.id} canManage={manage} onClose={() => setEditing(null)} />}
    </div>
  );
}
