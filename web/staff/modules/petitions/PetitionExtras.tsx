import { CalendarOutlined, FlagOutlined, SendOutlined, SmileOutlined, SnippetsOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, InputNumber, Radio, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useCan, useSession } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import type { CaseDetail } from '../../shared/api-types.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { OrgUnitSelect } from '../../shared/OrgUnitSelect.tsx';
import { ActionModal, ReasonField } from '../cases/ActionModal.tsx';
import type { CaseRun } from '../cases/use-case.ts';
import { petitionApi, REVIEW_KINDS, SATISFACTION, SATISFACTION_CHANNELS, type PetitionDetail } from './api.ts';
import { PETITIONS_KEY } from './use-petitions.ts';
import { useVocab } from './vocab.ts';

type Dialog = 'assign' | 'lead' | 'followUps' | { result: string } | 'satisfaction' | 'review';

/**
 * The petition's own records and moves beyond the kernel's: 不予受理 reason, 受理告知, 交办 with its
 * 报告期限, 延期, 领导包案 and 回头看, staff-recorded 满意度, and 复查/复核 requests received by letter.
 */
export function PetitionExtras({ c, d, run }: { c: CaseDetail; d: PetitionDetail; run: CaseRun }) {
  const t = useT();
  const vocab = useVocab();
  const can = useCan();
  const me = useSession();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const p = d.petition;
  const close = () => setDialog(null);
  const act = async (fn: () => Promise<unknown>, done: string) => {
    await run(fn);
    await qc.invalidateQueries({ queryKey: [...PETITIONS_KEY, 'facts', c.id] });
    message.success(done);
  };

  const isLead = !!p.lead && p.lead.userId === me.user.id;
  const buttons: React.ReactNode[] = [];
  if (c.actions.canHandoff)
    buttons.push(
      <Button key="assign" size="small" icon={<SendOutlined />} onClick={() => setDialog('assign')}>
        {t('petitions.x.assign')}
      </Button>,
    );
  if (!c.terminal && !p.lead && can('petition.supervise'))
    buttons.push(
      <Button key="lead" size="small" icon={<FlagOutlined />} onClick={() => setDialog('lead')}>
        {t('petitions.x.lead')}
      </Button>,
    );
  if (isLead)
    buttons.push(
      <Button key="fu" size="small" icon={<CalendarOutlined />} onClick={() => setDialog('followUps')}>
        {t('petitions.x.followUps')}
      </Button>,
    );
  if (p.deliveredAt && !p.satisfaction && can('petition.handle'))
    buttons.push(
      <Button key="sat" size="small" icon={<SmileOutlined />} onClick={() => setDialog('satisfaction')}>
        {t('petitions.x.satisfaction')}
      </Button>,
    );
  if ((c.state === 'delivered' || c.state === 'review_delivered') && can('petition.handle')) {
    buttons.push(
      <Button key="rr" size="small" icon={<SnippetsOutlined />} onClick={() => setDialog('review')}>
        {t('petitions.x.reviewRequest')}
      </Button>,
    );
  }

  const assignments = d.assignments ?? [];
  const followUps = d.followUps ?? [];
  const extensions = d.extensions ?? [];
  const reviewRequests = d.reviewRequests ?? [];

  return (
    <div data-testid="petition-extras">
      {p.refusal && (
        <>
          <h3 className="mz-pt-subhead">
            {t('petitions.x.refusal')}
            {p.refusal.auto && <Tag color="red">{t('petitions.x.auto')}</Tag>}
          </h3>
          <div className="mz-quote">
            <div>
              {p.refusal.reason}
              {p.refusal.detail ? `(${p.refusal.detail})` : ''}
            </div>
            {p.refusal.legalBasis && <div className="mz-muted">{t('petitions.x.basis', { basis: p.refusal.legalBasis })}</div>}
            {p.refusal.guidance && <div>{t('petitions.x.guidance', { text: p.refusal.guidance })}</div>}
          </div>
        </>
      )}
      {p.acceptanceNotice && (
        <>
          <h3 className="mz-pt-subhead">{t('petitions.x.notice')}</h3>
          <p className="mz-quote">
            {p.acceptanceNotice}
            {p.acceptedAt ? `（${formatDateTime(p.acceptedAt)}）` : ''}
          </p>
        </>
      )}
      {assignments.length > 0 && (
        <>
          <h3 className="mz-pt-subhead">{t('petitions.x.assignments')}</h3>
          <ul className="mz-pt-people">
            {assignments.map((a) => (
              <li key={a.handoffId}>
                <strong>{a.toOrgName}</strong>
                <span>{t('petitions.x.reportDue', { date: formatDate(a.reportDueDate) })}</span>
                {a.reportedAt ? (
                  <Tag color="green">{t('petitions.x.reported', { at: formatDate(a.reportedAt) })}</Tag>
                ) : a.reportOverdue ? (
                  <Tag color="red">{t('petitions.x.reportOverdue')}</Tag>
                ) : (
                  <Tag>{t('petitions.x.reportPending')}</Tag>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {extensions.length > 0 && (
        <>
          <h3 className="mz-pt-subhead">{t('petitions.x.extensions')}</h3>
          <ul className="mz-pt-people">
            {extensions.map((e) => (
              <li key={`${e.clock}:${e.at}`}>
                <strong>
                  {e.clockLabel} +{e.days} {e.unit === 'workdays' ? t('petitions.x.workdays') : t('petitions.x.days')}
                </strong>
                <span>{e.reason}</span>
                <span className="mz-muted">
                  {e.approvedByName ?? ''} {formatDateTime(e.at)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {(p.lead || followUps.length > 0) && (
        <>
          <h3 className="mz-pt-subhead">{t('petitions.x.leadTitle')}</h3>
          {p.lead && (
            <p className="mz-quote">
              {t('petitions.x.leadBy', { name: p.lead.name ?? '—', at: formatDate(p.lead.at) })}
              {p.lead.note ? `：${p.lead.note}` : ''}
            </p>
          )}
          {followUps.length > 0 && (
            <ul className="mz-pt-people mz-gap" data-testid="follow-ups">
              {followUps.map((f) => (
                <li key={f.id}>
                  <strong>{t('petitions.x.followUpOn', { date: formatDate(f.dueDate) })}</strong>
                  {f.note && <span>{f.note}</span>}
                  {f.result ? (
                    <span>
                      <Tag color="green">{t('petitions.x.followUpDone')}</Tag>
                      {f.result}
                    </span>
                  ) : isLead ? (
                    <Button size="small" type="link" onClick={() => setDialog({ result: f.id })}>
                      {t('petitions.x.followUpRecord')}
                    </Button>
                  ) : (
                    <Tag>{t('petitions.x.followUpPending')}</Tag>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {p.satisfaction && (p.satisfactionChannel || p.satisfactionComment) && (
        <p className="mz-muted mz-gap">
          {t('petitions.x.satisfactionVia', { channel: p.satisfactionChannel ?? '—' })}
          {p.satisfactionComment ? `：${p.satisfactionComment}` : ''}
        </p>
      )}
      {reviewRequests.length > 0 && (
        <>
          <h3 className="mz-pt-subhead">{t('petitions.x.reviewRequests')}</h3>
          <ul className="mz-pt-people">
            {reviewRequests.map((r) => (
              <li key={r.id}>
                <Tag>{r.which}</Tag>
                <span>{r.reason}</span>
                <span className="mz-muted">
                  {t('petitions.x.receivedOn', { date: formatDate(r.receivedOn) })} · {r.recordedByName ?? ''}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {buttons.length > 0 && <div className="mz-pt-extra-actions mz-gap">{buttons}</div>}

      {dialog === 'assign' && (
        <ActionModal<{ toOrgId: string; reportDays?: number; reportDueDate?: Dayjs; note?: string }>
          title={t('petitions.x.assign')}
          okText={t('petitions.x.assignOk')}
          note={t('petitions.x.assignNote')}
          initialValues={{ reportDays: 15 }}
          onClose={close}
          onSubmit={(f) =>
            act(
              () =>
                petitionApi.assign(c.id, {
                  toOrgId: f.toOrgId,
                  note: f.note?.trim() || undefined,
                  expectedVersion: c.version,
                  ...(f.reportDueDate ? { reportDueDate: f.reportDueDate.format('YYYY-MM-DD') } : { reportDays: f.reportDays }),
                }),
              t('petitions.x.assigned'),
            )
          }
        >
          <Form.Item name="toOrgId" label={t('case.handoffTo')} rules={[{ required: true, message: t('common.required', { f: t('case.handoffTo') }) }]}>
            <OrgUnitSelect placeholder={t('case.handoffToPlaceholder')} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="reportDays" label={t('petitions.x.reportDays')} extra={t('petitions.x.reportDaysHelp')}>
            <InputNumber min={1} max={90} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="reportDueDate" label={t('petitions.x.reportDueDate')}>
            <DatePicker disabledDate={(d) => d.isBefore(dayjs().add(1, 'day'), 'day')} />
          </Form.Item>
          <ReasonField name="note" label={t('petitions.x.assignNoteField')} />
        </ActionModal>
      )}
      {dialog === 'lead' && (
        <ActionModal<{ note?: string }>
          title={t('petitions.x.lead')}
          okText={t('petitions.x.lead')}
          note={t('petitions.x.leadNote')}
          onClose={close}
          onSubmit={(f) => act(() => petitionApi.takeLead(c.id, f.note?.trim() || undefined), t('petitions.x.leadDone'))}
        >
          <ReasonField name="note" label={t('petitions.x.leadNoteField')} />
        </ActionModal>
      )}
      {dialog === 'followUps' && (
        <ActionModal<{ dates: Dayjs[]; note?: string }>
          title={t('petitions.x.followUps')}
          okText={t('petitions.x.followUps')}
          onClose={close}
          initialValues={{ dates: [dayjs().add(1, 'month')] }}
          onSubmit={(f) =>
            act(
              () =>
                petitionApi.scheduleFollowUps(
                  c.id,
                  f.dates.map((x) => x.format('YYYY-MM-DD')),
                  f.note?.trim() || undefined,
                ),
              t('petitions.x.followUpsDone'),
            )
          }
        >
          <Form.Item
            name="dates"
            label={t('petitions.x.followUpDates')}
            rules={[{ required: true, message: t('common.required', { f: t('petitions.x.followUpDates') }) }]}
          >
            <DatePicker multiple disabledDate={(d) => d.isBefore(dayjs(), 'day')} style={{ width: '100%' }} />
          </Form.Item>
          <ReasonField name="note" label={t('petitions.x.followUpNote')} />
        </ActionModal>
      )}
      {dialog && typeof dialog === 'object' && (
        <ActionModal<{ result: string }>
          title={t('petitions.x.followUpRecord')}
          okText={t('common.save')}
          onClose={close}
          onSubmit={(f) => act(() => petitionApi.followUpResult(c.id, dialog.result, f.result.trim()), t('common.saved'))}
        >
          <ReasonField name="result" label={t('petitions.x.followUpResult')} required max={5000} />
        </ActionModal>
      )}
      {dialog === 'satisfaction' && (
        <ActionModal<{ satisfaction: string; channel: string; comment?: string }>
          title={t('petitions.x.satisfaction')}
          okText={t('common.save')}
          onClose={close}
          onSubmit={(f) =>
            act(
              () => petitionApi.recordSatisfaction(c.id, { satisfaction: f.satisfaction, channel: f.channel, comment: f.comment?.trim() || undefined }),
              t('common.saved'),
            )
          }
        >
          <Form.Item
            name="satisfaction"
            label={t('petitions.panel.satisfaction')}
            rules={[{ required: true, message: t('common.required', { f: t('petitions.panel.satisfaction') }) }]}
          >
            <Radio.Group optionType="button" options={SATISFACTION.map((s) => ({ value: s, label: vocab(s) }))} />
          </Form.Item>
          <Form.Item
            name="channel"
            label={t('petitions.x.satisfactionChannel')}
            rules={[{ required: true, message: t('common.required', { f: t('petitions.x.satisfactionChannel') }) }]}
          >
            <Radio.Group options={SATISFACTION_CHANNELS.map((s) => ({ value: s, label: s }))} />
          </Form.Item>
          <ReasonField name="comment" label={t('petitions.x.satisfactionComment')} max={500} />
        </ActionModal>
      )}
      {dialog === 'review' && (
        <ActionModal<{ which: string; reason: string; receivedOn: Dayjs; postmarkOn?: Dayjs | null }>
          title={t('petitions.x.reviewRequest')}
          okText={t('common.save')}
          onClose={close}
          note={t('petitions.x.reviewRequestNote')}
          initialValues={{ which: c.state === 'review_delivered' ? '复核' : '复查', receivedOn: dayjs() }}
          onSubmit={(f) =>
            act(
              () =>
                petitionApi.reviewRequest(c.id, {
                  which: f.which,
                  reason: f.reason.trim(),
                  receivedOn: f.receivedOn.format('YYYY-MM-DD'),
                  ...(f.postmarkOn ? { postmarkOn: f.postmarkOn.format('YYYY-MM-DD') } : {}),
                }),
              t('common.saved'),
            )
          }
        >
          <Form.Item name="which" label={t('petitions.x.reviewWhich')} rules={[{ required: true }]}>
            <Radio.Group options={REVIEW_KINDS.map((s) => ({ value: s, label: s }))} />
          </Form.Item>
          <Form.Item
            name="receivedOn"
            label={t('petitions.x.receivedOnField')}
            rules={[{ required: true, message: t('common.required', { f: t('petitions.x.receivedOnField') }) }]}
          >
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="postmarkOn" label={t('petitions.x.postmarkOnField')} extra={t('petitions.x.postmarkOnHint')}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <ReasonField name="reason" label={t('petitions.x.reviewReason')} required max={5000} />
        </ActionModal>
      )}
    </div>
  );
}
