import { Button, Card, Form, Input, InputNumber, Modal, Select, Tag, message } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useT } from '../../../i18n/i18n.tsx';
import { useCan } from '../../../app/session.ts';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { QueryError } from '../../../shared/QueryError.tsx';
import './dibao-money.css';
import { centsFromYuan, yuanGrouped } from '../../../../../src/platform/money.ts';
import { moneyApi, type Standard } from './api.ts';
import { DataTable } from '../../../shared/DataTable.tsx';

type FormValues = {
  areaCode: string;
  kind: 'urban' | 'rural';
  effectiveFrom: string;
  monthly: number;
  method: 'difference' | 'banded';
  bands?: string;
  min?: number;
  document: string;
};

export function StandardsPage() {
  const t = useT();
  const can = useCan();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const q = useQuery({ queryKey: ['dibao-money', 'standards'], queryFn: moneyApi.standards });
  const create = useMutation({
    mutationFn: (v: FormValues) =>
      moneyApi.createStandard({
        areaCode: v.areaCode,
        kind: v.kind,
        effectiveFrom: v.effectiveFrom,
        monthlyCents: centsFromYuan(v.monthly),
        method: v.method,
        minCents: centsFromYuan(v.min ?? 0),
        document: v.document,
        bands:
          v.method === 'banded'
            ? (v.bands ?? '')
                .split('\n')
                .filter((l) => l.trim())
                .map((l) => {
                  const [a = '0', b = '0'] = l.trim().split(/[,,\s]+/);
                  return { belowCents: centsFromYuan(a), perPersonCents: centsFromYuan(b) };
                })
            : null,
      }),
    onSuccess: () => {
      message.success(t('dibaoMoney.saved'));
      setOpen(false);
      form.resetFields();
      qc.invalidateQueries({ queryKey: ['dibao-money', 'standards'] });
    },
    onError: (e: Error) => message.error(e.message),
  });
  const method = Form.useWatch('method', form);
  return (
    <div className="mz-page mz-dm">
      <PageHeader
        title={t('dibaoMoney.nav.standards')}
        desc={t('dibaoMoney.standards.desc')}
        extra={
          can('dibao.configure') && (
            <Button type="primary" onClick={() => setOpen(true)}>
              {t('dibaoMoney.addStandard')}
            </Button>
          )
        }
      />
      <Card className="mz-card">
        {q.isError && <QueryError error={q.error} onRetry={() => q.refetch()} />}
        <DataTable<Standard>
          rowKey="id"
          size="small"
          dataSource={q.data?.items}
          loading={q.isFetching}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            {
              title: t('dibaoMoney.area'),
              dataIndex: 'areaName',
              render: (v, s) => (
                <>
                  {v} <span className="mz-muted mz-mono">{s.areaCode}</span>
                  <span className="mz-dm-xs"> · {t(s.kind === 'urban' ? 'dibaoMoney.kind.urban' : 'dibaoMoney.kind.rural')}</span>
                </>
              ),
            },
            {
              title: t('dibaoMoney.kind'),
              dataIndex: 'kind',
              responsive: ['sm'],
              render: (k: string) => t(k === 'urban' ? 'dibaoMoney.kind.urban' : 'dibaoMoney.kind.rural'),
            },
            {
              title: t('dibaoMoney.effective'),
              dataIndex: 'effectiveFrom',
              render: (v, s) => (
                <>
                  {v} ~ {s.effectiveTo ?? ''} {s.current && <Tag color="success">{t('dibaoMoney.current')}</Tag>}
                </>
              ),
            },
            { title: t('dibaoMoney.monthly'), dataIndex: 'monthlyCents', align: 'right', render: (v: number) => yuanGrouped(v) },
            {
              title: t('dibaoMoney.method'),
              dataIndex: 'method',
              responsive: ['sm'],
              render: (m: string, s) =>
                m === 'banded' ? (
                  <span title={(s.bands ?? []).map((b) => `<${yuanGrouped(b.belowCents)}: ${yuanGrouped(b.perPersonCents)}`).join('; ')}>
                    {t('dibaoMoney.method.banded')} ({s.bands?.length ?? 0})
                  </span>
                ) : (
                  t('dibaoMoney.method.difference')
                ),
            },
            { title: t('dibaoMoney.min'), dataIndex: 'minCents', align: 'right', responsive: ['md'], render: (v: number) => yuanGrouped(v) },
            {
              title: t('dibaoMoney.document'),
              dataIndex: 'document',
              responsive: ['lg'],
              render: (v, s) => (
                <>
                  {s.isDemo && <Tag color="warning">{t('dibaoMoney.demo')}</Tag>}
                  {v}
                </>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={open}
        title={t('dibaoMoney.addStandard')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ kind: 'rural', method: 'difference', min: 0 }} onFinish={(v) => create.mutate(v)}>
          <Form.Item name="areaCode" label={t('dibaoMoney.areaCode')} rules={[{ required: true, pattern: /^\d{6}$/ }]}>
            <Input inputMode="numeric" />
          </Form.Item>
          <Form.Item name="kind" label={t('dibaoMoney.kind')}>
            <Select
              options={[
                { value: 'urban', label: t('dibaoMoney.kind.urban') },
                { value: 'rural', label: t('dibaoMoney.kind.rural') },
              ]}
            />
          </Form.Item>
          <Form.Item name="effectiveFrom" label={t('dibaoMoney.effectiveFrom')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}>
            <Input placeholder="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item name="monthly" label={t('dibaoMoney.monthly')} rules={[{ required: true }]}>
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="method" label={t('dibaoMoney.method')}>
            <Select
              options={[
                { value: 'difference', label: t('dibaoMoney.method.difference') },
                { value: 'banded', label: t('dibaoMoney.method.banded') },
              ]}
            />
          </Form.Item>
          {method === 'banded' && (
            <Form.Item name="bands" label={t('dibaoMoney.bands')}>
              <Input.TextArea rows={3} placeholder={'120,330\n240,220\n380,110'} />
            </Form.Item>
          )}
          <Form.Item name="min" label={t('dibaoMoney.min')}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="document" label={t('dibaoMoney.document')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
