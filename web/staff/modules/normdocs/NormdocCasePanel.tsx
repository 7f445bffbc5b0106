import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Collapse, DatePicker, Descriptions, Form, Input, Select, Skeleton, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useCan } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';
import { QueryError } from '../../shared/QueryError.tsx';
import type { CaseTypePanelProps } from '../cases/type-panels.tsx';
import { DISPOSITIONS, normdocApi } from './api.ts';
import { VersionDiff } from './VersionDiff.tsx';
import { ReviewForm } from './ReviewForm.tsx';
import { DeliberationCard } from './DeliberationCard.tsx';
import { EvaluationCard } from './EvaluationCard.tsx';
import './normdocs.css';
import { DataTable } from '../../shared/DataTable.tsx';

/** 规范性文件 part of the case page: the evidence of each gate, versions, consultation and comments, review rounds, meeting. */
export function NormdocCasePanel({ c, run: runCase }: CaseTypePanelProps) {
  const t = useT();
  const can = useCan();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [commentForm] = Form.useForm();
  const [versionForm] = Form.useForm();
  const q = useQuery({ queryKey: ['normdocs', 'detail', c.id, c.version], queryFn: () => normdocApi.get(c.id) });
  if (q.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (q.isError) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  const d = q.data;
  // The drafting office's forms only where its own moves are open to this user (the kernel's who-check).
  const drafter = can('normdocs.draft') && c.actions.transitions.some((x) => x.name === 'consult' || x.name === 'submit_review');
  const run = async (f: () => Promise<unknown>, reset?: () => void) => {
    setError(null);
    try {
      await f();
      message.success(t('normdocs.panel.saved'));
      reset?.();
      void qc.invalidateQueries({ queryKey: ['normdocs'] });
      void qc.invalidateQueries({ queryKey: ['case', c.id] });
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    }
  };
  const req = [{ required: true, message: t('normdocs.required') }];
  const last = d.versions.at(-1);

  return (
    <Card className="mz-card mz-nd" data-testid="normdoc-panel" title={`${t('normdocs.panel.title')} · ${d.number ?? d.title}`}>
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 8 }} />}
      <h4>{t('normdocs.panel.gates')}</h4>
      <DataTable
        size="small"
        className="mz-nd-gates"
        pagination={false}
        rowKey="gate"
        dataSource={d.gates}
        columns={[
          { title: t('normdocs.panel.gate'), dataIndex: 'gate' },
          {
            title: t('normdocs.panel.status'),
            dataIndex: 'passed',
            render: (v: boolean) => <Tag color={v ? 'green' : 'default'}>{v ? t('normdocs.panel.passed') : t('normdocs.panel.missing')}</Tag>,
          },
          { title: t('normdocs.panel.date'), dataIndex: 'on', render: (v: string | null) => v ?? '—' },
          { title: t('normdocs.panel.evidence'), dataIndex: 'by', render: (v: string | null) => v ?? '—' },
        ]}
      />
      <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }} bordered style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('normdocs.c.office')}>{`${d.orgUnitName}（${d.draftedBy}）`}</Descriptions.Item>
        <Descriptions.Item label={t('normdocs.c.number')}>{d.number ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('normdocs.c.effectiveOn')}>{d.effectiveOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('normdocs.c.validUntil')}>{d.validUntil ?? '—'}</Descriptions.Item>
      </Descriptions>

      <h4 style={{ marginTop: 16 }}>{t('normdocs.panel.versions')}</h4>
      <Collapse
        size="small"
        defaultActiveKey={last ? [String(last.versionNo)] : []}
        items={d.versions.map((v, i) => {
          const prev = d.versions[i - 1];
          return {
            key: String(v.versionNo),
            label: `第 ${v.versionNo} 版 · ${v.source} · ${v.by}${v.note ? `：${v.note}` : ''}`,
            children: prev ? (
              <>
                <VersionDiff before={prev.text} after={v.text} prevNo={prev.versionNo} />
                <details style={{ marginTop: 8 }}>
                  <summary>{t('normdocs.diff.full')}</summary>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{v.text}</div>
                </details>
              </>
            ) : (
              <div style={{ whiteSpace: 'pre-wrap' }}>{v.text}</div>
            ),
          };
        })}
      />
      {drafter && d.state === 'drafting' && (
        <Form
          form={versionForm}
          layout="vertical"
          style={{ marginTop: 8 }}
          onFinish={(v) =>
            run(
              () => normdocApi.version(c.id, v),
              () => versionForm.resetFields(),
            )
          }
        >
          <Form.Item name="text" label={t('normdocs.field.text')} rules={req} initialValue={last?.text}>
            <Input.TextArea rows={6} />
          </Form.Item>
          <Form.Item name="note" label={t('normdocs.field.versionNote')} rules={req}>
            <Input />
          </Form.Item>
          <Button htmlType="submit" data-testid="normdoc-version">
            {t('normdocs.panel.newVersion')}
          </Button>
        </Form>
      )}

      <h4 style={{ marginTop: 16 }}>{t('normdocs.panel.consultation')}</h4>
      {d.consultation ? (
        <div>{`${d.consultation.way}：${d.consultation.startOn} 至 ${d.consultation.endOn}（不少于 ${d.consultation.minDays} 日）${d.consultation.targets ? `，${d.consultation.targets}` : ''}`}</div>
      ) : (
        <div className="mz-muted">{t('normdocs.panel.none')}</div>
      )}
      <h4 style={{ marginTop: 12 }}>{t('normdocs.panel.comments')}</h4>
      {d.comments.length === 0 && <div className="mz-muted">{t('normdocs.panel.none')}</div>}
      {d.comments.map((x) => (
        <div key={x.id} style={{ marginBottom: 8 }}>
          <span className="mz-muted">{`${x.receivedOn} ${x.commenter}（${x.channel}）：`}</span>
          <span style={{ whiteSpace: 'pre-wrap' }}>{x.content}</span>
          <div>
            {x.disposition ? (
              <span>
                <Tag color={x.disposition === '不采纳' ? 'orange' : 'green'}>{x.disposition}</Tag>
                {x.reason}
              </span>
            ) : (
              drafter &&
              d.state === 'consulting' && (
                <Form
                  layout="inline"
                  className="mz-nd-inline"
                  onFinish={(v) => run(() => normdocApi.dispose(c.id, { commentId: x.id, disposition: v.disposition, reason: v.reason }))}
                >
                  <Form.Item name="disposition" rules={req}>
                    <Select
                      aria-label={t('normdocs.field.disposition')}
                      placeholder={t('normdocs.field.disposition')}
                      style={{ width: 120 }}
                      options={DISPOSITIONS.map((v) => ({ value: v, label: v }))}
                    />
                  </Form.Item>
                  <Form.Item name="reason" rules={req}>
                    <Input aria-label={t('normdocs.field.reason')} placeholder={t('normdocs.field.reason')} style={{ width: 260 }} />
                  </Form.Item>
                  <Button htmlType="submit">{t('normdocs.panel.dispose')}</Button>
                </Form>
              )
            )}
          </div>
        </div>
      ))}
      {drafter && d.state === 'consulting' && (
        <Card size="small" title={t('normdocs.panel.addComment')}>
          <Form
            form={commentForm}
            layout="inline"
            className="mz-nd-inline"
            onFinish={(v: { commenter: string; content: string; receivedOn: Dayjs }) =>
              run(
                () => normdocApi.comment(c.id, { commenter: v.commenter, content: v.content, receivedOn: v.receivedOn.format('YYYY-MM-DD') }),
                () => commentForm.resetFields(),
              )
            }
          >
            <Form.Item name="receivedOn" label={t('normdocs.field.receivedOn')} rules={req}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="commenter" label={t('normdocs.field.commenter')} rules={req}>
              <Input />
            </Form.Item>
            <Form.Item name="content" label={t('normdocs.field.content')} rules={req}>
              <Input.TextArea rows={2} style={{ width: 320 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="normdoc-comment">
              {t('normdocs.panel.save')}
            </Button>
          </Form>
        </Card>
      )}

      <h4 style={{ marginTop: 16 }}>{t('normdocs.panel.reviews')}</h4>
      {d.reviews.length === 0 && <div className="mz-muted">{t('normdocs.panel.none')}</div>}
      {d.reviews.map((r) => (
        <div key={r.round} style={{ marginBottom: 8 }}>
          <Space>
            <Tag>{`第 ${r.round} 次（第 ${r.versionNo} 版）`}</Tag>
            <span className="mz-muted">{`${r.submittedOn} 送审`}</span>
            {r.conclusion && <Tag color={r.conclusion === '不予通过' ? 'red' : 'green'}>{r.conclusion}</Tag>}
            {r.reviewedOn && <span className="mz-muted">{`${r.reviewedBy} ${r.reviewedOn}`}</span>}
          </Space>
          {r.opinion && <div style={{ whiteSpace: 'pre-wrap' }}>{r.opinion}</div>}
        </div>
      ))}

      {d.state === 'reviewing' && can('normdocs.review') && <ReviewForm c={c} run={runCase} lastText={last?.text ?? ''} />}
      {d.reviews.at(-1)?.checklist && (
        <ul className="mz-muted">
          {d.reviews.at(-1)!.checklist!.map((x) => (
            <li key={x.item}>{`${x.ok ? '✓' : '✗'} ${x.item}${x.note ? `：${x.note}` : ''}`}</li>
          ))}
        </ul>
      )}

      <h4 style={{ marginTop: 16 }}>{t('normdocs.panel.meeting')}</h4>
      {d.meeting ? (
        <div>{`${d.meeting.metOn} ${d.meeting.name}（${d.meeting.attendees}）：${d.meeting.decision}`}</div>
      ) : (
        <div className="mz-muted">{t('normdocs.panel.none')}</div>
      )}
      {d.state === 'reviewed' && <DeliberationCard c={c} run={runCase} d={d} />}
      <EvaluationCard d={d} run={run} />
    </Card>
  );
}
