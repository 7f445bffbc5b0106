import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';
import type { RoleAssignment, UserDetail } from '../../shared/api-types.ts';
import { applyServerError } from '../../shared/form-errors.ts';
import { useDebounced } from '../../shared/use-debounced.ts';
import { useDelegate, useUserSearch } from './use-users.ts';

type Values = { toUserId: string; period: [Dayjs, Dayjs]; reason: string };

/** 代管: hand one role assignment to another user for a bounded period, with a reason. */
export function DelegationModal({ assignment, fromUser, onClose }: { assignment: RoleAssignment; fromUser: UserDetail; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const candidates = useUserSearch(useDebounced(q));
  const delegate = useDelegate();
  const [error, setError] = useState<string | null>(null);

  const onFinish = (v: Values) => {
    setError(null);
    delegate.mutate(
      {
        fromAssignmentId: assignment.id,
        toUserId: v.toUserId,
        // The server refuses a start in the past: a delegation starting today starts now.
        validFrom: (v.period[0].isSame(dayjs(), 'day') ? dayjs() : v.period[0].startOf('day')).toISOString(),
        validTo: v.period[1].endOf('day').toISOString(),
        reason: v.reason.trim(),
      },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          onClose();
        },
        onError: (e) => setError(e instanceof ApiError ? applyServerError(form, e, ['toUserId', 'reason']) : String(e)),
      },
    );
  };

  return (
    <Modal
      open
      title={t('common.titled', { a: t('role.delegateTitle'), b: assignment.roleName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      confirmLoading={delegate.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('role.delegateNote')} style={{ marginBottom: 16 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" name="delegation" onFinish={onFinish} initialValues={{ period: [dayjs(), dayjs().add(7, 'day')] }}>
        <Form.Item name="toUserId" label={t('role.delegateTo')} rules={[{ required: true, message: t('common.required', { f: t('role.delegateTo') }) }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            loading={candidates.isFetching}
            options={(candidates.data?.items ?? [])
              .filter((u) => u.id !== fromUser.id)
              .map((u) => ({ value: u.id, label: t('common.paren', { a: u.displayName, b: `${u.username} · ${u.orgUnit.name}` }) }))}
          />
        </Form.Item>
        <Form.Item name="period" label={t('role.delegatePeriod')} rules={[{ required: true }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day') || d.isAfter(dayjs().add(180, 'day'), 'day')} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('role.reason')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { f: t('role.reason') }) }, { max: 200 }]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('role.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
