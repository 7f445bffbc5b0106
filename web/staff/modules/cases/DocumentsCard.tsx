import { FilePdfOutlined, FileProtectOutlined, FileWordOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Tag, Typography } from 'antd';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';
import type { CaseDetail } from '../../shared/api-types.ts';
import { formatDateTime } from '../../shared/format.ts';
import { QueryError } from '../../shared/QueryError.tsx';
import { useCaseDocuments, useIssueDocument, type CaseDocument, type IssuableDocument } from './use-documents.ts';
import './documents.css';

/**
 * 文书: every issued version of the case's official documents (number, version, issuer, verification
 * code), the PDF as issued and the editable docx, and 出具 / 重新出具 for the types the server offers.
 */
export function DocumentsCard({ c }: { c: CaseDetail }) {
  const t = useT();
  const { modal, message } = App.useApp();
  const q = useCaseDocuments(c.id, c.version);
  const issue = useIssueDocument(c.id);
  const items = q.data?.items ?? [];

  const confirm = (d: IssuableDocument) => {
    const latest = items.find((x) => x.type === d.type && x.current);
    modal.confirm({
      title: t(latest ? 'doc.reissueTitle' : 'doc.issueTitle', { title: d.title }),
      content: latest ? t('doc.reissueNote', { no: latest.docNo, next: latest.version + 1, version: latest.version }) : t('doc.issueNote'),
      okText: t(latest ? 'doc.reissue' : 'doc.issue'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const r = await issue.mutateAsync(d.type);
          message.success(t('doc.issued', { title: r.title, no: r.docNo, version: r.version }));
        } catch (e) {
          message.error(e instanceof ApiError ? e.title : String(e));
        }
      },
    });
  };

  return (
    <Card
      className="mz-card mz-docs"
      size="small"
      data-testid="documents"
      title={
        <span>
          <FileProtectOutlined /> {t('doc.card')}
          {items.length ? ` · ${items.length}` : ''}
        </span>
      }
    >
      {q.isError && <QueryError error={q.error} onRetry={() => q.refetch()} />}
      {q.isSuccess && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('doc.none')} />}
      {items.length > 0 && (
        <ul className="mz-files">
          {items.map((d) => (
            <DocumentItem key={d.id} d={d} />
          ))}
        </ul>
      )}
      {!!q.data?.issuable.length && (
        <div className="mz-docs-issue">
          {q.data.issuable.map((d) => (
            <Button
              key={d.type}
              size="small"
              onClick={() => confirm(d)}
              loading={issue.isPending && issue.variables === d.type}
              data-testid={`document-issue-${d.type}`}
            >
              {t(d.issued ? 'doc.reissueOf' : 'doc.issueOf', { title: d.title })}
            </Button>
          ))}
        </div>
      )}
      {issue.isError && !(issue.error instanceof ApiError) && <Alert type="error" showIcon title={String(issue.error)} className="mz-modal-note" />}
      <p className="mz-card-note">{t('doc.note')}</p>
    </Card>
  );
}

function DocumentItem({ d }: { d: CaseDocument }) {
  const t = useT();
  return (
    <li data-testid="document-item" className={d.current ? undefined : 'mz-doc-old'}>
      <FileProtectOutlined className="mz-file-icon" />
      <div className="mz-file-body">
        <div className="mz-doc-head">
          <strong className="mz-doc-title">{d.title}</strong>
          <Tag>{t('doc.version', { n: d.version })}</Tag>
          {!d.current && <Tag color="default">{t('doc.superseded')}</Tag>}
        </div>
        <div className="mz-mono mz-doc-no" data-testid="document-no">
          {d.docNo}
        </div>
        <div className="mz-file-meta">
          <span>{d.issuer}</span>
          <span>{d.issuedBy ?? t('event.system')}</span>
          <span>{formatDateTime(d.issuedAt)}</span>
        </div>
        <div className="mz-file-meta">
          <span>
            <SafetyCertificateOutlined /> {t('doc.code')}
          </span>
          <Typography.Text className="mz-mono" copyable={{ text: d.verifyCode }} data-testid="document-code">
            {d.verifyCode}
          </Typography.Text>
        </div>
        <div className="mz-doc-actions">
          <Button size="small" icon={<FilePdfOutlined />} href={d.pdfUrl} target="_blank" rel="noopener" data-testid="document-pdf">
            {t('doc.pdf')}
          </Button>
          {d.docxUrl && (
            <Button size="small" icon={<FileWordOutlined />} href={d.docxUrl} download data-testid="document-docx">
              {t('doc.docx')}
            </Button>
          )}
        </div>
      </div>
    </li>
  );
}
