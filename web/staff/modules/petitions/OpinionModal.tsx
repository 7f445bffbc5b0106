import { App, Form, Input, Radio } from 'antd';
import dayjs from 'dayjs';
import { useRef } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import type { CaseDetail, CaseTransitionAction } from '../../shared/api-types.ts';
import { ActionModal, ReasonField } from '../cases/ActionModal.tsx';
import { ApprovalRouteNote } from '../cases/ApprovalRouteNote.tsx';
import type { CaseRun } from '../cases/use-case.ts';
import { OPINIONS } from './api.ts';
import { opinionTemplate, PLACEHOLDER, type OpinionKind, type OpinionStage, type TemplateFacts } from './opinion-templates.ts';
import { useVocab } from './vocab.ts';

/** The transitions that take a 处理意见书 (opinion + text). */
export const OPINION_TRANSITIONS: OpinionStage[] = ['draft', 'conclude_review', 'conclude_recheck'];

type Values = { opinion: OpinionKind; text: string; comment?: string };

/** 起草处理意见书: outcome → template filled from the case → edit → submit the transition through the kernel route. */
export function OpinionModal({
  c,
  action,
  facts,
  run,
  onClose,
}: {
  c: CaseDetail;
  action: CaseTransitionAction;
  facts: TemplateFacts;
  run: CaseRun;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const stage = action.name as OpinionStage;
  return (
    <ActionModal<Values>
      title={t('petitions.opinion.modalTitle', { label: action.label })}
      okText={t('petitions.opinion.submit')}
      note={t('case.nextState', { state: action.toLabel })}
      width={760}
      onClose={onClose}
      onSubmit={async (f) => {
        await run(() =>
          api.caseTransition(c.id, action.name, {
            input: { opinion: f.opinion, text: f.text.trim() },
            comment: f.comment?.trim() || null,
            expectedVersion: c.version,
          }),
        );
        message.success(t('petitions.opinion.done'));
      }}
    >
      <ApprovalRouteNote caseId={c.id} transition={action.name} />
      <OpinionFields stage={stage} facts={facts} />
      <ReasonField name="comment" label={t('petitions.opinion.comment')} />
    </ActionModal>
  );
}

function OpinionFields({ stage, facts }: { stage: OpinionStage; facts: TemplateFacts }) {
  const t = useT();
  const vocab = useVocab();
  const form = Form.useFormInstance<Values>();
  const last = useRef<string>('');
  const choose = (kind: OpinionKind) => {
    const current = (form.getFieldValue('text') as string | undefined) ?? '';
    // Replace the text only while it is empty or still the previous template untouched.
    if (!current.trim() || current === last.current) {
      const text = opinionTemplate(kind, stage, { ...facts, today: dayjs().format('YYYY-MM-DD') });
      last.current = text;
      form.setFieldValue('text', text);
      void form.validateFields(['text']).catch(() => undefined);
    }
  };
  return (
    <>
      <Form.Item
        name="opinion"
        label={t('petitions.opinion.kind')}
        extra={t('petitions.opinion.templateNote')}
        rules={[{ required: true, message: t('common.required', { f: t('petitions.opinion.kind') }) }]}
      >
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={OPINIONS.map((o) => ({ value: o, label: vocab(o) }))}
          onChange={(e) => choose(e.target.value as OpinionKind)}
        />
      </Form.Item>
      <Form.Item
        name="text"
        label={t('petitions.opinion.text')}
        rules={[
          { required: true, whitespace: true, message: t('common.required', { f: t('petitions.opinion.text') }) },
          { max: 10000 },
          {
            validator: async (_, v?: string) => {
              if (v && PLACEHOLDER.test(v)) throw new Error(t('petitions.opinion.placeholderLeft'));
            },
          },
        ]}
      >
        <Input.TextArea rows={14} maxLength={10000} showCount className="mz-pt-opinion-input" />
      </Form.Item>
    </>
  );
}
