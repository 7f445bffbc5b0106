import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Popconfirm, Select, Tag, type TableProps } from 'antd';
import type { AssignmentStatus } from '../../shared/api-types.ts';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';
import type { RoleAssignment, RoleAssignmentInput, UserDetail } from '../../shared/api-types.ts';
import { formatDate } from '../../shared/format.ts';
import { OrgUnitSelect } from '../../shared/OrgUnitSelect.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { DelegationModal } from './DelegationModal.tsx';
import { useAddRole, useRemoveRole, useRoles, useUserRoles } from './use-users.ts';
import { LinkButton } from '../../shared/LinkButton.tsx';
import { DataTable } from '../../shared/DataTable.tsx';

/** A user's role assignments: list, add, remove, and delegate (代管) one to a colleague. */
export function UserRolesPanel({ user, canManage }: { user: UserDetail; canManage: boolean }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const roles = useUserRoles(user.id);
  const catalog = useRoles();
  const add = useAddRole(user.id);
  const remove = useRemoveRole(user.id);
  const [form] = Form.useForm<RoleAssignmentInput>();
  const [addError, setAddError] = useState<string | null>(null);
  const [delegating, setDelegating] = useState<RoleAssignment | null>(null);
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.title : String(e));

  const columns: TableProps<RoleAssignment>['columns'] = [
    {
      title: t('role.role'),
      dataIndex: 'roleName',
      render: (v, r) => (
        <div>
          {v}
          <AssignmentStatusTag status={r.status} />
          {r.delegatedBy && (
            <div className="mz-muted" style={{ fontSize: 12 }}>
              {t('role.delegatedFromName', { name: r.delegatedBy.displayName })}
            </div>
          )}
        </div>
      ),
    },
    { title: t('role.orgUnit'), key: 'org', ellipsis: true, render: (_, r) => r.orgUnit.name },
    { title: t('role.scope'), dataIndex: 'scope', width: 110, render: (s) => t(`scope.${s as 'org'}`) },
    {
      title: t('role.validity'),
      key: 'validity',
      width: 150,
      render: (_, r) => (r.validTo ? `${formatDate(r.validFrom)} ~ ${formatDate(r.validTo)}` : t('role.longTerm')),
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, r) => (
        <span className="mz-row-actions">
          {!r.delegatedBy && r.status === 'active' && <LinkButton onClick={() => setDelegating(r)}>{t('role.delegate')}</LinkButton>}
          {r.status !== 'revoked' && r.status !== 'expired' && (
            <Popconfirm title={t('role.confirmRemove')} onConfirm={() => remove.mutate(r.id, { onError: fail })}>
              <LinkButton danger>{t('role.remove')}</LinkButton>
            </Popconfirm>
          )}
        </span>
      ),
    });
  }

  const onAdd = (v: RoleAssignmentInput) => {
    setAddError(null);
    add.mutate(v, {
      onSuccess: () => {
        message.success(t('common.saved'));
        form.resetFields();
      },
      onError: (e) => setAddError(e instanceof ApiError ? e.title : String(e)),
    });
  };

  return (
    <div>
      {roles.isError && <QueryError error={roles.error} onRetry={() => roles.refetch()} />}
      <DataTable<RoleAssignment>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={roles.data}
        loading={roles.isFetching}
        pagination={false}
        locale={{ emptyText: t('role.none') }}
        scroll={{ x: 560 }}
      />
      {canManage && (
        <Card size="small" title={t('role.add')} className="mz-gap">
          {addError && <Alert type="error" showIcon title={addError} style={{ marginBottom: 12 }} />}
          <Form<RoleAssignmentInput>
            form={form}
            layout="vertical"
            name="add-role"
            initialValues={{ orgUnitId: user.orgUnit.id, scope: 'org' }}
            onFinish={onAdd}
          >
            <Form.Item name="roleCode" label={t('role.role')} rules={[{ required: true, message: t('common.required', { f: t('role.role') }) }]}>
              <Select
                loading={catalog.isPending}
                showSearch={{ optionFilterProp: 'label' }}
                options={(catalog.data?.items ?? []).map((r) => ({ value: r.code, label: locale === 'zh-CN' ? r.name : (r.nameEn ?? r.name) }))}
              />
            </Form.Item>
            <Form.Item name="orgUnitId" label={t('role.orgUnit')} rules={[{ required: true, message: t('common.required', { f: t('role.orgUnit') }) }]}>
              <OrgUnitSelect initialLabel={user.orgUnit.name} />
            </Form.Item>
            <Form.Item name="scope" label={t('role.scope')} rules={[{ required: true }]}>
              <Select options={(['self', 'org', 'subtree'] as const).map((s) => ({ value: s, label: t(`scope.${s}`) }))} />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending}>
              {t('role.add')}
            </Button>
          </Form>
        </Card>
      )}
      {delegating && <DelegationModal assignment={delegating} fromUser={user} onClose={() => setDelegating(null)} />}
    </div>
  );
}

const STATUS_COLOR: Record<AssignmentStatus, string> = { active: 'success', pending: 'processing', expired: 'default', revoked: 'default' };

function AssignmentStatusTag({ status }: { status: AssignmentStatus }) {
  const { t } = useI18n();
  if (status === 'active') return null;
  return (
    <Tag color={STATUS_COLOR[status]} style={{ marginLeft: 6 }}>
      {t(`role.status.${status}`)}
    </Tag>
  );
}
