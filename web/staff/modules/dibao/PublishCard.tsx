import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useCan } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { applyServerError } from '../../shared/form-errors.ts';
import { PUBLICATION_CHANNELS, stepsApi, yuan, type PublicationItem } from './api.ts';
import { DataTable } from '../../shared/DataTable.tsx';

/** 公布 on the case page of a confirmed application: the postings so far and a form to record one (暂行办法第十一条(三)). */
export function PublishCard({ caseId }: { caseId: string }) {
  const t = useT();
  const can = useCan();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const list = useQuery({ queryKey: ['dibao', 'publications', { caseId }], queryFn: () => stepsApi.publications({ caseId, pageSize: 100 }) });
  const save = useMutation({
    mutationFn: (v: { date: Dayjs; channel: string; place: string }) => stepsApi.publish(caseId, { ...v, date: v.date.format('YYYY-MM-DD') }),
    onSuccess: () => {
      form.resetFields(['place']);
      void qc.invalidateQueries({ queryKey: ['dibao', 'publications'] });
    },
    onError: (e) => setError(applyServerError(form, e, ['date', 'channel', 'place'])),
  });
  return (
    <section data-testid="dibao-publish">
      <h3 className="mz-db-h">{t('dibao.pub.title')}</h3>
      <p className="mz-muted">{t('dibao.pub.hint')}</p>
      {(list.data?.items.length ?? 0) > 0 && (
        <DataTable<PublicationItem>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={list.data?.items ?? []}
          columns={[
            { title: t('dibao.pub.date'), dataIndex: 'publishedOn' },
            { title: t('dibao.pub.channel'), dataIndex: 'channel' },
            { title: t('dibao.pub.place'), dataIndex: 'place' },
            { title: t('dibao.pub.name'), dataIndex: 'nameMasked' },
            { title: t('dibao.pub.amount'), dataIndex: 'amountCents', render: (v: number) => yuan(v) },
          ]}
        />
      )}
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ margin: '8px 0' }} />}
      {can('dibao.handle') && (
        <Form
          form={form}
          layout="inline"
          style={{ marginTop: 8, rowGap: 8 }}
          initialValues={{ date: dayjs(), channel: PUBLICATION_CHANNELS[0] }}
          onFinish={(v) => {
            setError(null);
            save.mutate(v);
          }}
        >
          <Form.Item name="date" label={t('dibao.pub.date')} rules={[{ required: true, message: '请选择公布日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="channel" label={t('dibao.pub.channel')} rules={[{ required: true, message: '请选择公布方式' }]}>
            <Select style={{ width: 200 }} options={PUBLICATION_CHANNELS.map((x) => ({ value: x, label: x }))} />
          </Form.Item>
          <Form.Item name="place" label={t('dibao.pub.place')} rules={[{ required: true, min: 2, message: '请填写公布地点' }]}>
            <Input style={{ width: 240 }} maxLength={200} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('dibao.pub.submit')}
          </Button>
        </Form>
      )}
    </section>
  );
}
