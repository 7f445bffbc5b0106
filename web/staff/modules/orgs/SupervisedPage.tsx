import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Grid, Input, Modal, Segmented, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { ListPage } from '../../shared/ListPage.tsx';
import { useListQuery } from '../../shared/use-list-query.ts';
import { orgsApi, type SupervisedItem } from './api.ts';

type Values = { opinion: '同意' | '不同意'; comment?: string };

/** 业务主管单位: the organizations the user's unit supervises, their latest annual inspection, and the 初审 opinion. */
export function SupervisedPage() {
  const t = useT();
  const qc = useQueryClient();
  const query = useListQuery({ key: ['orgs', 'supervised'], filters: ['q'], fetch: orgsApi.supervised });
  const { q, set } = query;
  const [open, setOpen] = useState<SupervisedItem | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const give = useMutation({
    mutationFn: (v: Values) => orgsApi.giveOpinion(open!.id, { year: open!.latest!.year, opinion: v.opinion, comment: v.comment || null }),
    onSuccess: () => (setOpen(null), setError(null), void qc.invalidateQueries({ queryKey: ['orgs', 'supervised'] })),
    onError: (e: Error) => setError(e.message),
  });
  // A phone keeps two columns: the name with its state, lists and latest inspection under it, and the action.
  const phone = Grid.useBreakpoint().md === false;
  const latestText = (r: SupervisedItem) =>
    r.latest
      ? t('orgs.sup.latestText', {
          year: r.latest.year,
          submitted: r.latest.submittedOn ?? '—',
          opinion: r.latest.supervisorOpinion ?? '—',
          conclusion: r.latest.conclusion ?? '—',
        })
      : '—';
  const canOpine = (r: SupervisedItem) => r.kind !== 'foundation' && !!r.latest?.submittedOn && !r.latest.reviewedOn && !r.latest.conclusion;
  const columns: TableProps<SupervisedItem>['columns'] = [
    {
      title: t('orgs.col.name'),
      dataIndex: 'name',
      render: (name: string, r) => (
        <>
          {name}
          <div className="mz-muted mz-mono" style={{ fontSize: 12 }}>
            {r.uscc}
          </div>
          {phone && (
            <div className="mz-muted" style={{ fontSize: 12 }}>
              {r.statusLabel}
              {r.lists.length ? `（${r.lists.join('、')}）` : ''} · {latestText(r)}
            </div>
          )}
        </>
      ),
    },
    {
      title: t('orgs.col.status'),
      hidden: phone,
      dataIndex: 'statusLabel',
      render: (s: string, r) => (
        <>
          {s}
          {r.lists.map((l) => (
            <Tag key={l} color="orange">
              {l}
            </Tag>
          ))}
        </>
      ),
    },
    { title: t('orgs.col.authority'), dataIndex: 'authorityName', hidden: phone },
    { title: t('orgs.sup.latest'), dataIndex: 'latest', hidden: phone, render: (_: unknown, r) => latestText(r) },
    {
      title: t('orgs.sup.action'),
      onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }),
      render: (_: unknown, r) =>
        canOpine(r) ? (
          <Button
            size="small"
            onClick={() => (form.setFieldsValue({ opinion: r.latest!.supervisorOpinion ?? '同意', comment: r.latest!.supervisorComment ?? '' }), setOpen(r))}
          >
            {t('orgs.sup.opine')}
          </Button>
        ) : null,
    },
  ];
  return (
    <>
      <ListPage
        title={t('orgs.nav.supervised')}
        desc={t('orgs.sup.desc')}
        query={query}
        columns={columns}
        scrollX={phone ? undefined : 900}
        filters={
          <Input.Search
            allowClear
            placeholder={t('orgs.search')}
            aria-label={t('orgs.search')}
            defaultValue={q.q}
            onSearch={(s) => set('q', s || undefined)}
            style={{ width: '100%', maxWidth: 380 }}
          />
        }
      />
      <Modal
        open={!!open}
        title={open ? t('orgs.sup.modal', { name: open.name, year: open.latest?.year ?? '' }) : ''}
        onCancel={() => setOpen(null)}
        onOk={() => form.submit()}
        confirmLoading={give.isPending}
        okText={t('orgs.sup.submit')}
      >
        {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} /> : null}
        <Form form={form} layout="vertical" onFinish={(v) => give.mutate(v)} onValuesChange={() => setError(null)}>
          <Form.Item name="opinion" label={t('orgs.sup.opinion')} rules={[{ required: true }]}>
            <Segmented options={['同意', '不同意']} />
          </Form.Item>
          <Form.Item name="comment" label={t('orgs.sup.comment')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
