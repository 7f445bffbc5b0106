import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useCan } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';
import { chinaToday, enforcementApi, type TipoffDetail } from './api.ts';

type Values = {
  findings?: string;
  reason?: string;
  reply?: string;
  on: Dayjs;
  outcome?: '立案' | '不予立案';
  powerCode?: string;
  actDate?: Dayjs;
  actDescription?: string;
  filingStandard?: string;
};
const STEP = { received: 'verify', verified: 'decide', decided: 'reply' } as const;

/** The next step of a 举报: 核查 → 处理决定 (不予立案 with reasons, or 立案 filing the penalty case) → 答复. */
export function TipoffSteps({ d }: { d: TipoffDetail }) {
  const t = useT();
  const can = useCan();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const outcome = Form.useWatch('outcome', form);
  const step = d.state === 'closed' ? null : STEP[d.state];
  const powers = useQuery({ queryKey: ['enforcement', 'catalogue'], queryFn: enforcementApi.catalogue, enabled: step === 'decide' });
  if (!step || !can('enforcement.handle')) return null;
  const req = [{ required: true, message: '必填 Required' }];
  const day = (x: Dayjs) => x.format('YYYY-MM-DD');
  const body = (v: Values) => {
    if (step === 'verify') return { findings: v.findings, verifiedOn: day(v.on) };
    if (step === 'reply') return { reply: v.reply, repliedOn: day(v.on) };
    const filing =
      v.outcome === '立案'
        ? {
            partyName: d.reportedParty,
            partyKind: 'org',
            partyCode: d.reportedPartyCode ?? undefined,
            actDate: v.actDate ? day(v.actDate) : undefined,
            discoveredOn: d.receivedOn,
            actDescription: v.actDescription,
            filingStandard: v.filingStandard,
            powerCode: v.powerCode,
          }
        : undefined;
    return { outcome: v.outcome, reason: v.reason, decidedOn: day(v.on), filing };
  };
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await enforcementApi.tipoffStep(d.id, step, body(v));
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['enforcement', 'tipoffs'] });
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card className="mz-card" title={t(`enforcement.t.step.${step}`)} data-testid="tipoff-step">
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form key={step} form={form} layout="vertical" onFinish={submit} initialValues={{ on: chinaToday(), outcome: '不予立案' }} style={{ maxWidth: 720 }}>
        {step === 'verify' && (
          <Form.Item name="findings" label={t('enforcement.t.findings')} rules={req}>
            <Input.TextArea rows={4} maxLength={3000} />
          </Form.Item>
        )}
        {step === 'decide' && (
          <>
            <Form.Item name="outcome" label={t('enforcement.t.outcome')} rules={req}>
              <Radio.Group options={['不予立案', '立案'].map((o) => ({ value: o, label: o }))} />
            </Form.Item>
            <Form.Item name="reason" label={t('enforcement.t.reason')} rules={req}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            {outcome === '立案' && (
              <>
                <Form.Item name="powerCode" label={t('enforcement.f.power')} rules={req}>
                  <Select options={(powers.data?.items ?? []).map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }))} />
                </Form.Item>
                <Form.Item name="actDescription" label={t('enforcement.f.act')} rules={req}>
                  <Input.TextArea rows={2} />
                </Form.Item>
                <Form.Item name="actDate" label={t('enforcement.f.actDate')} rules={req}>
                  <DatePicker />
                </Form.Item>
                <Form.Item name="filingStandard" label={t('enforcement.f.standard')} rules={req}>
                  <Input.TextArea rows={2} />
                </Form.Item>
              </>
            )}
          </>
        )}
        {step === 'reply' && (
          <Form.Item name="reply" label={t('enforcement.t.reply')} extra={t('enforcement.t.replyHint')} rules={req}>
            <Input.TextArea rows={4} maxLength={3000} />
          </Form.Item>
        )}
        <Form.Item name="on" label={t(`enforcement.t.on.${step}`)} rules={req}>
          <DatePicker />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="tipoff-submit">
          {t(`enforcement.t.step.${step}`)}
        </Button>
      </Form>
    </Card>
  );
}
