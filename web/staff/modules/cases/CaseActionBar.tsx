import { Alert, App, Button, Form, Select } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import type { CaseDetail, CaseSupervision, CaseTransitionAction } from '../../shared/api-types.ts';
import { handoffTerms, inTypeWords } from './handoff-terms.ts';
import { HandoffDialog } from './HandoffDialog.tsx';
import { ApprovalRouteNote } from './ApprovalRouteNote.tsx';
import { cleanInput, hasFields, SchemaFields } from '../../shared/SchemaFields.tsx';
import { ActionModal, ReasonField } from './ActionModal.tsx';
import type { CaseRun } from './use-case.ts';
import { useCaseLabels } from './case-labels.ts';
import { prefillFor } from './type-panels.tsx';
import { NextStepNote } from '../../shared/NextStepNote.tsx';

type Dialog =
  | { kind: 'transition'; action: CaseTransitionAction }
  | { kind: 'handoff'; handoff: 'transfer' | 'assign' }
  | { kind: 'acknowledge' }
  | { kind: 'object' }
  | { kind: 'withdrawHandoff' }
  | { kind: 'return' }
  | { kind: 'withdraw' }
  | { kind: 'supervise' }
  | { kind: 'feedback'; supervision: CaseSupervision };

/** 办理: the moves the signed-in user may make on this case now, each confirmed in a small form. */
export function CaseActionBar({ c, run }: { c: CaseDetail; run: CaseRun }) {
  const t = useT();
  const labels = useCaseLabels();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const a = c.actions;
  const v = c.version;
  const close = () => setDialog(null);
  const done = (label: string) => message.success(t('case.done', { action: label }));
  const awaiting = c.supervisions.filter((s) => s.awaitingMyFeedback);
  const pending = c.handoffs.find((h) => h.status === 'pending');
  const term = (kind: string, key: string) => {
    const word = kind === 'transfer' || kind === 'assign' ? handoffTerms(c.type)?.[kind] : undefined;
    const text = t(key as never);
    return word ? text.replaceAll(kind === 'transfer' ? '转办' : '交办', word) : text;
  };

  const buttons: React.ReactNode[] = [];
  if (a.canAcknowledge)
    buttons.push(
      <Button key="ack" type="primary" onClick={() => setDialog({ kind: 'acknowledge' })}>
        {t('case.acknowledge')}
      </Button>,
    );
  if (a.canObject)
    buttons.push(
      <Button key="object" onClick={() => setDialog({ kind: 'object' })}>
        {t('case.object')}
      </Button>,
    );
  if (a.canWithdrawHandoff)
    buttons.push(
      <Button key="wh" onClick={() => setDialog({ kind: 'withdrawHandoff' })}>
        {inTypeWords(c.type, t('case.withdrawHandoff'))}
      </Button>,
    );
  // The normal next step the definition marks is the one primary button; exceptions (补正, 异议,
  // 不予受理 …) are secondary. A type that marks none falls back to its first move needing no reason.
  const primary = a.canAcknowledge ? undefined : (a.transitions.find((tr) => tr.primary) ?? a.transitions.find((tr) => !tr.reasonRequired));
  a.transitions.forEach((tr) =>
    buttons.push(
      <Button
        key={`t:${tr.name}`}
        type={tr === primary ? 'primary' : 'default'}
        danger={tr.reasonRequired && tr !== primary}
        data-primary={tr === primary || undefined}
        onClick={() => setDialog({ kind: 'transition', action: tr })}
      >
        {labels.transition(c.type, tr.name, tr.label)}
      </Button>,
    ),
  );
  // The hand-offs the server would accept now, by the rule it enforces (kernel handoff-rule.ts): none at a state the
  // module closes to hand-offs, none that a module's own command owns (信访's 交办 with its deadline, 低保's 报送县级).
  for (const kind of a.handoffKinds)
    buttons.push(
      <Button key={kind} onClick={() => setDialog({ kind: 'handoff', handoff: kind })}>
        {term(kind, `case.${kind}`)}
      </Button>,
    );
  if (a.returnTargets.length)
    buttons.push(
      <Button key="return" onClick={() => setDialog({ kind: 'return' })}>
        {t('case.return')}
      </Button>,
    );
  if (a.canWithdraw)
    buttons.push(
      <Button key="withdraw" onClick={() => setDialog({ kind: 'withdraw' })}>
        {t('case.withdraw')}
      </Button>,
    );
  if (a.canSupervise)
    buttons.push(
      <Button key="supervise" onClick={() => setDialog({ kind: 'supervise' })}>
        {t('case.supervise')}
      </Button>,
    );
  for (const s of awaiting)
    buttons.push(
      <Button key={`fb:${s.id}`} type="primary" ghost onClick={() => setDialog({ kind: 'feedback', supervision: s })}>
        {t('case.feedback')}
      </Button>,
    );

  let status: React.ReactNode = null;
  if (pending && a.canAcknowledge) {
    status = <Alert type="warning" showIcon title={t('case.pendingIn', { from: pending.fromOrgName, kind: term(pending.kind, `case.${pending.kind}`) })} />;
  } else if (pending && a.canWithdrawHandoff) {
    status = <Alert type="info" showIcon title={t('case.pendingOut', { to: pending.toOrgName, kind: term(pending.kind, `case.${pending.kind}`) })} />;
  } else if (pending) {
    status = <Alert type="info" showIcon title={t('case.pendingOther', { to: pending.toOrgName, kind: term(pending.kind, `case.${pending.kind}`) })} />;
  } else if (c.terminal) {
    status = <Alert type="success" showIcon title={t('case.terminal', { state: labels.state(c.type, c.state, c.stateLabel) })} />;
  }

  return (
    <section className="mz-action-bar" aria-label={t('case.handle')} data-testid="case-actions">
      {status}
      <NextStepNote step={c.nextStep} />
      <div className="mz-action-row">
        <span className="mz-action-label">{t('case.handle')}</span>
        {buttons.length ? <div className="mz-action-buttons">{buttons}</div> : <span className="mz-muted">{t('case.noActions')}</span>}
      </div>

      {dialog?.kind === 'transition' && (
        <ActionModal<{ input?: Record<string, unknown>; comment?: string }>
          title={t('case.transitionTitle', { label: dialog.action.label })}
          okText={labels.transition(c.type, dialog.action.name, dialog.action.label)}
          note={t('case.nextState', { state: dialog.action.toLabel })}
          initialValues={{ input: prefillFor(c, dialog.action.name) }}
          onClose={close}
          onSubmit={async (f) => {
            await run(() =>
              api.caseTransition(c.id, dialog.action.name, {
                input: hasFields(dialog.action.inputSchema) ? cleanInput(f.input) : undefined,
                comment: f.comment?.trim() || null,
                expectedVersion: v,
              }),
            );
            done(dialog.action.label);
          }}
        >
          <ApprovalRouteNote caseId={c.id} transition={dialog.action.name} />
          <SchemaFields schema={dialog.action.inputSchema} name="input" />
          <ReasonField
            name="comment"
            label={dialog.action.reasonRequired ? t('case.reason') : t('case.comment')}
            required={dialog.action.reasonRequired}
            placeholder={dialog.action.reasonRequired ? t('case.reasonPlaceholder') : t('case.commentPlaceholder')}
          />
        </ActionModal>
      )}

      {dialog?.kind === 'handoff' && (
        <HandoffDialog c={c} kind={dialog.handoff} run={run} term={(key) => term(dialog.handoff, key)} onDone={done} onClose={close} />
      )}

      {dialog?.kind === 'acknowledge' && pending && (
        <ActionModal
          title={t('case.acknowledge')}
          okText={t('case.acknowledge')}
          note={t('case.acknowledgeNote', { from: pending.fromOrgName })}
          onClose={close}
          onSubmit={async () => {
            await run(() => api.caseAcknowledge(c.id, v));
            done(t('case.acknowledge'));
          }}
        >
          {pending.note && <p className="mz-quote">{pending.note}</p>}
        </ActionModal>
      )}

      {dialog?.kind === 'object' && (
        <ActionModal<{ reason: string }>
          title={t('case.object')}
          okText={t('case.object')}
          danger
          note={t('case.objectNote')}
          onClose={close}
          onSubmit={async (f) => {
            await run(() => api.caseObject(c.id, f.reason.trim(), v));
            done(t('case.object'));
          }}
        >
          <ReasonField label={t('case.objectReason')} required placeholder={t('case.reasonPlaceholder')} />
        </ActionModal>
      )}

      {dialog?.kind === 'withdrawHandoff' && (
        <ActionModal<{ reason?: string }>
          title={inTypeWords(c.type, t('case.withdrawHandoff'))}
          okText={inTypeWords(c.type, t('case.withdrawHandoff'))}
          note={t('case.withdrawHandoffNote')}
          onClose={close}
          onSubmit={async (f) => {
            await run(() => api.caseWithdrawHandoff(c.id, f.reason?.trim() || undefined, v));
            done(t('case.withdrawHandoff'));
          }}
        >
          <ReasonField label={t('case.reason')} />
        </ActionModal>
      )}

      {dialog?.kind === 'return' && (
        <ActionModal<{ toState: string; reason: string }>
          title={t('case.return')}
          okText={t('case.return')}
          danger
          initialValues={{ toState: a.returnTargets.length === 1 ? a.returnTargets[0]!.state : undefined }}
          onClose={close}
          onSubmit={async (f) => {
            await run(() => api.caseReturn(c.id, f.toState, f.reason.trim(), v));
            done(t('case.return'));
          }}
        >
          <Form.Item name="toState" label={t('case.returnTo')} rules={[{ required: true, message: t('common.required', { f: t('case.returnTo') }) }]}>
            <Select options={a.returnTargets.map((r) => ({ value: r.state, label: r.label }))} />
          </Form.Item>
          <ReasonField label={t('case.returnReason')} required placeholder={t('case.reasonPlaceholder')} />
        </ActionModal>
      )}

      {dialog?.kind === 'withdraw' && (
        <ActionModal<{ reason?: string }>
          title={t('case.withdraw')}
          okText={t('case.withdraw')}
          note={t('case.withdrawNote', { label: c.events[c.events.length - 1]?.transitionLabel ?? '' })}
          onClose={close}
          onSubmit={async (f) => {
            await run(() => api.caseWithdraw(c.id, f.reason?.trim() || undefined, v));
            done(t('case.withdraw'));
          }}
        >
          <ReasonField label={t('case.reason')} />
        </ActionModal>
      )}

      {dialog?.kind === 'supervise' && (
        <ActionModal<{ reason: string }>
          title={t('case.supervise')}
          okText={t('case.supervise')}
          note={t('case.superviseNote', { org: c.orgUnitName ?? '' })}
          onClose={close}
          onSubmit={async (f) => {
            await run(() => api.caseSupervise(c.id, f.reason.trim()));
            done(t('case.supervise'));
          }}
        >
          <ReasonField label={t('case.superviseReason')} required placeholder={t('case.supervisePlaceholder')} />
        </ActionModal>
      )}

      {dialog?.kind === 'feedback' && (
        <ActionModal<{ feedback: string }>
          title={t('case.feedback')}
          okText={t('case.feedbackSubmit')}
          note={t('case.feedbackNote', { from: dialog.supervision.fromOrgName, reason: dialog.supervision.reason })}
          onClose={close}
          onSubmit={async (f) => {
            await run(() => api.caseSupervisionFeedback(c.id, dialog.supervision.id, f.feedback.trim()));
            done(t('case.feedback'));
          }}
        >
          <ReasonField name="feedback" label={t('case.feedbackBody')} required max={5000} />
        </ActionModal>
      )}
    </section>
  );
}
