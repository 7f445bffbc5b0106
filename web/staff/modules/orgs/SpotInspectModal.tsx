import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, DatePicker, Form, Input, Modal, Segmented, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { orgsApi, type SpotItem } from './api.ts';

type Values = {
  method: 'desk' | 'onsite';
  inspectedOn: Dayjs;
  findings: string;
  problems?: boolean;
  rectifyBy?: Dayjs;
  officerIds?: string[];
  inspectionCode?: string;
};

/**
 * 登记检查结果 of one drawn organization: the officers who inspected are picked from the authority's certified officers
 * (name and 执法证号; the drawn team chosen at first, those to 回避 not selectable), the 检查实施清单 item from the
 * authority's approved ones — together they make the 互联网+监管 检查行为.
 */
export function SpotInspectModal({
  spotCheckId,
  item,
  onClose,
  onDone,
}: {
  spotCheckId: string;
  item: SpotItem | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const problems = Form.useWatch('problems', form);
  const day = Form.useWatch('inspectedOn', form)?.format('YYYY-MM-DD');
  const options = useQuery({
    queryKey: ['orgs', 'spot-inspection-options', spotCheckId, item?.organizationId, day],
    queryFn: () => orgsApi.spotInspectionOptions(spotCheckId, { organizationId: item!.organizationId, day }),
    enabled: !!item,
  });
  const officers = options.data?.officers ?? [];
  const items = options.data?.items ?? [];
  // First offer: the drawn team (when it is of officers) and the authority's only 社会组织 item.
  useEffect(() => {
    if (!options.data) return;
    if (!form.isFieldTouched('officerIds'))
      form.setFieldValue(
        'officerIds',
        options.data.officers.filter((o) => o.drawn && !o.conflict).map((o) => o.id),
      );
    const ours = options.data.items.filter((i) => i.objects === '社会组织');
    if (!form.isFieldTouched('inspectionCode') && ours.length === 1) form.setFieldValue('inspectionCode', ours[0]!.code);
  }, [options.data, form]);
  const close = () => (setError(null), onClose());
  const inspect = useMutation({
    mutationFn: (v: Values) =>
      orgsApi.recordSpotInspection(spotCheckId, {
        organizationId: item!.organizationId,
        method: v.method,
        inspectedOn: v.inspectedOn.format('YYYY-MM-DD'),
        findings: v.findings,
        problems: !!v.problems,
        rectifyBy: v.problems ? (v.rectifyBy?.format('YYYY-MM-DD') ?? null) : null,
        officerIds: v.officerIds?.length ? v.officerIds : null,
        inspectionCode: v.inspectionCode ?? null,
      }),
    onSuccess: () => (form.resetFields(), setError(null), onDone()),
    onError: (e: Error) => setError(e.message),
  });
  const required = (label: string) => [{ required: true, message: t('orgs.spot.required', { label }) }];
  return (
    <Modal
      open={!!item}
      title={`${t('orgs.spot.inspect')}：${item?.name ?? ''}`}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('orgs.spot.save')}
      confirmLoading={inspect.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ method: 'desk' }} onFinish={(v) => inspect.mutate(v)}>
        <Form.Item name="method" label={t('orgs.spot.method')}>
          <Segmented
            options={[
              { value: 'desk', label: t('orgs.spot.desk') },
              { value: 'onsite', label: t('orgs.spot.onsite') },
            ]}
          />
        </Form.Item>
        <Form.Item name="inspectedOn" label={t('orgs.spot.inspectedOn')} rules={required(t('orgs.spot.inspectedOn'))}>
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="officerIds"
          label={t('orgs.spot.officers')}
          extra={t('orgs.spot.officersHint')}
          rules={[{ validator: async (_, v?: string[]) => (v?.length === 1 ? Promise.reject(new Error(t('orgs.spot.twoOfficers'))) : undefined) }]}
        >
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            loading={options.isLoading}
            data-testid="spot-officers"
            options={officers.map((o) => ({
              value: o.id,
              disabled: o.conflict,
              label: `${o.name}（${t('orgs.spot.certNo')} ${o.certNo}）${o.drawn ? t('orgs.spot.drawnMark') : ''}${o.conflict ? t('orgs.spot.conflictMark') : ''}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="inspectionCode"
          label={t('orgs.spot.inspectionItem')}
          extra={options.data && !items.length ? t('orgs.spot.noItems') : t('orgs.spot.inspectionItemHint')}
        >
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={options.isLoading}
            data-testid="spot-inspection-item"
            options={items.map((i) => ({ value: i.code, label: `${i.name}（${i.objects}）${i.code}` }))}
          />
        </Form.Item>
        <Form.Item name="findings" label={t('orgs.spot.findings')} rules={required(t('orgs.spot.findings'))}>
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={5000} />
        </Form.Item>
        <Form.Item name="problems" valuePropName="checked">
          <Checkbox>{t('orgs.spot.problems')}</Checkbox>
        </Form.Item>
        {problems ? (
          <Form.Item name="rectifyBy" label={t('orgs.spot.rectifyBy')} rules={required(t('orgs.spot.rectifyBy'))}>
            <DatePicker />
          </Form.Item>
        ) : null}
        {error ? <Alert type="error" showIcon role="alert" message={error} /> : null}
      </Form>
    </Modal>
  );
}
