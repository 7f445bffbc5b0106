import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { applyServerError } from '../../shared/form-errors.ts';
import { catalogueApi } from './api.ts';

const FIELDS = ['number', 'name', 'inspectionCode', 'objectType', 'objectName', 'partyName', 'partyNature', 'partyIdType', 'partyCode'];
const MORE = ['areaCode', 'checkForm', 'checkCategory', 'checkMethod', 'checkedAt', 'officerIds', 'checkResult', 'measures'];

/**
 * 谁监管、谁录入: a 检查行为 against an approved 检查实施清单 item of the user's office — object, time, the certified officers
 * who checked (≥ 2), result and 处理措施; it then waits for another person to review it.
 */
export function InspectionEntry({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const items = useQuery({ queryKey: ['catalogue', 'supervision'], queryFn: catalogueApi.supervision, enabled: open });
  const officers = useQuery({ queryKey: ['catalogue', 'officers'], queryFn: catalogueApi.officers, enabled: open });
  const lists = (items.data ?? []).filter((i) => i.kind === '检查实施清单' && i.status === 'approved');
  const enter = useMutation({
    mutationFn: (v: Record<string, unknown> & { checkedAt: Dayjs }) =>
      catalogueApi.enterInspection({
        ...Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === undefined || x === '' ? null : x])),
        checkedAt: v.checkedAt.format('YYYY-MM-DDTHH:mm:ssZ'),
      }),
    onSuccess: () => (form.resetFields(), setError(null), onDone()),
    onError: (e) => setError(applyServerError(form, e, [...FIELDS, ...MORE])),
  });
  const need = (key: string) => [{ required: true, whitespace: true, message: `请填写「${t(key as never)}」` }];
  const select = (options: string[]) => <Select options={options.map((k) => ({ value: k, label: k }))} />;
  return (
    <Modal
      open={open}
      title={t('catalogue.insp.enter')}
      okText={t('catalogue.supervision.submit')}
      onOk={() => form.submit()}
      confirmLoading={enter.isPending}
      onCancel={onClose}
      width={720}
      destroyOnHidden
    >
      <p className="mz-muted">{t('catalogue.supervision.enterNote')}</p>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ partyNature: '法人', partyIdType: '统一社会信用代码', checkForm: '现场检查', checkCategory: '双随机抽查', checkMethod: '现场检查' }}
        onFinish={(v) => enter.mutate(v)}
        data-testid="inspection-entry"
      >
        <Form.Item name="inspectionCode" label={t('catalogue.insp.item')} rules={need('catalogue.insp.item')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={items.isLoading}
            options={lists.map((i) => ({ value: i.code, label: `${i.name}（${i.officeName}）` }))}
            onChange={(code) => {
              const i = lists.find((x) => x.code === code);
              if (i && !form.getFieldValue('name')) form.setFieldValue('name', i.name);
            }}
          />
        </Form.Item>
        <Form.Item name="number" label={t('catalogue.insp.number')} rules={need('catalogue.insp.number')}>
          <Input maxLength={64} className="mz-mono" placeholder="JC-640422-2026-001" />
        </Form.Item>
        <Form.Item name="name" label={t('catalogue.insp.name')} rules={need('catalogue.insp.name')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="objectType" label={t('catalogue.insp.objectType')} rules={need('catalogue.insp.objectType')}>
          <Input maxLength={50} placeholder="养老机构" />
        </Form.Item>
        <Form.Item name="objectName" label={t('catalogue.insp.object')} rules={need('catalogue.insp.object')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="partyName" label={t('catalogue.insp.party')} rules={need('catalogue.insp.party')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="partyNature" label={t('catalogue.insp.partyNature')} rules={need('catalogue.insp.partyNature')}>
          {select(['法人', '非法人组织', '自然人', '个体工商户'])}
        </Form.Item>
        <Form.Item name="partyIdType" label={t('catalogue.insp.partyIdType')} rules={need('catalogue.insp.partyIdType')}>
          {select(['统一社会信用代码', '居民身份证', '其他'])}
        </Form.Item>
        <Form.Item name="partyCode" label={t('catalogue.insp.partyCode')} rules={need('catalogue.insp.partyCode')}>
          <Input maxLength={32} className="mz-mono" />
        </Form.Item>
        <Form.Item
          name="areaCode"
          label={t('catalogue.insp.areaCode')}
          rules={[{ required: true, pattern: /^\d{6}(\d{3}(\d{3})?)?$/, message: '行政区划代码应为6、9或12位数字' }]}
        >
          <Input maxLength={12} inputMode="numeric" className="mz-mono" />
        </Form.Item>
        <Form.Item name="checkForm" label={t('catalogue.insp.checkForm')} rules={need('catalogue.insp.checkForm')}>
          {select(['现场检查', '非现场检查', '书面检查'])}
        </Form.Item>
        <Form.Item name="checkCategory" label={t('catalogue.supervision.checkCategory')} rules={need('catalogue.supervision.checkCategory')}>
          {select(['双随机抽查', '重点检查', '专项检查', '投诉举报检查', '其他检查'])}
        </Form.Item>
        <Form.Item name="checkMethod" label={t('catalogue.supervision.checkMethod')} rules={need('catalogue.supervision.checkMethod')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="checkedAt" label={t('catalogue.insp.checkedAt')} rules={[{ required: true, message: `请填写「${t('catalogue.insp.checkedAt')}」` }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="officerIds"
          label={t('catalogue.insp.inspectors')}
          rules={[{ required: true, type: 'array', min: 2, message: '行政检查应由两名以上执法人员实施' }]}
        >
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            loading={officers.isLoading}
            options={(officers.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.name}（${o.certNo}，${o.orgName}）` }))}
          />
        </Form.Item>
        <Form.Item name="checkResult" label={t('catalogue.insp.result')} rules={need('catalogue.insp.result')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} />
        </Form.Item>
        <Form.Item name="measures" label={t('catalogue.insp.measures')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} placeholder="未发现问题的可不填；如：责令限期整改、移交立案调查" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
