import { useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Descriptions, Form, Radio, Select, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useCan, useSession } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import type { CaseDetail } from '../../shared/api-types.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { ActionModal, ReasonField } from '../cases/ActionModal.tsx';
import type { CaseRun } from '../cases/use-case.ts';
import { NOTICE_METHODS, ROUTING_TARGETS, petitionApi, type PetitionDetail } from './api.ts';
import { PETITIONS_KEY } from './use-petitions.ts';
import { options, useVocab } from './vocab.ts';

type Dialog = 'object' | 'decide' | 'serve' | 'route';

/**
 * Intake and routing on the case page: 收到日期, source and form, 被投诉机关, 被检举对象, 重大紧急, the
 * 复核终结 match, 转送/交办去向, 异议 and its 核实, the served notices and the 第三十一条 routing.
 */
export function PetitionIntakeCard({ c, d, run }: { c: CaseDetail; d: PetitionDetail; run: CaseRun }) {
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
  const holder = me.orgUnit.id === c.orgUnitId;
  const openObjection = d.objections.find((o) => !o.decision);
  const lastForward = d.forwarding.at(-1);
  const buttons: React.ReactNode[] = [];
  if (can('petition.handle') && c.state === 'registered' && holder && lastForward && lastForward.status !== 'objected' && !openObjection)
    buttons.push(
      <Button key="object" size="small" onClick={() => setDialog('object')}>
        {t('petitions.i.object')}
      </Button>,
    );
  if (can('petition.handle') && openObjection && !holder)
    buttons.push(
      <Button key="decide" size="small" type="primary" onClick={() => setDialog('decide')}>
        {t('petitions.i.decide')}
      </Button>,
    );
  if (can('petition.handle') && holder && ((p.acceptedAt && !p.acceptanceServed) || (p.refusal && !p.refusalServed)))
    buttons.push(
      <Button key="serve" size="small" onClick={() => setDialog('serve')}>
        {t('petitions.i.serve')}
      </Button>,
    );
  if (can('petition.handle') && holder && p.category === '申诉求决' && !p.routing && ['registered', 'accepted', 'handling', 'simple'].includes(c.state))
    buttons.push(
      <Button key="route" size="small" onClick={() => setDialog('route')}>
        {t('petitions.i.route')}
      </Button>,
    );

  const items = [
    { key: 'received', label: t('petitions.i.receivedOn'), children: p.receivedOn ? formatDate(p.receivedOn) : '—' },
    { key: 'form', label: t('petitions.form.originalForm'), children: vocab(p.originalForm) },
    ...(p.sourceBody
      ? [{ key: 'source', label: t('petitions.form.sourceBody'), children: `${vocab(p.sourceBody)}${p.sourceRef ? ` · ${p.sourceRef}` : ''}` }]
      : []),
    ...(p.complainedOrg ? [{ key: 'complained', label: t('petitions.form.complainedOrg'), children: p.complainedOrg }] : []),
    ...(p.accused
      ? [{ key: 'accused', label: t('petitions.form.accusedName'), children: [p.accused.name, p.accused.orgUnitName].filter(Boolean).join(' · ') }]
      : []),
    ...(p.acceptanceServed
      ? [{ key: 'as', label: t('petitions.i.acceptanceServed'), children: `${vocab(p.acceptanceServed.method)} · ${formatDate(p.acceptanceServed.on)}` }]
      : []),
    ...(p.refusalServed
      ? [{ key: 'rs', label: t('petitions.i.refusalServed'), children: `${vocab(p.refusalServed.method)} · ${formatDate(p.refusalServed.on)}` }]
      : []),
    ...(p.routing
      ? [{ key: 'routing', label: t('petitions.i.routing'), children: `${vocab(p.routing.target)}${p.routing.note ? `：${p.routing.note}` : ''}` }]
      : []),
  ];

  return (
    <div data-testid="petition-intake" className="mz-gap">
      <h3 className="mz-pt-subhead">
        {t('petitions.i.title')}
        {p.urgent && <Tag color="red">{t('petitions.done.urgent')}</Tag>}
        {d.informantHidden && <Tag>{t('petitions.i.informantHidden')}</Tag>}
      </h3>
      {p.urgent && (
        <p className="mz-quote">
          {p.urgent.note}
          {p.urgent.report ? `（${p.urgent.report}）` : ''}
        </p>
      )}
      {p.finalMatch && <p className="mz-quote">{t('petitions.i.finalMatch', { ref: p.finalMatch.refNo })}</p>}
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} />
      {d.forwarding.length > 0 && (
        <>
          <h3 className="mz-pt-subhead">{t('petitions.i.forwarding')}</h3>
          <ul className="mz-pt-people">
            {d.forwarding.map((f) => (
              <li key={f.sentAt}>
                <Tag>{vocab(f.kind)}</Tag>
                <strong>{f.toOrgName}</strong>
                <span className="mz-muted">
                  {f.fromOrgName} · {formatDateTime(f.sentAt)}
                  {f.acknowledgedAt ? ` · ${t('petitions.i.acknowledged', { at: formatDate(f.acknowledgedAt) })}` : ''}
                </span>
                {f.status === 'objected' && <Tag color="orange">{t('petitions.i.returned')}</Tag>}
              </li>
            ))}
          </ul>
        </>
      )}
      {d.objections.length > 0 && (
        <>
          <h3 className="mz-pt-subhead">{t('petitions.i.objections')}</h3>
          <ul className="mz-pt-people">
            {d.objections.map((o) => (
              <li key={o.id}>
                <strong>{o.byOrgName}</strong>
                <span>{o.reason}</span>
                <span className="mz-muted">{t('petitions.i.objectionDates', { received: formatDate(o.receivedOn), raised: formatDate(o.raisedOn) })}</span>
                {o.decision ? (
                  <Tag color={o.decision === 'agreed' ? 'green' : 'red'}>
                    {t(o.decision === 'agreed' ? 'petitions.i.agreed' : 'petitions.i.rejected')}
                    {o.decisionNote ? `：${o.decisionNote}` : ''}
                  </Tag>
                ) : (
                  <Tag>{t('petitions.i.pending')}</Tag>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {buttons.length > 0 && <div className="mz-pt-extra-actions mz-gap">{buttons}</div>}

      {dialog === 'object' && (
        <ActionModal<{ reason: string }>
          title={t('petitions.i.object')}
          okText={t('petitions.i.object')}
          note={t('petitions.i.objectNote')}
          onClose={close}
          onSubmit={(f) => act(() => petitionApi.raiseObjection(c.id, f.reason.trim()), t('petitions.i.objected'))}
        >
          <ReasonField name="reason" label={t('petitions.i.objectReason')} required />
        </ActionModal>
      )}
      {dialog === 'decide' && (
        <ActionModal<{ agree: boolean; note: string }>
          title={t('petitions.i.decide')}
          okText={t('petitions.i.decide')}
          note={openObjection?.reason}
          initialValues={{ agree: true }}
          onClose={close}
          onSubmit={(f) => act(() => petitionApi.decideObjection(c.id, { agree: f.agree, note: f.note.trim() }), t('petitions.i.decided'))}
        >
          <Form.Item name="agree" label={t('petitions.i.decide')}>
            <Radio.Group
              options={[
                { value: true, label: t('petitions.i.agree') },
                { value: false, label: t('petitions.i.reject') },
              ]}
            />
          </Form.Item>
          <ReasonField name="note" label={t('petitions.i.decisionNote')} required />
        </ActionModal>
      )}
      {dialog === 'serve' && (
        <ActionModal<{ servedMethod: string; servedOn: Dayjs }>
          title={t('petitions.i.serve')}
          okText={t('petitions.i.serve')}
          initialValues={{ servedOn: dayjs() }}
          onClose={close}
          onSubmit={(f) =>
            act(() => petitionApi.serveNotice(c.id, { servedMethod: f.servedMethod, servedOn: f.servedOn.format('YYYY-MM-DD') }), t('petitions.i.served'))
          }
        >
          <Form.Item
            name="servedMethod"
            label={t('petitions.i.method')}
            rules={[{ required: true, message: t('common.required', { f: t('petitions.i.method') }) }]}
          >
            <Select options={options(vocab, NOTICE_METHODS)} />
          </Form.Item>
          <Form.Item
            name="servedOn"
            label={t('petitions.i.servedOn')}
            rules={[{ required: true, message: t('common.required', { f: t('petitions.i.servedOn') }) }]}
          >
            <DatePicker disabledDate={(x) => x.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </ActionModal>
      )}
      {dialog === 'route' && (
        <ActionModal<{ target: string; note: string }>
          title={t('petitions.i.route')}
          okText={t('petitions.i.route')}
          note={t('petitions.i.routeNote')}
          onClose={close}
          onSubmit={(f) => act(() => petitionApi.route(c.id, { target: f.target, note: f.note.trim() }), t('petitions.i.routed'))}
        >
          <Form.Item
            name="target"
            label={t('petitions.i.routing')}
            rules={[{ required: true, message: t('common.required', { f: t('petitions.i.routing') }) }]}
          >
            <Select options={options(vocab, ROUTING_TARGETS)} />
          </Form.Item>
          <ReasonField name="note" label={t('petitions.i.routeOutcome')} required />
        </ActionModal>
      )}
    </div>
  );
}
