import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, Select, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { useCan } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { dibaoApi, type Delegation } from './api.ts';
import './dibao.css';
import { DataTable } from '../../shared/DataTable.tsx';

/** 审批权下放: every county's regime with dates and documents; add a regime with an effective date. */
export function DelegationsPage() {
  const t = useT();
  const can = useCan();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const list = useQuery({ queryKey: ['dibao', 'delegations'], queryFn: () => dibaoApi.delegations() });
  const add = useMutation({
    mutationFn: (v: any) => dibaoApi.addDelegation({ ...v, effectiveFrom: v.effectiveFrom?.format('YYYY-MM-DD') }),
    onSuccess: () => {
      message.success(t('dibao.dg.saved'));
      setError(null);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['dibao', 'delegations'] });
    },
    onError: (e) => setError(e instanceof ApiError ? e.title : String(e)),
  });
  const level = (a: string) => (
    <Tag color={a === 'township' ? 'purple' : 'geekblue'}>{t(a === 'township' ? 'dibao.level.township' : 'dibao.level.county')}</Tag>
  );
  const columns: TableProps<Delegation>['columns'] = [
    {
      title: t('dibao.dg.county'),
      dataIndex: 'countyName',
      render: (v: string, r) => (
        <span>
          {v} <span className="mz-muted mz-mono">{r.countyCode}</span>
          <div className="mz-muted mz-db-small">{r.cityName}</div>
        </span>
      ),
    },
    {
      title: t('dibao.dg.current'),
      dataIndex: 'authority',
      render: (v: string, r) => (
        <>
          {level(v)}
          {r.upcoming && (
            <div className="mz-db-small">
              {r.upcoming.effectiveFrom} 起：{level(r.upcoming.authority)}
            </div>
          )}
        </>
      ),
    },
    { title: t('dibao.dg.since'), dataIndex: 'since', render: (v: string | null) => v ?? '—' },
    { title: t('dibao.dg.document'), dataIndex: 'document', render: (v: string | null) => v ?? '（默认：县级民政部门审核确认）' },
    { title: t('dibao.dg.note'), dataIndex: 'note', render: (v: string | null) => (v ? <Tag color={v.includes('准备') ? 'gold' : 'default'}>{v}</Tag> : null) },
    {
      title: t('dibao.dg.history'),
      dataIndex: 'history',
      render: (h: Delegation['history']) =>
        h.map((x) => (
          <div key={x.id} className="mz-db-small">
            {x.effectiveFrom} {x.authority === 'township' ? '乡镇确认' : '县级确认'}
          </div>
        )),
    },
  ];
  return (
    <div className="mz-page">
      <PageHeader title={t('dibao.dg.title')} desc={t('dibao.dg.desc')} />
      {can('dibao.configure') && (
        <Card className="mz-card" title={t('dibao.dg.add')} style={{ marginBottom: 12 }}>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
          <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)}>
            <div className="mz-db-grid">
              <Form.Item name="countyCode" label={t('dibao.dg.county')} rules={[{ required: true, message: '请选择县（区）' }]}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={(list.data?.items ?? []).map((c) => ({ value: c.countyCode, label: `${c.cityName ?? ''} ${c.countyName}` }))}
                />
              </Form.Item>
              <Form.Item name="authority" label={t('dibao.dg.authority')} rules={[{ required: true, message: '请选择审批层级' }]}>
                <Select
                  options={[
                    { value: 'township', label: t('dibao.level.township') },
                    { value: 'county', label: t('dibao.level.county') },
                  ]}
                />
              </Form.Item>
              <Form.Item name="effectiveFrom" label={t('dibao.dg.effectiveFrom')} rules={[{ required: true, message: '请选择生效日期' }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </div>
            <Form.Item name="document" label={t('dibao.dg.document')} rules={[{ required: true, min: 2, message: '请填写授权文件' }]}>
              <Input />
            </Form.Item>
            <Form.Item name="note" label={t('dibao.dg.note')}>
              <Input />
            </Form.Item>
            <Button type="primary" htmlType="button" onClick={() => form.submit()} loading={add.isPending}>
              {t('dibao.dg.add')}
            </Button>
          </Form>
        </Card>
      )}
      <Card className="mz-card">
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <DataTable<Delegation>
            rowKey="countyCode"
            size="small"
            loading={list.isPending}
            dataSource={list.data?.items ?? []}
            columns={columns}
            pagination={false}
            scroll={{ x: 900 }}
          />
        )}
      </Card>
    </div>
  );
}
