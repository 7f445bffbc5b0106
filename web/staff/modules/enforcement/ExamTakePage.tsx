import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Popconfirm, Radio, Space } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { studyApi } from './study-api.ts';
import './enforcement.css';

const LETTERS = 'ABCDEF';

/** 答题: the paper without its key; the server scores it on 交卷. */
export function ExamTakePage() {
  const t = useT();
  const { id = '' } = useParams();
  const nav = useNavigate();
  const qc = useQueryClient();
  const paper = useQuery({ queryKey: ['enforcement', 'paper', id], queryFn: () => studyApi.paper(id) });
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const qs = paper.data?.questions ?? [];
  const answered = qs.filter((q) => answers[q.id]?.length).length;
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await studyApi.submit(id, answers);
      await qc.invalidateQueries({ queryKey: ['enforcement', 'exams'] });
      nav(`/enforcement/exams/attempts/${r.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
      setBusy(false);
    }
  };
  const opts = (options: string[]) => options.map((o, i) => ({ value: LETTERS[i]!, label: `${LETTERS[i]}．${o}` }));
  return (
    <div className="mz-page mz-enf" data-testid="enforcement-exam-take">
      <PageHeader
        title={paper.data?.title ?? t('enforcement.nav.exams')}
        desc={paper.data && `共 ${qs.length} 题，满分 100 分，${paper.data.passMark} 分合格。交卷后由系统评分，每人限考一次。`}
      />
      {paper.error && <QueryError error={paper.error} />}
      {qs.map((q) => (
        <Card
          key={q.id}
          className="mz-card mz-enf-question"
          size="small"
          title={`${q.no}．【${q.kindLabel}】${q.stem}`}
          styles={{ title: { whiteSpace: 'normal' } }}
        >
          {q.kind === 'multiple' ? (
            <Checkbox.Group
              aria-label={`第 ${q.no} 题`}
              options={opts(q.options)}
              value={answers[q.id] ?? []}
              onChange={(v) => setAnswers({ ...answers, [q.id]: v as string[] })}
            />
          ) : (
            <Radio.Group
              aria-label={`第 ${q.no} 题`}
              options={opts(q.options)}
              value={answers[q.id]?.[0]}
              onChange={(e) => setAnswers({ ...answers, [q.id]: [e.target.value as string] })}
            />
          )}
        </Card>
      ))}
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
      {!!qs.length && (
        <Space>
          <Popconfirm
            title={answered < qs.length ? `还有 ${qs.length - answered} 题未作答，确定交卷？` : '确定交卷？交卷后不能修改。'}
            okText="交卷"
            cancelText="再检查"
            onConfirm={submit}
          >
            <Button type="primary" loading={busy} data-testid="exam-submit">
              {t('enforcement.e.submit')}
            </Button>
          </Popconfirm>
          <span>
            已答 {answered} / {qs.length}
          </span>
        </Space>
      )}
    </div>
  );
}
