import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../../i18n/i18n.tsx';
import { StudyFormModal, need } from './StudyFormModal.tsx';
import { COERCION_MEASURES, remediesApi } from './remedies-api.ts';

type Values = { penaltyCaseId?: string; party: string; measure: string; object: string; basis: string; documentNo?: string; decidedOn: Dayjs };
const blank = (s?: string) => (s?.trim() ? s.trim() : undefined);

/** 登记 a 行政强制 decision (查封、扣押 …), on a penalty case of the office or on its own. */
export function CoercionModal(p: { open: boolean; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  return (
    <StudyFormModal
      {...p}
      form={form}
      title={t('enforcement.rm.addCoercion')}
      testId="coercion-form"
      initialValues={{ measure: '查封场所、设施或者财物' }}
      send={(v) =>
        remediesApi.createCoercion({
          ...v,
          penaltyCaseId: blank(v.penaltyCaseId),
          documentNo: blank(v.documentNo),
          decidedOn: v.decidedOn.format('YYYY-MM-DD'),
        })
      }
    >
      <Form.Item name="penaltyCaseId" label={t('enforcement.k.penalty')}>
        <Input maxLength={36} />
      </Form.Item>
      <Form.Item name="party" label={t('enforcement.k.party')} rules={need(t('enforcement.k.party'))}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="measure" label={t('enforcement.k.measure')} rules={need(t('enforcement.k.measure'))}>
        <Select options={COERCION_MEASURES.map((k) => ({ value: k, label: k }))} />
      </Form.Item>
      <Form.Item name="object" label={t('enforcement.k.object')} rules={need(t('enforcement.k.object'))}>
        <Input.TextArea rows={2} maxLength={300} />
      </Form.Item>
      <Form.Item name="basis" label={t('enforcement.k.basis')} rules={need(t('enforcement.k.basis'))}>
        <Input maxLength={200} placeholder="《取缔非法民间组织暂行办法》" />
      </Form.Item>
      <Form.Item name="documentNo" label={t('enforcement.k.documentNo')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="decidedOn" label={t('enforcement.k.decidedOn')} rules={[{ required: true, message: `请填写「${t('enforcement.k.decidedOn')}」` }]}>
        <DatePicker />
      </Form.Item>
    </StudyFormModal>
  );
}
