import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Table, Tag, type TableProps } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { studyApi, type ExamRow } from './study-api.ts';
import './enforcement.css';

/** 在线考试: the papers, each with the caller's own score and 结业证明, or the way in to sit it. */
export function ExamsPage() {
  const t = useT();
  const exams = useQuery({ queryKey: ['enforcement', 'exams'], queryFn: studyApi.exams });
  const cols: TableProps<ExamRow>['columns'] = [
    {
      title: t('enforcement.e.title'),
      dataIndex: 'title',
      render: (v: string, r) => (
        <>
          {v} {r.qualification && <Tag color="purple">{t('enforcement.e.qualification')}</Tag>}
        </>
      ),
    },
    { title: t('enforcement.e.questions'), dataIndex: 'questions', align: 'right' },
    { title: t('enforcement.e.passMark'), dataIndex: 'passMark', align: 'right' },
    { title: t('enforcement.e.closesOn'), dataIndex: 'closesOn', render: (v: string | null) => v ?? '—' },
    {
      title: t('enforcement.e.mine'),
      key: 'mine',
      render: (_, r) =>
        r.myAttempt ? (
          <Link to={`/enforcement/exams/attempts/${r.myAttempt.id}`}>
            <Tag color={r.myAttempt.passed ? 'green' : 'red'}>
              {r.myAttempt.score} 分{r.myAttempt.passed ? '，合格' : '，不合格'}
            </Tag>
          </Link>
        ) : r.closed ? (
          <Tag>{t('enforcement.e.closed')}</Tag>
        ) : (
          <Link to={`/enforcement/exams/${r.id}`}>
            <Button type="primary" size="small">
              {t('enforcement.e.take')}
            </Button>
          </Link>
        ),
    },
  ];
  return (
    <div className="mz-page mz-enf" data-testid="enforcement-exams-page">
      <PageHeader title={t('enforcement.nav.exams')} desc={t('enforcement.exams.desc')} />
      {exams.data && !exams.data.officer && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('enforcement.e.noOfficer')} />}
      {exams.error && <QueryError error={exams.error} />}
      <Table rowKey="id" size="middle" columns={cols} dataSource={exams.data?.items} loading={exams.isLoading} scroll={{ x: 640 }} />
    </div>
  );
}
