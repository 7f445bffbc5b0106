import { DownloadOutlined, FileTextOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Space, Typography, type TableProps } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { LinkButton } from '../../shared/LinkButton.tsx';
import { reportApi, type ReportRun, type ReportRuns } from './api.ts';
import { DataTable } from '../../shared/DataTable.tsx';

type Row = ReportRuns['items'][number];
/** 成文日期 as printed: 2026年6月1日. */
const chineseDate = (d: string) => {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
};

/** Generate the year's report (report.edit), list the generated ones, preview and download (docx, xlsx appendix). */
export function RunsTab({ year, area, canEdit }: { year: number; area?: string; canEdit: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [shown, setShown] = useState<string | null>(null);
  const runs = useQuery({ queryKey: ['report', 'runs', year, area], queryFn: () => reportApi.runs(year, area) });
  const run = useQuery({ queryKey: ['report', 'run', shown], queryFn: () => reportApi.run(shown!), enabled: !!shown });
  const generate = useMutation({
    mutationFn: () => reportApi.generate(year, area),
    onSuccess: (r) => {
      message.success(t('report.generated'));
      qc.setQueryData(['report', 'run', r.id], r);
      setShown(r.id);
      void qc.invalidateQueries({ queryKey: ['report', 'runs'] });
    },
    onError: (e) => message.error(e instanceof ApiError ? e.title : String(e)),
  });
  const downloads = (id: string) => (
    <Space>
      <Button size="small" icon={<DownloadOutlined />} href={reportApi.docxUrl(id)} data-testid="download-docx">
        {t('report.docx')}
      </Button>
      <Button size="small" icon={<DownloadOutlined />} href={reportApi.pdfUrl(id)} data-testid="download-pdf">
        {t('report.pdf')}
      </Button>
      <Button size="small" icon={<DownloadOutlined />} href={reportApi.xlsxUrl(id)} data-testid="download-xlsx">
        {t('report.xlsx')}
      </Button>
    </Space>
  );
  const columns: TableProps<Row>['columns'] = [
    { title: t('report.runs.at'), dataIndex: 'generatedAt', width: 180, render: (v) => formatDateTime(v) },
    { title: t('report.runs.by'), dataIndex: 'generatedBy', width: 120, render: (v) => v ?? '—' },
    { title: t('report.runs.version'), dataIndex: 'templateVersion', width: 100 },
    {
      title: t('common.actions'),
      key: 'a',
      render: (_, r) => (
        <Space>
          <LinkButton onClick={() => setShown(r.id)}>{t('report.preview')}</LinkButton>
          {downloads(r.id)}
        </Space>
      ),
    },
  ];
  return (
    <>
      <Card
        className="mz-card"
        style={{ marginBottom: 16 }}
        extra={
          canEdit && (
            <Button type="primary" icon={<FileTextOutlined />} loading={generate.isPending} onClick={() => generate.mutate()} data-testid="generate-report">
              {t('report.generate')}
            </Button>
          )
        }
        title={t('report.tab.runs')}
      >
        <DataTable<Row>
          rowKey="id"
          size="small"
          loading={runs.isFetching}
          dataSource={runs.data?.items ?? []}
          columns={columns}
          pagination={false}
          locale={{ emptyText: <Empty description={t('report.none')} /> }}
        />
      </Card>
      {run.data && <RunPreview run={run.data} downloads={downloads(run.data.id)} />}
    </>
  );
}

function RunPreview({ run, downloads }: { run: ReportRun; downloads: ReactNode }) {
  const t = useT();
  return (
    <Card className="mz-card" title={run.text.title} extra={downloads} data-testid="report-preview">
      {run.missing.length > 0 && <Alert type="warning" showIcon title={t('report.missing', { codes: run.missing.join('、') })} className="mz-gap" />}
      <Typography.Paragraph style={{ textAlign: 'center' }}>{run.text.docNo}</Typography.Paragraph>
      <Typography.Paragraph>{run.text.recipient}：</Typography.Paragraph>
      {run.text.sections.map((s, i) => (
        <div key={i}>
          <Typography.Title level={5}>{s.heading}</Typography.Title>
          {s.paragraphs.map((p, k) => (
            <Typography.Paragraph key={k} style={{ textIndent: '2em' }}>
              {p}
            </Typography.Paragraph>
          ))}
        </div>
      ))}
      <Typography.Paragraph style={{ textAlign: 'right' }}>
        {run.text.issuer}
        <br />
        {chineseDate(run.text.date)}
      </Typography.Paragraph>
    </Card>
  );
}
