import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Drawer, Form, Input, InputNumber, Select, Switch, Tag } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { CASE_KINDS, DEPTHS, ITEM_TYPES, catalogueApi } from './api.ts';
import { ListImport } from './ListImport.tsx';
import { DataTable } from '../../shared/DataTable.tsx';

/** 实施清单: the offices in scope, one office's list, adopting the published catalogue, editing the local fields. */
export function ListsPage() {
  const t = useT();
  const can = useCan();
  const qc = useQueryClient();
  const [office, setOffice] = useState<string | null>(null);
  const [editing, setEditing] = useState<any>(null);
  const [msg, setMsg] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const [form] = Form.useForm();
  const offices = useQuery({ queryKey: ['catalogue', 'offices'], queryFn: catalogueApi.offices });
  const current = office ?? offices.data?.[0]?.id ?? null;
  const list = useQuery({ queryKey: ['catalogue', 'list', current], queryFn: () => catalogueApi.officeList(current!), enabled: !!current });
  const refresh = () => qc.invalidateQueries({ queryKey: ['catalogue'] });
  const adopt = useMutation({
    mutationFn: () => catalogueApi.adopt(current!),
    onSuccess: (r) => (setMsg({ type: 'success', text: t('catalogue.adopted', { added: r.added, updated: r.updated }) }), void refresh()),
    onError: (e: Error) => setMsg({ type: 'error', text: e.message }),
  });
  const save = useMutation({
    mutationFn: (v: any) =>
      catalogueApi.updateRow(editing.id, {
        ...v,
        materials: String(v.materials ?? '')
          .split('\n')
          .map((s: string) => s.trim())
          .filter(Boolean),
      }),
    onSuccess: () => (setEditing(null), setMsg(null), void refresh()),
    onError: (e: Error) => setMsg({ type: 'error', text: e.message }),
  });
  const open = (r: any) => {
    setEditing(r);
    form.setFieldsValue({ ...r, materials: (r.materials ?? []).join('\n') });
  };
  return (
    <div className="mz-page" data-testid="catalogue-lists-page">
      <PageHeader title={t('catalogue.nav.lists')} desc={t('catalogue.lists.desc')} />
      {offices.error && <QueryError error={offices.error} onRetry={() => offices.refetch()} />}
      <Card className="mz-card">
        <Select
          aria-label={t('catalogue.col.office')}
          style={{ minWidth: 320 }}
          value={current ?? undefined}
          onChange={setOffice}
          options={(offices.data ?? []).map((o) => ({ value: o.id, label: `${o.areaName} · ${o.name}(${o.rowCount})` }))}
        />
        {can('catalogue.list') && current && (
          <Button type="primary" style={{ marginLeft: 12 }} onClick={() => adopt.mutate()} loading={adopt.isPending}>
            {t('catalogue.adopt')}
          </Button>
        )}
        {can('catalogue.list') && current && <ListImport key={current} officeId={current} />}
        {msg && !editing && <Alert type={msg.type} showIcon message={msg.text} closable onClose={() => setMsg(null)} style={{ marginTop: 12 }} role="alert" />}
      </Card>
      {list.data && (
        <Card className="mz-card" style={{ marginTop: 12 }} title={`${list.data.office.name} · ${list.data.office.uscc}`}>
          <DataTable
            rowKey="id"
            size="small"
            dataSource={list.data.rows}
            pagination={{ pageSize: 15, showSizeChanger: false }}
            scroll={{ x: 1100 }}
            columns={[
              { title: t('catalogue.col.implCode'), dataIndex: 'implCode', width: 270, render: (c: string) => <span className="mz-mono">{c}</span> },
              { title: t('catalogue.col.name'), dataIndex: 'name' },
              { title: t('catalogue.col.type'), dataIndex: 'typeCode', width: 100, render: (c: keyof typeof ITEM_TYPES) => ITEM_TYPES[c] ?? c },
              { title: t('catalogue.col.depth'), dataIndex: 'depth', width: 90 },
              { title: t('catalogue.col.visits'), dataIndex: 'visits', width: 70 },
              { title: t('catalogue.col.promise'), dataIndex: 'promiseDays', width: 90, render: (v: number | null) => v ?? '—' },
              {
                title: t('catalogue.col.status'),
                dataIndex: 'status',
                width: 80,
                render: (s: string) => <Tag color={s === 'active' ? 'green' : 'default'}>{t(`catalogue.status.${s}` as never)}</Tag>,
              },
              {
                title: '',
                width: 70,
                render: (_: unknown, r: any) =>
                  can('catalogue.list') && r.status === 'active' ? (
                    <Button size="small" onClick={() => open(r)}>
                      {t('catalogue.edit')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        </Card>
      )}
      <Drawer open={!!editing} onClose={() => setEditing(null)} title={editing?.name} width={480} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="acceptConditions" label={t('catalogue.conditions')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="materials" label={t('catalogue.materials')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="caseKind" label={t('catalogue.caseKind')}>
            <Select options={CASE_KINDS.map((k) => ({ value: k, label: k }))} />
          </Form.Item>
          <Form.Item name="legalDays" label={t('catalogue.col.legal')}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="promiseDays" label={t('catalogue.col.promise')}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="depth" label={t('catalogue.col.depth')}>
            <Select options={DEPTHS.map((k) => ({ value: k, label: k }))} />
          </Form.Item>
          <Form.Item name="visits" label={t('catalogue.col.visits')}>
            <InputNumber min={0} max={5} />
          </Form.Item>
          <Form.Item name="fee" label={t('catalogue.fee')}>
            <Input />
          </Form.Item>
          <Form.Item name="serviceWindow" label={t('catalogue.col.window')}>
            <Input />
          </Form.Item>
          <Form.Item name="inHall" label={t('catalogue.col.inHall')} valuePropName="checked">
            <Switch />
          </Form.Item>
          {msg?.type === 'error' && <Alert type="error" showIcon message={msg.text} style={{ marginBottom: 12 }} role="alert" />}
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('catalogue.save')}
          </Button>
        </Form>
      </Drawer>
    </div>
  );
}
