import { EditOutlined, EyeInvisibleOutlined, EyeOutlined, IdcardOutlined, SolutionOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Skeleton, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../shared/api.ts';
import type { CaseTransitionAction } from '../../shared/api-types.ts';
import { findArea, useAreaTree } from '../../shared/area-tree.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { QueryError } from '../../shared/QueryError.tsx';
import type { CaseTypePanelProps } from '../cases/type-panels.tsx';
import { petitionApi, type PetitionPerson } from './api.ts';
import { OPINION_TRANSITIONS, OpinionModal } from './OpinionModal.tsx';
import { PetitionExtras } from './PetitionExtras.tsx';
import { PetitionIntakeCard } from './PetitionIntakeCard.tsx';
import { maskName, usePetitionFacts } from './use-petitions.ts';
import { useVocab } from './vocab.ts';
import './petitions.css';

type Full = { state: 'idle' } | { state: 'loading' } | { state: 'shown'; people: PetitionPerson[] } | { state: 'refused'; message: string };

/** 信访 part of the case page: facts, petitioners (masked; full identity on request), flags, 意见书, 送达, 满意度. */
export function PetitionCasePanel({ c, run }: CaseTypePanelProps) {
  const t = useT();
  const vocab = useVocab();
  const facts = usePetitionFacts(c.id, c.version);
  const areas = useAreaTree();
  const [full, setFull] = useState<Full>({ state: 'idle' });
  const [drafting, setDrafting] = useState<CaseTransitionAction | null>(null);
  // The level above (who takes a 复查 / 复核) for the opinion template, while an opinion is being drafted.
  const { data: targets } = useQuery({ queryKey: ['case', c.id, 'handoff-targets'], queryFn: () => api.caseHandoffTargets(c.id), enabled: !!drafting });

  if (facts.isPending)
    return (
      <Card className="mz-card mz-pt-panel">
        <Skeleton active paragraph={{ rows: 4 }} />
      </Card>
    );
  if (facts.isError)
    return (
      <div className="mz-pt-panel">
        <QueryError error={facts.error} onRetry={() => facts.refetch()} />
      </div>
    );
  const d = facts.data;
  const p = d.petition;
  const data = (c.data ?? {}) as Record<string, unknown>;
  const opinionAction = c.actions.transitions.find((x) => (OPINION_TRANSITIONS as string[]).includes(x.name));
  const areaName = p.concernedAreaName ?? findArea(areas.data, p.concernedAreaCode)?.name ?? p.concernedAreaCode;

  const showFull = async () => {
    setFull({ state: 'loading' });
    try {
      const r = await petitionApi.get(c.id, true);
      if (r.piiShown) setFull({ state: 'shown', people: r.petitioners });
      else setFull({ state: 'refused', message: t('petitions.panel.fullRefused') });
    } catch (e) {
      setFull({ state: 'refused', message: e instanceof ApiError ? e.title : t('petitions.panel.fullRefused') });
    }
  };
  const people = full.state === 'shown' ? full.people : d.petitioners;
  const hasPii = d.petitioners.some((x) => x.idNumberMasked || x.phoneMasked);

  const reviews = c.events.filter((e) => ['conclude_review', 'record_review_outcome', 'conclude_recheck', 'record_recheck_outcome'].includes(e.transition));
  const deliveryMethod = typeof data.deliveryMethod === 'string' ? data.deliveryMethod : null;
  const deliveredOn = typeof data.deliveredOn === 'string' ? data.deliveredOn : null;

  return (
    <Card
      className="mz-card mz-pt-panel"
      data-testid="petition-panel"
      title={
        <span>
          <SolutionOutlined /> {t('petitions.panel.title')}
        </span>
      }
      extra={
        opinionAction && (
          <Button type="primary" ghost size="small" icon={<EditOutlined />} onClick={() => setDrafting(opinionAction)} data-testid="draft-opinion">
            {t('petitions.panel.draft')}
          </Button>
        )
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'channel', label: t('petitions.col.channel'), children: vocab(p.channel) },
          { key: 'category', label: t('petitions.form.category'), children: vocab(p.category) },
          { key: 'subject', label: t('petitions.form.subject'), children: vocab(p.subject) },
          { key: 'area', label: t('petitions.form.area'), children: areaName },
          { key: 'registered', label: t('petitions.col.registered'), children: formatDateTime(c.createdAt) },
          ...(p.sourceBody || p.sourceRef
            ? [
                {
                  key: 'source',
                  label: t('petitions.panel.source'),
                  children: [p.sourceBody ? vocab(p.sourceBody) : null, p.sourceRef].filter(Boolean).join(' · '),
                },
              ]
            : []),
          ...(p.channel === '来访'
            ? [
                {
                  key: 'visit',
                  label: t('petitions.panel.visit'),
                  children: t('petitions.panel.visitText', { batch: p.visitBatch ?? 1, persons: p.visitPersons ?? 1, reps: p.representatives ?? 0 }),
                },
              ]
            : []),
        ]}
      />

      {(p.isRepeat || p.isSkipLevel) && (
        <div className="mz-pt-flags-block" data-testid="petition-flag-alerts">
          <h3 className="mz-pt-subhead">{t('petitions.panel.flags')}</h3>
          {p.isRepeat && (
            <Alert
              type="warning"
              showIcon
              className="mz-modal-note"
              title={
                <span>
                  <Tag color="orange">{t('petitions.flag.repeat')}</Tag>
                  {p.repeatOf && (
                    <>
                      {t('petitions.panel.repeatOf')}：
                      <Link to={`/cases/${p.repeatOf}`} data-testid="repeat-of-link">
                        {t('petitions.panel.openEarlier')}
                      </Link>
                    </>
                  )}
                </span>
              }
              description={t('petitions.guide.repeat')}
            />
          )}
          {p.isSkipLevel && (
            <Alert
              type="error"
              showIcon
              className="mz-modal-note"
              title={<Tag color="red">{t('petitions.flag.skipLevel')}</Tag>}
              description={t('petitions.guide.skipLevel')}
            />
          )}
        </div>
      )}

      <h3 className="mz-pt-subhead">{t('petitions.panel.content')}</h3>
      <p className="mz-pt-content" data-testid="petition-content">
        {p.content}
      </p>

      <h3 className="mz-pt-subhead">
        <span>
          <IdcardOutlined /> {t('petitions.panel.people')}
        </span>
        {hasPii &&
          (full.state === 'shown' ? (
            <Button size="small" icon={<EyeInvisibleOutlined />} onClick={() => setFull({ state: 'idle' })}>
              {t('petitions.panel.hideFull')}
            </Button>
          ) : (
            <Button size="small" icon={<EyeOutlined />} loading={full.state === 'loading'} onClick={showFull} data-testid="show-full-identity">
              {t('petitions.panel.showFull')}
            </Button>
          ))}
      </h3>
      {full.state === 'refused' && <Alert type="info" showIcon role="status" className="mz-modal-note" title={full.message} data-testid="pii-refused" />}
      {full.state === 'shown' && <Alert type="warning" showIcon className="mz-modal-note" title={t('petitions.panel.fullNote')} />}
      {people.length === 0 ? (
        <p className="mz-muted">{t('petitions.panel.peopleNone')}</p>
      ) : (
        <ul className="mz-pt-people" data-testid="petitioners">
          {people.map((x) => (
            <li key={x.id}>
              <strong>{full.state === 'shown' ? x.name : maskName(x.name)}</strong>
              {x.role !== '信访人' && <Tag>{vocab(x.role)}</Tag>}
              <span className="mz-mono">{full.state === 'shown' ? (x.idNumber ?? '—') : (x.idNumberMasked ?? '—')}</span>
              <span>{full.state === 'shown' ? (x.phone ?? '—') : (x.phoneMasked ?? '—')}</span>
              {full.state === 'shown' && x.address && <span className="mz-muted">{x.address}</span>}
            </li>
          ))}
        </ul>
      )}

      <h3 className="mz-pt-subhead">{t('petitions.panel.opinion')}</h3>
      {p.opinion ? (
        <div data-testid="petition-opinion">
          <Tag color={p.opinion === '支持' ? 'green' : p.opinion === '不予支持' ? 'red' : 'blue'}>{vocab(p.opinion)}</Tag>
          {p.opinionText && <pre className="mz-pt-opinion mz-gap">{p.opinionText}</pre>}
        </div>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('petitions.panel.opinionNone')} />
      )}

      {reviews.length > 0 && (
        <>
          <h3 className="mz-pt-subhead">{t('petitions.panel.review')}</h3>
          {reviews.map((e) => {
            const input = (e.input ?? {}) as { opinion?: string; text?: string };
            return (
              <div key={e.seq} className="mz-gap">
                <Tag>{e.transitionLabel}</Tag>
                {input.opinion && <Tag color="blue">{vocab(input.opinion)}</Tag>}
                <span className="mz-muted">{formatDateTime(e.at)}</span>
                {input.text && <pre className="mz-pt-opinion mz-gap">{input.text}</pre>}
              </div>
            );
          })}
        </>
      )}

      <Descriptions
        size="small"
        className="mz-gap"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          {
            key: 'delivery',
            label: t('petitions.panel.delivery'),
            children: p.deliveredAt ? (
              [deliveryMethod, deliveredOn ? formatDate(deliveredOn) : formatDate(p.deliveredAt)].filter(Boolean).join(' · ')
            ) : (
              <span className="mz-muted">—</span>
            ),
          },
          {
            key: 'satisfaction',
            label: t('petitions.panel.satisfaction'),
            children: p.satisfaction ? (
              <span>
                <Tag color={p.satisfaction === '不满意' ? 'red' : 'green'}>{vocab(p.satisfaction)}</Tag>
                {p.ratedAt && <span className="mz-muted">{formatDate(p.ratedAt)}</span>}
              </span>
            ) : (
              <span className="mz-muted">{t('petitions.panel.satisfactionNone')}</span>
            ),
          },
        ]}
      />

      {p.satisfaction === '不满意' && c.state === 'delivered' && <Alert type="warning" showIcon className="mz-gap" title={t('petitions.panel.dissatisfied')} />}

      <PetitionIntakeCard c={c} d={d} run={run} />
      <PetitionExtras c={c} d={d} run={run} />

      {drafting && (
        <OpinionModal
          c={c}
          action={drafting}
          run={run}
          onClose={() => setDrafting(null)}
          facts={{
            petitioner: d.petitioners[0]?.name ?? null,
            date: dayjs(c.createdAt).format('YYYY-MM-DD'),
            channel: p.channel,
            matter: c.title,
            refNo: c.refNo,
            org: c.orgUnitName,
            today: dayjs().format('YYYY-MM-DD'),
            above: targets?.targets.find((o) => o.relation === 'above')?.name ?? null,
          }}
        />
      )}
    </Card>
  );
}
