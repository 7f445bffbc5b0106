import { CommentOutlined, FileOutlined, FlagOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Form, Input, Tag, Tooltip, Upload } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { api, ApiError } from '../../shared/api.ts';
import type { CaseDetail } from '../../shared/api-types.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import type { CaseRun } from './use-case.ts';

const MAX_BYTES = 20 * 1024 * 1024;

export function formatSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** 附件: upload (multipart), list with the SM3 digest recorded at upload, download. */
export function AttachmentsCard({ c, run }: { c: CaseDetail; run: CaseRun }) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const upload = async (file: File) => {
    setError(null);
    if (file.size > MAX_BYTES) return setError(t('case.tooLarge', { max: '20 MB' }));
    setBusy(true);
    try {
      await run(() => api.caseUpload(c.id, file));
      message.success(t('case.uploaded', { name: file.name }));
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      className="mz-card"
      size="small"
      title={
        <span>
          <PaperClipOutlined /> {t('case.attachments')}
          {c.attachments.length ? ` · ${c.attachments.length}` : ''}
        </span>
      }
      data-testid="attachments"
      extra={
        <Upload
          showUploadList={false}
          beforeUpload={(f) => {
            void upload(f);
            return false;
          }}
          maxCount={1}
        >
          <Button size="small" icon={<UploadOutlined />} loading={busy}>
            {t('case.upload')}
          </Button>
        </Upload>
      }
    >
      {error && <Alert type="error" showIcon title={error} className="mz-modal-note" />}
      {c.attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('case.attachmentsNone')} />
      ) : (
        <ul className="mz-files">
          {c.attachments.map((a) => (
            <li key={a.id}>
              <FileOutlined className="mz-file-icon" />
              <div className="mz-file-body">
                <a href={api.attachmentUrl(c.id, a.id)} download={a.fileName} className="mz-file-name">
                  {a.fileName}
                </a>
                <div className="mz-file-meta">
                  <span>{formatSize(a.sizeBytes)}</span>
                  <span>{a.uploadedBy ?? t('case.uploadedByPublic')}</span>
                  <span>{formatDateTime(a.uploadedAt)}</span>
                  <Tooltip title={<span className="mz-mono">{a.sm3}</span>}>
                    <span className="mz-mono mz-hash" tabIndex={0} aria-label={`${t('case.sm3')} ${a.sm3}`}>
                      SM3 {a.sm3.slice(0, 12)}…
                    </span>
                  </Tooltip>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      <p className="mz-card-note">{t('case.uploadNote')}</p>
    </Card>
  );
}

/** 办理意见: comments on the case, newest last, and a box to add one. */
export function CommentsCard({ c, run }: { c: CaseDetail; run: CaseRun }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ body: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async ({ body }: { body: string }) => {
    setBusy(true);
    setError(null);
    try {
      await run(() => api.caseComment(c.id, body.trim()));
      form.resetFields();
      message.success(t('case.commented'));
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      className="mz-card"
      size="small"
      title={
        <span>
          <CommentOutlined /> {t('case.comments')}
          {c.comments.length ? ` · ${c.comments.length}` : ''}
        </span>
      }
      data-testid="comments"
    >
      {c.comments.length === 0 ? (
        <p className="mz-muted mz-empty-line">{t('case.commentsNone')}</p>
      ) : (
        <ul className="mz-comments">
          {c.comments.map((m) => (
            <li key={m.id}>
              <div className="mz-comment-head">
                <strong>{m.authorName ?? '—'}</strong>
                <span className="mz-muted">{formatDateTime(m.createdAt)}</span>
              </div>
              <p>{m.body}</p>
            </li>
          ))}
        </ul>
      )}
      {c.actions.canComment && (
        <Form form={form} onFinish={submit} className="mz-comment-form" name="case-comment">
          {error && <Alert type="error" showIcon title={error} className="mz-modal-note" />}
          <Form.Item name="body" rules={[{ required: true, whitespace: true, message: t('common.required', { f: t('case.comment') }) }, { max: 5000 }]}>
            <Input.TextArea rows={3} maxLength={5000} placeholder={t('case.commentPlaceholder')} aria-label={t('case.comment')} />
          </Form.Item>
          <div className="mz-comment-actions">
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('case.commentSubmit')}
            </Button>
          </div>
        </Form>
      )}
    </Card>
  );
}

/** 督办: who supervised, why, by when feedback is due, and the feedback. */
export function SupervisionCard({ c }: { c: CaseDetail }) {
  const t = useT();
  if (!c.supervisions.length) return null;
  return (
    <Card
      className="mz-card"
      size="small"
      title={
        <span>
          <FlagOutlined /> {t('case.supervisions')}
        </span>
      }
      data-testid="supervisions"
    >
      <ul className="mz-comments">
        {c.supervisions.map((s) => (
          <li key={s.id}>
            <div className="mz-comment-head">
              <strong>
                {s.fromOrgName} → {s.toOrgName}
              </strong>
              <Tag color={s.feedback ? 'green' : 'red'}>{t(s.feedback ? 'supervision.answered' : 'supervision.awaiting')}</Tag>
            </div>
            <div className="mz-muted">
              {formatDateTime(s.issuedAt)}
              {s.feedbackDue ? ` · ${t('supervision.due', { date: formatDate(s.feedbackDue) })}` : ''}
            </div>
            <p>{s.reason}</p>
            {s.feedback && (
              <p className="mz-quote">
                {t('supervision.feedback')}
                {s.feedbackAt ? `（${formatDateTime(s.feedbackAt)}）` : ''}：{s.feedback}
              </p>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
