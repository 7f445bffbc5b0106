import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Space, Tabs, Tag, type TableProps } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { useState } from 'react';
import { useCan } from '../../app/session.ts';
import { QuestionModal } from './QuestionModal.tsx';
import { ExamPaperModal } from './ExamPaperModal.tsx';
import { QuestionBankTable } from './QuestionBankTable.tsx';
import { studyApi, type BankQuestion, type ExamRow } from './study-api.ts';
import './enforcement.css';
import { DataTable } from '../../shared/DataTable.tsx';

/** 在线考试: the papers, each with the caller's own score and 结业证明, or the way in to sit it. */
export function ExamsPage() {
  const t = useT();
  const can = useCan();
  const qc = useQueryClient();
  const [form, setForm] = useState<'question' | 'exam' | null>(null);
  const [question, setQuestion] = useState<BankQuestion | null>(null);
  const [exam, setExam] = useState<ExamRow | null>(null);
  const setter = can('enforcement.study');
  const close = () => {
    setForm(null);
    setQuestion(null);
    setExam(null);
  };
  const done = () => qc.invalidateQueries({ queryKey: ['enforcement'] });
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
    ...(setter
      ? [
          {
            title: '',
            key: 'edit',
            render: (_: unknown, r: ExamRow) => (
              <Button
                size="small"
                onClick={() => {
                  setExam(r);
                  setForm('exam');
                }}
                aria-label={`${t('enforcement.e.edit')} ${r.title}`}
              >
                {t('enforcement.e.edit')}
              </Button>
            ),
          },
        ]
      : []),
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
  const papers = <DataTable rowKey="id" size="middle" columns={cols} dataSource={exams.data?.items} loading={exams.isLoading} scroll={{ x: 640 }} />;
  return (
    <div className="mz-page mz-enf" data-testid="enforcement-exams-page">
      <PageHeader
        title={t('enforcement.nav.exams')}
        desc={t('enforcement.exams.desc')}
        extra={
          setter && (
            <Space wrap>
              <Button onClick={() => setForm('question')} data-testid="study-question-new">
                新增试题
              </Button>
              <Button type="primary" onClick={() => setForm('exam')} data-testid="study-exam-new">
                组卷
              </Button>
            </Space>
          )
        }
      />
      <QuestionModal key={question?.id ?? 'new'} open={form === 'question'} question={question} onClose={close} onDone={done} />
      <ExamPaperModal key={exam?.id ?? 'new'} open={form === 'exam'} exam={exam} year={new Date().getFullYear()} onClose={close} onDone={done} />
      {exams.data && !exams.data.officer && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('enforcement.e.noOfficer')} />}
      {exams.error && <QueryError error={exams.error} />}
      {setter ? (
        <Tabs
          items={[
            { key: 'papers', label: t('enforcement.e.papers'), children: papers },
            {
              key: 'bank',
              label: t('enforcement.q.bank'),
              children: (
                <QuestionBankTable
                  onEdit={(q) => {
                    setQuestion(q);
                    setForm('question');
                  }}
                />
              ),
            },
          ]}
        />
      ) : (
        papers
      )}
    </div>
  );
}
