import { Alert, Button, Card, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { api, ApiError } from '../../shared/api.ts';
import type { CaseTypePanelProps } from '../cases/type-panels.tsx';
import { REVIEW_CHECKLIST } from '../../../../src/modules/normdocs/contract.ts';

type Values = { conclusion: '通过' | '修改后通过' | '不予通过'; opinion: string; revisedText?: string } & Record<string, string>;

/** 合法性审核 by 政策法规处: the §6.1 checklist point by point, the conclusion, the opinion and (修改后通过) the marked-up text. */
export function ReviewForm({ c, run, lastText }: CaseTypePanelProps & { lastText: string }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const conclusion = Form.useWatch('conclusion', form);
  const submit = async (v: Values) => {
    setError(null);
    const checklist = REVIEW_CHECKLIST.map((item, i) => ({ item, ok: v[`ok${i}`] === 'yes', ...(v[`note${i}`] ? { note: v[`note${i}`] } : {}) }));
    const input =
      v.conclusion === '不予通过'
        ? { checklist, opinion: v.opinion }
        : { checklist, conclusion: v.conclusion, opinion: v.opinion, ...(v.revisedText ? { revisedText: v.revisedText } : {}) };
    try {
      await run(() => api.caseTransition(c.id, v.conclusion === '不予通过' ? 'review_return' : 'review_pass', { input, expectedVersion: c.version }));
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    }
  };
  const req = [{ required: true, message: t('normdocs.required') }];
  return (
    <Card size="small" title={t('normdocs.review.title')} data-testid="normdoc-review" style={{ marginTop: 8 }}>
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 8 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ revisedText: lastText }}>
        {REVIEW_CHECKLIST.map((item, i) => (
          <div key={item} className="mz-nd-check">
            <Form.Item name={`ok${i}`} label={item} rules={req} style={{ marginBottom: 4 }}>
              <Radio.Group
                options={[
                  { value: 'yes', label: t('normdocs.review.ok') },
                  { value: 'no', label: t('normdocs.review.notOk') },
                ]}
              />
            </Form.Item>
            <Form.Item name={`note${i}`} style={{ marginBottom: 8 }}>
              <Input aria-label={`${item}：${t('normdocs.review.note')}`} placeholder={t('normdocs.review.note')} />
            </Form.Item>
          </div>
        ))}
        <Form.Item name="conclusion" label={t('normdocs.review.conclusion')} rules={req}>
          <Select options={['通过', '修改后通过', '不予通过'].map((v) => ({ value: v, label: v }))} />
        </Form.Item>
        <Form.Item name="opinion" label={t('normdocs.review.opinion')} rules={req}>
          <Input.TextArea rows={3} />
        </Form.Item>
        {conclusion === '修改后通过' && (
          <Form.Item name="revisedText" label={t('normdocs.review.revisedText')} rules={req}>
            <Input.TextArea rows={6} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" data-testid="normdoc-review-submit">
          {t('normdocs.review.submit')}
        </Button>
      </Form>
    </Card>
  );
}
