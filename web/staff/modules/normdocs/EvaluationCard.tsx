import { Alert, Button, DatePicker, Form, Input, Select, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { useCan } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { EVALUATION_CONCLUSIONS, EVALUATION_METHODS, normdocApi, type Normdoc } from './api.ts';

type Run = (f: () => Promise<unknown>, reset?: () => void) => Promise<void>;

/** A published document's 正式文本 (docx/PDF), the end of its force (with the document replacing it), and its 评估 records and form. */
export function EvaluationCard({ d, run }: { d: Normdoc; run: Run }) {
  const t = useT();
  const can = useCan();
  const [form] = Form.useForm();
  if (!d.publishedOn) return null;
  const inForce = d.state === 'published' || d.state === 'filed';
  const req = [{ required: true, message: t('normdocs.required') }];
  const file = (format: 'pdf' | 'docx') => `/api/normdocs/${encodeURIComponent(d.id)}/official.${format}`;
  return (
    <div className="mz-nd-eval" data-testid="normdoc-output">
      {d.previous && (
        <Alert
          type="info"
          showIcon
          data-testid="normdoc-previous"
          message={<Link to={`/cases/${d.previous.id}`}>{t('normdocs.chain.prev', { kind: d.previous.kind, number: d.previous.number ?? '' })}</Link>}
        />
      )}
      <h4 style={{ marginTop: 16 }}>{t('normdocs.out.title')}</h4>
      <Space wrap>
        <Button href={file('pdf')} data-testid="normdoc-pdf">
          {t('normdocs.out.pdf')}
        </Button>
        <Button href={file('docx')} data-testid="normdoc-docx">
          {t('normdocs.out.docx')}
        </Button>
      </Space>
      {d.ended && (
        <Alert
          style={{ marginTop: 8 }}
          type="warning"
          showIcon
          data-testid="normdoc-ended"
          message={`${t('normdocs.ev.ended', { kind: d.ended.kind, on: d.ended.on })}${d.ended.reason ? `：${d.ended.reason}` : ''}`}
          description={
            d.ended.replacedBy && <Link to={`/cases/${d.ended.replacedBy.id}`}>{t('normdocs.ev.replacedBy', { number: d.ended.replacedBy.number ?? '' })}</Link>
          }
        />
      )}
      <h4 style={{ marginTop: 16 }}>{t('normdocs.ev.title')}</h4>
      {d.evaluations.length === 0 && <div className="mz-muted">{t('normdocs.panel.none')}</div>}
      {d.evaluations.map((e) => (
        <div key={e.id} className="mz-nd-evrow" data-testid="normdoc-evaluation">
          <Space wrap size={4}>
            <span>{e.evaluatedOn}</span>
            <strong>{e.evaluator}</strong>
            <Tag color={e.thirdParty ? 'blue' : 'default'}>{e.method}</Tag>
            <Tag color={e.conclusion === '继续有效' ? 'green' : 'orange'}>{e.conclusion}</Tag>
            {e.revisionCaseId && <Link to={`/cases/${e.revisionCaseId}`}>{t('normdocs.cl.revision')}</Link>}
          </Space>
          <div style={{ whiteSpace: 'pre-wrap' }}>{e.findings}</div>
        </div>
      ))}
      {inForce && (can('normdocs.draft') || can('normdocs.review')) && (
        <Form
          form={form}
          layout="vertical"
          className="mz-nd-evform"
          onFinish={(v: { evaluatedOn: Dayjs; evaluator: string; method: string; findings: string; conclusion: string }) =>
            run(
              () => normdocApi.evaluate(d.id, { ...v, evaluatedOn: v.evaluatedOn.format('YYYY-MM-DD') }),
              () => form.resetFields(),
            )
          }
        >
          <Space wrap align="start">
            <Form.Item name="evaluatedOn" label={t('normdocs.ev.on')} rules={req}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="evaluator" label={t('normdocs.ev.evaluator')} rules={req}>
              <Input style={{ width: 240 }} />
            </Form.Item>
            <Form.Item name="method" label={t('normdocs.ev.method')} rules={req}>
              <Select style={{ width: 160 }} options={EVALUATION_METHODS.map((v) => ({ value: v, label: v }))} />
            </Form.Item>
            <Form.Item name="conclusion" label={t('normdocs.ev.conclusion')} rules={req}>
              <Select style={{ width: 120 }} options={EVALUATION_CONCLUSIONS.map((v) => ({ value: v, label: v }))} />
            </Form.Item>
          </Space>
          <Form.Item name="findings" label={t('normdocs.ev.findings')} rules={req}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Button htmlType="submit" data-testid="normdoc-evaluate">
            {t('normdocs.ev.save')}
          </Button>
        </Form>
      )}
    </div>
  );
}
