import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Tag, Upload } from 'antd';
import { useCan } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import { QueryError } from '../../shared/QueryError.tsx';
import type { CaseTypePanelProps } from '../cases/type-panels.tsx';
import { LinkedCaseCard, caseLinkFact } from '../cases/LinkedCaseCard.tsx';
import { hallApi, type MaterialRow } from './api.ts';
import { DataTable } from '../../shared/DataTable.tsx';

const OPEN = ['submitted', 'correcting'];

/** 申请材料 on the case page: each material of the list, required or not, received or missing, its files; before 受理 the clerk uploads scans. */
export function HallCasePanel({ c }: CaseTypePanelProps) {
  const t = useT();
  const can = useCan();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['hall', 'materials', c.id, c.version], queryFn: () => hallApi.materials(c.id) });
  const upload = useMutation({
    mutationFn: ({ index, file }: { index: number; file: File }) => hallApi.uploadMaterial(c.id, index, file),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['hall', 'materials', c.id] }),
  });
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  const rows = q.data?.materials ?? [];
  const missing = rows.filter((m) => m.required && !m.present);
  const open = OPEN.includes(c.state) && can('hall.handle');
  const orgsCase = caseLinkFact(c.data?.orgsCase);
  return (
    <>
      {orgsCase && <LinkedCaseCard title={t('hall.orgsCase.title')} link={orgsCase} note={t('hall.orgsCase.note')} testId="hall-orgs-case" />}
      <Card className="mz-card" title={t('hall.materials.title')} loading={q.isPending} data-testid="hall-materials" style={{ marginBottom: 12 }}>
        {missing.length > 0 && (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('hall.materials.missing', { names: missing.map((m) => m.name).join('、') })} />
        )}
        {upload.error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} message={(upload.error as Error).message} />}
        <DataTable<MaterialRow>
          rowKey="index"
          size="small"
          pagination={false}
          dataSource={rows}
          scroll={{ x: 560 }}
          columns={[
            { title: t('hall.materials.name'), dataIndex: 'name' },
            {
              title: t('hall.materials.state'),
              width: 110,
              render: (_, m) =>
                m.present ? (
                  <Tag color="green">{t('hall.materials.present')}</Tag>
                ) : m.required ? (
                  <Tag color="red">{t('hall.materials.absent')}</Tag>
                ) : (
                  <Tag>{t('hall.materials.optional')}</Tag>
                ),
            },
            {
              title: t('hall.materials.files'),
              render: (_, m) =>
                m.files.map((f) => (
                  <div key={f.id}>
                    <a href={api.attachmentUrl(c.id, f.id)}>{f.fileName}</a>
                  </div>
                )),
            },
            ...(open
              ? [
                  {
                    title: '',
                    width: 90,
                    render: (_: unknown, m: MaterialRow) => (
                      <Upload
                        accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx,.txt"
                        showUploadList={false}
                        beforeUpload={(file) => (upload.mutate({ index: m.index, file }), false)}
                      >
                        <Button size="small" loading={upload.isPending && upload.variables?.index === m.index}>
                          {t('hall.materials.upload')}
                        </Button>
                      </Upload>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </>
  );
}
