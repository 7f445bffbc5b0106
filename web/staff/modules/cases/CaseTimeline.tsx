import { ArrowRightOutlined, HistoryOutlined, SwapOutlined } from '@ant-design/icons';
import { Card, Empty, Grid, Tag, Timeline } from 'antd';
import { useT } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import type { CaseDetail, CaseEvent, CaseHandoff } from '../../shared/api-types.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { useCaseLabels } from './case-labels.ts';
import { inTypeWords } from './handoff-terms.ts';

const COLOR: Record<string, string> = {
  create: 'blue',
  transfer: 'orange',
  assign: 'orange',
  acknowledge: 'green',
  object: 'red',
  return: 'red',
  withdraw: 'gray',
  withdraw_handoff: 'gray',
  supervise: 'red',
  overdue: 'red',
  'clock.suspend': 'gray',
  'clock.resume': 'blue',
  'clock.extend': 'orange',
};
/** Events the server labels with their raw name. */
const CLOCK_EVENTS: Record<string, MessageKey> = {
  'clock.suspend': 'event.clock.suspend',
  'clock.resume': 'event.clock.resume',
  'clock.extend': 'event.clock.extend',
};

const rec = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/** 办理记录: every step of the case in order, who did it, and what they wrote. */
export function CaseTimeline({ c }: { c: CaseDetail }) {
  const t = useT();
  const narrow = Grid.useBreakpoint().sm === false;
  const labels = useCaseLabels();
  const clockLabel = (name: unknown) => {
    const k = c.clocks.find((x) => x.name === name);
    return k ? labels.clock(c.type, k.name, k.label) : String(name ?? '');
  };

  const describe = (e: CaseEvent) => {
    const input = rec(e.input);
    const label = CLOCK_EVENTS[e.transition] ? t(CLOCK_EVENTS[e.transition]!) : labels.transition(c.type, e.transition, e.transitionLabel);
    let detail: string | null = null;
    if ((e.transition === 'transfer' || e.transition === 'assign') && input.toOrgName) detail = t('event.to', { org: String(input.toOrgName) });
    if (CLOCK_EVENTS[e.transition]) {
      detail = input.dueDate
        ? t('event.clockDue', { clock: clockLabel(input.clock), date: formatDate(String(input.dueDate)) })
        : t('event.clockPaused', { clock: clockLabel(input.clock) });
    }
    return { label, detail };
  };

  return (
    <Card
      className="mz-card"
      title={
        <span>
          <HistoryOutlined /> {t('case.timeline')}
        </span>
      }
      data-testid="case-timeline"
    >
      <Timeline
        className="mz-timeline"
        titleSpan={narrow ? undefined : '150px'}
        items={c.events.map((e) => {
          const { label, detail } = describe(e);
          const moved = e.fromState !== null && e.fromState !== e.toState;
          return {
            key: e.seq,
            color: COLOR[e.transition] ?? (moved ? 'blue' : 'gray'),
            title: narrow ? undefined : <span className="mz-tl-time">{formatDateTime(e.at)}</span>,
            content: (
              <div className="mz-tl-item">
                {narrow && <div className="mz-tl-time">{formatDateTime(e.at)}</div>}
                <div className="mz-tl-head">
                  <strong className="mz-tl-action">{label}</strong>
                  {detail && <span className="mz-tl-detail">{detail}</span>}
                  {(moved || e.fromState === null) && <Tag className="mz-tl-state">{labels.state(c.type, e.toState, e.toStateLabel)}</Tag>}
                </div>
                <div className="mz-muted mz-tl-actor">{e.actorName ?? t('event.system')}</div>
                {e.comment && <p className="mz-quote">{e.comment}</p>}
              </div>
            ),
          };
        })}
      />
    </Card>
  );
}

const HANDOFF_COLOR: Record<CaseHandoff['status'], string> = { pending: 'gold', acknowledged: 'green', objected: 'red', withdrawn: 'default' };

/** 转办记录: each 转办/交办 with sender, receiver, sent and signed times, and its outcome. */
export function HandoffChain({ c }: { c: CaseDetail }) {
  const t = useT();
  return (
    <Card
      className="mz-card"
      size="small"
      title={
        <span>
          <SwapOutlined /> {inTypeWords(c.type, t('case.handoffs'))}
        </span>
      }
      data-testid="handoff-chain"
    >
      {c.handoffs.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={inTypeWords(c.type, t('case.handoffsNone'))} />
      ) : (
        <ol className="mz-chain">
          {c.handoffs.map((h) => (
            <li key={h.id} className="mz-chain-item">
              <div className="mz-chain-orgs">
                <span>{h.fromOrgName}</span>
                <ArrowRightOutlined className="mz-chain-arrow" aria-label={inTypeWords(c.type, t(`case.${h.kind}`))} />
                <strong>{h.toOrgName}</strong>
              </div>
              <div className="mz-chain-tags">
                <Tag>{inTypeWords(c.type, t(`case.${h.kind}`))}</Tag>
                <Tag color={HANDOFF_COLOR[h.status]}>{t(`handoff.status.${h.status}`)}</Tag>
              </div>
              <div className="mz-chain-times">
                <span>
                  {t('handoff.sent')}：{formatDateTime(h.sentAt)}
                </span>
                <span>
                  {t('handoff.signed')}：{h.acknowledgedAt ? formatDateTime(h.acknowledgedAt) : '—'}
                </span>
              </div>
              {h.note && <p className="mz-quote">{h.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
