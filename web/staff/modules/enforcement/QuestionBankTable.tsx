import { useQuery } from '@tanstack/react-query';
import { Button, Tag } from 'antd';
import { useT } from '../../i18n/i18n.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { studyApi, type BankQuestion } from './study-api.ts';
import { DataTable } from '../../shared/DataTable.tsx';

/** 题库 for those who set the papers: the newest version of each question, its key and basis, and 修改. */
export function QuestionBankTable(p: { onEdit: (q: BankQuestion) => void }) {
  const t = useT();
  const bank = useQuery({ queryKey: ['enforcement', 'study', 'questions'], queryFn: studyApi.questions });
  return (
    <>
      {bank.error && <QueryError error={bank.error} />}
      <DataTable<BankQuestion>
        rowKey="id"
        size="small"
        data-testid="study-question-bank"
        loading={bank.isLoading}
        dataSource={bank.data?.items}
        scroll={{ x: 760 }}
        columns={[
          { title: t('enforcement.q.kind'), dataIndex: 'kindLabel', width: 90 },
          { title: t('enforcement.q.stem'), dataIndex: 'stem' },
          { title: t('enforcement.q.answer'), dataIndex: 'answer', width: 80, render: (v: string[]) => v.join('') },
          { title: t('enforcement.q.basis'), dataIndex: 'basis' },
          { title: t('enforcement.q.version'), dataIndex: 'version', width: 70, render: (v: number) => (v > 1 ? <Tag>v{v}</Tag> : 'v1') },
          {
            title: '',
            key: 'edit',
            width: 80,
            render: (_, q) => (
              <Button size="small" onClick={() => p.onEdit(q)} aria-label={`${t('enforcement.e.edit')} ${q.stem.slice(0, 20)}`}>
                {t('enforcement.e.edit')}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
