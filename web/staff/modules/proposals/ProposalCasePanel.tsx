import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Select, Skeleton, Tag, Timeline } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useCan } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';
import { QueryError } from '../../shared/QueryError.tsx';
import type { CaseTypePanelProps } from '../cases/type-panels.tsx';
import { CATEGORY_LABEL, CONTACT_WAYS, proposalApi } from './api.ts';
import './proposals.css';

/** 建议提案 part of the case page: the item, 面商/沟通 records (and a form), replies, ratings, 协办 opinions. */
export function ProposalCasePanel({ c }: CaseTypePanelProps) {
  const t = useT();
  const can = useCan();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['proposals', 'detail', c.id, c.version], queryFn: () => proposalApi.get(c.id) });
  if (q.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (q.isError) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  const d = q.data;
  const open = ['handling', 'drafted', 'reworking'].includes(d.state);
  const record = async (kind: 'contact' | 'implementation', v: Record<string, unknown> & { date: Dayjs }) => {
    setError(null);
    try {
      const date = v.date.format('YYYY-MM-DD');
      if (kind === 'contact') await proposalApi.contact(c.id, { metOn: date, way: String(v.way), people: String(v.people), content: String(v.content) });
      else await proposalApi.implementation(c.id, { repliedOn: date, text: String(v.text) });
      message.success(t('proposals.panel.saved'));
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['proposals'] });
      void qc.invalidateQueries({ queryKey: ['case', c.id] });
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    }
  };
  const disclose = async (agreedOn: string) => {
    setError(null);
    try {
      await proposalApi.disclose(c.id, agreedOn);
      message.success(t('proposals.panel.saved'));
      void qc.invalidateQueries({ queryKey: ['proposals'] });
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    }
  };
  const req = [{ required: true, message: t('proposals.required') }];
  const secondReply = d.state === 'rated' && (d.category === 'B' || d.category === 'C') && !d.replies.some((r) => r.kind === '落实情况');

  return (
    <Card className="mz-card mz-pp" data-testid="proposal-panel" title={`${t('proposals.panel.title')} · ${d.kind}${d.number}`}>
      {error && !open && !secondReply && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 8 }} />}
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('proposals.f.session')}>{d.session}</Descriptions.Item>
        <Descriptions.Item label={t('proposals.f.role')}>
          <Tag>{d.role}</Tag>
          {d.leadOffice && `${t('proposals.panel.leadOffice')}：${d.leadOffice}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('proposals.c.deputies')}>{d.deputies}</Descriptions.Item>
        <Descriptions.Item label={t('proposals.panel.delegation')}>{d.delegation ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('proposals.c.receivedOn')}>{d.receivedOn}</Descriptions.Item>
        <Descriptions.Item label={t('proposals.f.category')}>{d.category ? CATEGORY_LABEL[d.category as 'A'] : '—'}</Descriptions.Item>
        {d.consentOn && <Descriptions.Item label={t('proposals.panel.consent')}>{`${d.consentOn}（${d.consentBy}）`}</Descriptions.Item>}
        {d.objectionReason && <Descriptions.Item label={t('proposals.panel.objection')}>{d.objectionReason}</Descriptions.Item>}
        <Descriptions.Item label={t('proposals.panel.disclosed')}>
          {d.disclosureAgreedOn ??
            (can('proposals.handle') && ['answered', 'rated', 'reworking', 'closed'].includes(d.state) ? (
              <DatePicker
                aria-label={t('proposals.panel.disclose')}
                placeholder={t('proposals.panel.disclose')}
                onChange={(v) => v && void disclose(v.format('YYYY-MM-DD'))}
              />
            ) : (
              '—'
            ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('proposals.panel.summary')} span={2}>
          <div style={{ whiteSpace: 'pre-wrap' }}>{d.summary}</div>
        </Descriptions.Item>
      </Descriptions>

      <h4 style={{ marginTop: 16 }}>{t('proposals.panel.parts')}</h4>
      {d.partOpinions.length === 0 && <div className="mz-muted">{t('proposals.panel.none')}</div>}
      {d.partOpinions.map((p) => (
        <div key={p.caseId} style={{ marginBottom: 8 }}>
          <Tag>{p.role}</Tag>{' '}
          <Link to={`/cases/${p.caseId}`} className="mz-text-link">
            {p.orgUnitName}
          </Link>{' '}
          {p.dueDate && <span className="mz-muted">（{p.dueDate}）</span>}
          <div style={{ whiteSpace: 'pre-wrap' }}>{p.opinion ?? <span className="mz-muted">{t('proposals.panel.noOpinion')}</span>}</div>
        </div>
      ))}

      <h4 style={{ marginTop: 16 }}>{t('proposals.panel.contacts')}</h4>
      {d.contacts.length === 0 && <div className="mz-muted">{t('proposals.panel.none')}</div>}
      <Timeline
        items={d.contacts.map((x) => ({
          key: x.id,
          children: (
            <span>
              {`${x.metOn} ${x.way}（${x.people}）：`}
              {x.content}
            </span>
          ),
        }))}
      />

      <h4>{t('proposals.panel.replies')}</h4>
      {d.replies.length === 0 && <div className="mz-muted">{t('proposals.panel.none')}</div>}
      {d.replies.map((r, i) => (
        <div key={i} style={{ marginBottom: 8 }}>
          <Tag color={r.kind === '落实情况' ? 'purple' : 'blue'}>{r.kind === '答复' ? `第 ${r.round} 次答复` : r.kind}</Tag>
          {r.category && <Tag>{r.category}</Tag>}
          <span className="mz-muted">{r.signedOn ? `${r.signedBy} 签发 ${r.signedOn}` : `${r.draftedBy} 拟稿（待签发）`}</span>
          <div style={{ whiteSpace: 'pre-wrap' }}>{r.text}</div>
        </div>
      ))}

      <h4>{t('proposals.panel.ratings')}</h4>
      {d.ratings.length === 0 && <div className="mz-muted">{t('proposals.panel.none')}</div>}
      {d.ratings.map((r) => (
        <div key={r.round}>
          {r.ratedOn} · {t('proposals.panel.attitude')} <Tag color={r.attitude === '不满意' ? 'red' : 'green'}>{r.attitude}</Tag>
          {t('proposals.panel.result')} <Tag color={r.result === '不满意' ? 'red' : 'green'}>{r.result}</Tag>
          {r.note && <span className="mz-muted">{r.note}</span>}
        </div>
      ))}

      {can('proposals.handle') && (open || secondReply) && (
        <Card size="small" style={{ marginTop: 16 }} title={open ? t('proposals.panel.addContact') : t('proposals.panel.implementation')}>
          {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 8 }} />}
          <Form form={form} layout="inline" onFinish={(v) => record(open ? 'contact' : 'implementation', v)}>
            <Form.Item name="date" label={t('proposals.field.date')} rules={req}>
              <DatePicker />
            </Form.Item>
            {open ? (
              <>
                <Form.Item name="way" label={t('proposals.field.way')} rules={req}>
                  <Select style={{ width: 120 }} options={CONTACT_WAYS.map((x) => ({ value: x, label: x }))} />
                </Form.Item>
                <Form.Item name="people" label={t('proposals.field.people')} rules={req}>
                  <Input />
                </Form.Item>
                <Form.Item name="content" label={t('proposals.field.content')} rules={req}>
                  <Input.TextArea rows={2} style={{ width: 320 }} />
                </Form.Item>
              </>
            ) : (
              <Form.Item name="text" label={t('proposals.field.text')} rules={req}>
                <Input.TextArea rows={3} style={{ width: 420 }} />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" data-testid="proposal-record">
              {t('proposals.panel.record')}
            </Button>
          </Form>
        </Card>
      )}
    </Card>
  );
}
