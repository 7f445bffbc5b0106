import { Checkbox, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../i18n/i18n.tsx';
import { StudyFormModal, need } from './StudyFormModal.tsx';
import { REMEDY_KINDS, REMEDY_MATTERS, REMEDY_RESULTS, remediesApi, type RemedyRow } from './remedies-api.ts';

type Values = {
  kind: string;
  afterReview?: boolean;
  matter?: string;
  decisionCaseId?: string;
  decisionText?: string;
  applicant: string;
  body: string;
  caseNo?: string;
  acceptedOn: Dayjs;
  result: string;
  resultOn?: Dayjs;
  resultNote?: string;
};
const blank = (s?: string | null) => (s?.trim() ? s.trim() : undefined);

/** 登记 or 更新 a 行政复议 / 行政诉讼 case: the contested decision (a linked case or its title), 受理, the 30号 result. */
export function RemedyModal(p: { open: boolean; row?: RemedyRow; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const result = Form.useWatch('result', form);
  const r = p.row;
  const initial: Partial<Values> = r
    ? {
        ...r,
        decisionCaseId: r.decisionCaseId ?? undefined,
        decisionText: r.decisionText ?? undefined,
        caseNo: r.caseNo ?? undefined,
        resultNote: r.resultNote ?? undefined,
        acceptedOn: dayjs(r.acceptedOn),
        resultOn: r.resultOn ? dayjs(r.resultOn) : undefined,
      }
    : { kind: '行政复议', result: '尚未审结', matter: '政府信息公开' };
  const send = (v: Values) => {
    const body = {
      ...v,
      afterReview: v.kind === '行政诉讼' && !!v.afterReview,
      decisionCaseId: blank(v.decisionCaseId),
      decisionText: blank(v.decisionText),
      caseNo: blank(v.caseNo),
      resultNote: blank(v.resultNote),
      acceptedOn: v.acceptedOn.format('YYYY-MM-DD'),
      resultOn: v.result === '尚未审结' ? undefined : v.resultOn?.format('YYYY-MM-DD'),
    };
    return r ? remediesApi.updateRemedy(r.id, body) : remediesApi.createRemedy(body);
  };
  return (
    <StudyFormModal
      {...p}
      key={r?.id ?? 'new'}
      form={form}
      title={r ? `${t('enforcement.rm.edit')}：${r.applicant}` : t('enforcement.rm.add')}
      testId="remedy-form"
      initialValues={initial}
      send={send}
    >
      <Form.Item name="kind" label={t('enforcement.rm.kind')} rules={need(t('enforcement.rm.kind'))}>
        <Select options={REMEDY_KINDS.map((k) => ({ value: k, label: k }))} />
      </Form.Item>
      {kind === '行政诉讼' && (
        <Form.Item name="afterReview" valuePropName="checked">
          <Checkbox>{t('enforcement.rm.afterReview')}</Checkbox>
        </Form.Item>
      )}
      <Form.Item name="decisionCaseId" label={t('enforcement.rm.decisionCase')} extra="关联案件时，事项类别和作出决定的单位按该案件确定。">
        <Input maxLength={36} placeholder="0190…" />
      </Form.Item>
      <Form.Item name="decisionText" label={t('enforcement.rm.decisionText')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="matter" label={t('enforcement.rm.matter')}>
        <Select options={REMEDY_MATTERS.map((k) => ({ value: k, label: k }))} />
      </Form.Item>
      <Form.Item name="applicant" label={t('enforcement.rm.applicant')} rules={need(t('enforcement.rm.applicant'))}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="body" label={t('enforcement.rm.body')} rules={need(t('enforcement.rm.body'))}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="caseNo" label={t('enforcement.rm.caseNo')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="acceptedOn" label={t('enforcement.rm.acceptedOn')} rules={[{ required: true, message: `请填写「${t('enforcement.rm.acceptedOn')}」` }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="result" label={t('enforcement.rm.result')} rules={need(t('enforcement.rm.result'))}>
        <Select options={REMEDY_RESULTS.map((k) => ({ value: k, label: k }))} />
      </Form.Item>
      {result && result !== '尚未审结' && (
        <Form.Item name="resultOn" label={t('enforcement.rm.resultOn')} rules={[{ required: true, message: `请填写「${t('enforcement.rm.resultOn')}」` }]}>
          <DatePicker />
        </Form.Item>
      )}
      <Form.Item name="resultNote" label={t('enforcement.rm.resultNote')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </StudyFormModal>
  );
}
