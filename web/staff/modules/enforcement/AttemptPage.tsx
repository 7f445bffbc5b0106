import { useQuery } from '@tanstack/react-query';
import { FilePdfOutlined } from '@ant-design/icons';
import { Button, Card, Result, Tag, type TableProps } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { studyApi, type Attempt } from './study-api.ts';
import './enforcement.css';
import { DataTable } from '../../shared/DataTable.tsx';

type Q = Attempt['questions'][number];

/** 成绩与结业证明: the score, the certificate when passed, and each question with its key and legal basis. */
export function AttemptPage() {
  const t = useT();
  const { id = '' } = useParams();
  const a = useQuery({ queryKey: ['enforcement', 'attempt', id], queryFn: () => studyApi.attempt(id) });
  const r = a.data;
  const cols: TableProps<Q>['columns'] = [
    { title: '题号', dataIndex: 'no', width: 60 },
    { title: '题目', dataIndex: 'stem', render: (v: string, q) => `【${q.kindLabel}】${v}` },
    { title: '作答', dataIndex: 'given', width: 80, render: (v: string[]) => v.join('') || '未答' },
    { title: '答案', dataIndex: 'answer', width: 70, render: (v: string[]) => v.join('') },
    { title: '结果', dataIndex: 'right', width: 80, render: (v: boolean) => <Tag color={v ? 'green' : 'red'}>{v ? '正确' : '错误'}</Tag> },
    { title: '法律依据', dataIndex: 'basis' },
  ];
  return (
    <div className="mz-page mz-enf" data-testid="enforcement-attempt-page">
      <PageHeader title={r ? `${r.title}：成绩` : t('enforcement.nav.exams')} extra={<Link to="/enforcement/exams">{t('enforcement.nav.exams')}</Link>} />
      {a.error && <QueryError error={a.error} />}
      {r && (
        <>
          <Result
            status={r.passed ? 'success' : 'warning'}
            title={<span data-testid="exam-score">{`${r.score} 分，${r.passed ? '合格' : '不合格'}`}</span>}
            subTitle={`${r.officerName}（${r.orgName}），${r.submittedOn} 交卷；答对 ${r.correct} / ${r.total} 题，${r.passMark} 分合格${r.qualification && r.passed ? '；资格考试合格已记入执法人员档案' : ''}。`}
          />
          {r.certificate && (
            <Card className="mz-card" style={{ marginBottom: 16 }}>
              <div className="mz-enf-certificate" data-testid="exam-certificate" style={{ margin: '0 auto' }}>
                <h2>结业证明</h2>
                <p>{r.certificate.no}</p>
                <p style={{ textAlign: 'left' }}>{r.certificate.text}</p>
                <p style={{ textAlign: 'right' }}>{r.certificate.issuer}</p>
              </div>
              {r.certificate.documentId && (
                <div style={{ textAlign: 'center' }}>
                  <Button
                    icon={<FilePdfOutlined />}
                    href={`/api/documents/${r.certificate.documentId}.pdf`}
                    target="_blank"
                    rel="noopener"
                    data-testid="certificate-pdf"
                  >
                    {t('doc.pdf')}
                  </Button>
                </div>
              )}
            </Card>
          )}
          <DataTable rowKey="id" size="small" columns={cols} dataSource={r.questions} pagination={false} scroll={{ x: 760 }} />
        </>
      )}
    </div>
  );
}
