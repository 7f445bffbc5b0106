import { useQuery } from '@tanstack/react-query';
import { Card, Skeleton } from 'antd';
import { useEffect } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { http } from '../../shared/api.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { useT } from '../../i18n/i18n.tsx';

type LawText = { ref: string; title: string; paragraphs: string[] };

/** 法规库: one reference text, the article a legal basis named marked and scrolled to. */
export function LawPage() {
  const t = useT();
  const ref = useParams().ref ?? '';
  const article = useSearchParams()[0].get('article');
  const q = useQuery({ queryKey: ['laws', ref], queryFn: () => http.get<LawText>(`/api/laws/${encodeURIComponent(ref)}`) });
  const at = q.data && article ? q.data.paragraphs.findIndex((p) => p.startsWith(article + ' ') || p.startsWith(article + '\u3000')) : -1;
  useEffect(() => {
    if (at >= 0) document.getElementById(`law-p-${at}`)?.scrollIntoView({ block: 'center' });
  }, [at]);
  return (
    <div className="mz-page" data-testid="law-page">
      <PageHeader title={q.data?.title ?? ref} desc={t('laws.desc', { ref })} />
      {q.isError && <QueryError error={q.error} onRetry={() => q.refetch()} />}
      <Card className="mz-card mz-law-text">
        {q.isLoading && <Skeleton active paragraph={{ rows: 8 }} />}
        {q.data?.paragraphs.map((p, i) =>
          p.startsWith('## ') ? (
            <h2 key={i}>{p.slice(3)}</h2>
          ) : (
            <p key={i} id={`law-p-${i}`} className={i === at ? 'mz-law-at' : undefined} aria-current={i === at ? 'location' : undefined}>
              {p}
            </p>
          ),
        )}
      </Card>
    </div>
  );
}
