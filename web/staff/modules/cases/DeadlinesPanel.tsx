import { PauseCircleOutlined, PlayCircleOutlined, PrinterOutlined, QuestionCircleOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Form, InputNumber, Modal, Select, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useSession } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { api, ApiError } from '../../shared/api.ts';
import type { CaseClock, CaseDetail, ClockUnit, SuspensionKind } from '../../shared/api-types.ts';
import { ClockStatusTag, ruleText } from '../../shared/clock.tsx';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { printText } from '../../shared/print.ts';
import { QueryError } from '../../shared/QueryError.tsx';
import { ActionModal, ReasonField } from './ActionModal.tsx';
import { useClockExplain, type CaseRun } from './use-case.ts';
import { useCaseLabels } from './case-labels.ts';

const OPEN = new Set(['running', 'paused']);
const KINDS: SuspensionKind[] = ['correction', 'third_party', 'appraisal', 'hearing', 'other'];

/** Org units the user acts for (home unit and every unit they hold a role at). */
export function useMyOrgIds() {
  const me = useSession();
  return new Set([me.orgUnit.id, ...me.roles.map((r) => r.orgUnitId)]);
}

/** 办理期限: every clock of the case with its rule, basis, dates, status and controls. */
export function DeadlinesPanel({ c, run }: { c: CaseDetail; run: CaseRun }) {
  const labels = useCaseLabels();
  const t = useT();
  const { message, modal } = App.useApp();
  const mine = useMyOrgIds();
  const [explaining, setExplaining] = useState<CaseClock | null>(null);
  const [suspending, setSuspending] = useState<CaseClock | null>(null);
  const [extending, setExtending] = useState<CaseClock | null>(null);
  // The API does not say whether this user may control a clock: offer it to the holding unit on
  // open clocks of the case itself — not the kernel's own per-handoff / per-supervision clocks
  // (ack:<id>, supervise:<id>) — and let the server decide (its refusal is shown in the form).
  // A period that must elapse (公示期) is neither suspended nor extended here.
  const mayControl = (k: CaseClock) =>
    mine.has(c.orgUnitId) && !c.terminal && !c.pendingHandoff && OPEN.has(k.state) && !k.name.includes(':') && k.kind !== 'period';
  const clocks = [...c.clocks].sort((x, y) => Number(OPEN.has(y.state)) - Number(OPEN.has(x.state)));

  const resume = (k: CaseClock) =>
    modal.confirm({
      title: t('clock.resumeTitle', { label: k.label }),
      content: t('clock.resumeNote'),
      okText: t('clock.resume'),
      onOk: async () => {
        try {
          await run(() => api.clockResume(c.id, k.name));
          message.success(t('case.done', { action: t('clock.resume') }));
        } catch (e) {
          message.error(e instanceof ApiError ? e.title : String(e));
        }
      },
    });

  return (
    <Card
      className="mz-card"
      title={
        <span>
          <FieldTimeOutlined /> {t('case.deadlines')}
        </span>
      }
      data-testid="deadlines"
    >
      {clocks.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('clock.none')} />}
      <div className="mz-clocks">
        {clocks.map((k) => {
          const open = OPEN.has(k.state);
          const period = k.kind === 'period';
          return (
            <div
              key={k.name}
              className={`mz-clock${open ? '' : ' mz-clock-closed'} ${period ? 'mz-clock-period' : `mz-clock-${k.status}`}`}
              data-testid={`clock-${k.name}`}
              data-kind={k.kind}
            >
              <div className="mz-clock-head">
                <span className="mz-clock-label">{labels.clock(c.type, k.name, k.label)}</span>
                {period && (
                  <span className="mz-clock-kind" title={t('clock.kind.periodNote')}>
                    {t('clock.kind.period')}
                  </span>
                )}
                <ClockStatusTag status={k.status} period={period ? k : undefined} />
                <span className="mz-clock-spacer" />
                <Button size="small" type="link" icon={<QuestionCircleOutlined />} onClick={() => setExplaining(k)}>
                  {t('clock.why')}
                </Button>
                {mayControl(k) && k.state === 'running' && (
                  <Button size="small" icon={<PauseCircleOutlined />} onClick={() => setSuspending(k)}>
                    {t('clock.suspend')}
                  </Button>
                )}
                {mayControl(k) && k.state === 'paused' && (
                  <Button size="small" icon={<PlayCircleOutlined />} onClick={() => resume(k)}>
                    {t('clock.resume')}
                  </Button>
                )}
                {mayControl(k) && k.state === 'running' && (
                  <Button size="small" onClick={() => setExtending(k)}>
                    {t('clock.extend')}
                  </Button>
                )}
              </div>
              {k.calendarNote && <Alert type="warning" showIcon className="mz-clock-note" data-testid={`clock-note-${k.name}`} title={k.calendarNote} />}
              <dl className="mz-clock-facts">
                <div>
                  <dt>{t('clock.rule')}</dt>
                  <dd>{ruleText(t, k.rule)}</dd>
                </div>
                <div>
                  <dt>{t('clock.start')}</dt>
                  <dd>{formatDate(k.startDate)}</dd>
                </div>
                <div>
                  <dt>{t(period ? 'clock.periodEnd' : 'clock.due')}</dt>
                  <dd className="mz-clock-due">{k.dueDate ? formatDate(k.dueDate) : t('clock.dueSuspended')}</dd>
                </div>
                <div>
                  <dt>{t('clock.left')}</dt>
                  <dd>{leftText(t, k)}</dd>
                </div>
                {k.legalBasis && (
                  <div className="mz-clock-basis">
                    <dt>{t('clock.legalBasis')}</dt>
                    <dd>{k.legalBasis}</dd>
                  </div>
                )}
              </dl>
              {(k.suspensions.length > 0 || k.extensions.length > 0 || k.restarts.length > 0) && (
                <ul className="mz-clock-log">
                  {k.suspensions.map((s) => (
                    <li key={s.id}>
                      <span className="mz-clock-log-kind">{t('clock.suspension')}</span>
                      {t('clock.period', { from: formatDate(s.from), to: s.to ? formatDate(s.to) : t('clock.ongoing') })}
                      {' · '}
                      {s.label}
                      {s.byName ? ` · ${s.byName}` : ''}
                      <div className="mz-muted">{s.reason}</div>
                    </li>
                  ))}
                  {k.extensions.map((x) => (
                    <li key={x.id}>
                      <span className="mz-clock-log-kind mz-clock-log-ext">{t('clock.extension')}</span>
                      {t('clock.extensionItem', { rule: ruleText(t, x), at: formatDate(x.at), by: x.approvedByName })}
                      <div className="mz-muted">{x.reason}</div>
                    </li>
                  ))}
                  {k.restarts.map((r, i) => (
                    <li key={`r${i}`}>
                      <span className="mz-clock-log-kind">{t('clock.restart')}</span>
                      {formatDate(r.at)}
                      {r.byName ? ` · ${r.byName}` : ''}
                      <div className="mz-muted">{r.reason}</div>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
      </div>

      {explaining && <ExplainModal c={c} clock={explaining} onClose={() => setExplaining(null)} />}

      {suspending && (
        <ActionModal<{ kind: SuspensionKind; reason: string }>
          title={t('clock.suspendTitle', { label: suspending.label })}
          okText={t('clock.suspend')}
          note={t('clock.suspendNote')}
          initialValues={{ kind: 'correction' }}
          onClose={() => setSuspending(null)}
          onSubmit={async (f) => {
            await run(() => api.clockSuspend(c.id, suspending.name, f.kind, f.reason.trim()));
            message.success(t('case.done', { action: t('clock.suspend') }));
          }}
        >
          <Form.Item name="kind" label={t('clock.kind')} rules={[{ required: true }]}>
            <Select options={KINDS.map((k) => ({ value: k, label: t(`clock.kind.${k}`) }))} />
          </Form.Item>
          <ReasonField label={t('clock.reason')} required placeholder={t('clock.suspendPlaceholder')} />
        </ActionModal>
      )}

      {extending && (
        <ActionModal<{ n: number; unit: ClockUnit; reason: string }>
          title={t('clock.extendTitle', { label: extending.label })}
          okText={t('clock.extend')}
          note={t('clock.extendNote')}
          initialValues={{ unit: extending.rule.unit }}
          onClose={() => setExtending(null)}
          onSubmit={async (f) => {
            await run(() => api.clockExtend(c.id, extending.name, f.n, f.unit, f.reason.trim()));
            message.success(t('case.done', { action: t('clock.extend') }));
          }}
        >
          <Form.Item label={t('clock.extendBy')} required>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="n" noStyle rules={[{ required: true, message: t('common.required', { f: t('clock.extendBy') }) }]}>
                <InputNumber min={1} max={365} precision={0} style={{ width: '50%' }} aria-label={t('clock.extendBy')} />
              </Form.Item>
              <Form.Item name="unit" noStyle>
                <Select
                  style={{ width: '50%' }}
                  aria-label={t('clock.unitLabel')}
                  options={(['workdays', 'days', 'months'] as const).map((u) => ({ value: u, label: t(`clock.unitName.${u}`) }))}
                />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
          <ReasonField label={t('clock.extendReason')} required placeholder={t('clock.extendPlaceholder')} />
        </ActionModal>
      )}
    </Card>
  );
}

function leftText(t: ReturnType<typeof useT>, k: CaseClock): string {
  if (k.state === 'paused') return t('clock.status.paused');
  if (k.kind === 'period') {
    if (k.state !== 'running') return t('clock.period.met');
    if (k.status === 'elapsed') return t('clock.period.elapsed');
    // Under the 剩余 label: 「7 日」 reads 剩余 7 日 (the label is not repeated in the value).
    if (k.rule.unit !== 'workdays' && k.daysLeft !== null) return k.daysLeft === 0 ? t('clock.lastDayToday') : t('clock.unit.days', { n: k.daysLeft });
  }
  if (k.state === 'met' || k.state === 'missed') return t(`clock.status.${k.state}`);
  // A period in 日 counts calendar days: what is left is said in 日 too, not in working days.
  if (k.rule.unit !== 'workdays' && k.daysLeft !== null && k.daysLeft > 0) return t('clock.unit.days', { n: k.daysLeft });
  if (k.workdaysLeft === null) return '—';
  if (k.workdaysLeft < 0) return t('clock.overdueN', { n: -k.workdaysLeft });
  if (k.workdaysLeft === 0) return k.status === 'overdue' ? t('clock.status.overdue') : t('clock.dueToday');
  return t('clock.leftN', { n: k.workdaysLeft });
}

/** 「为什么是这一天」: the server's step-by-step explanation of a due date, printable on its own. */
export function ExplainModal({ c, clock, onClose }: { c: CaseDetail; clock: CaseClock; onClose: () => void }) {
  const t = useT();
  const q = useClockExplain(c.id, clock.name);
  const print = () =>
    q.data && printText(t('clock.printTitle'), [c.refNo, c.title, clock.label, t('clock.printedAt', { at: formatDateTime(new Date()) })], q.data.text);
  return (
    <Modal
      open
      width={720}
      title={t('clock.explainTitle', { label: clock.label })}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="print" icon={<PrinterOutlined />} disabled={!q.data} onClick={print}>
          {t('clock.print')}
        </Button>,
        <Button key="close" type="primary" onClick={onClose}>
          {t('common.close')}
        </Button>,
      ]}
    >
      <div data-testid="explain-modal">
        {q.isPending && <Skeleton active paragraph={{ rows: 8 }} />}
        {q.isError && <QueryError error={q.error} onRetry={() => q.refetch()} />}
        {q.data && (
          <>
            <Alert
              type="info"
              showIcon
              className="mz-modal-note"
              title={q.data.clock.dueDate ? t('clock.explainDue', { date: formatDate(q.data.clock.dueDate) }) : t('clock.explainPaused')}
            />
            <pre className="mz-explain" data-testid="explain-text">
              {q.data.text.split('\n').map((line, i) => (
                <span key={i} className={/^(结论|为什么是这一天)/.test(line) ? 'mz-explain-strong' : /^注意/.test(line) ? 'mz-explain-warn' : undefined}>
                  {line}
                  {'\n'}
                </span>
              ))}
            </pre>
          </>
        )}
      </div>
    </Modal>
  );
}
