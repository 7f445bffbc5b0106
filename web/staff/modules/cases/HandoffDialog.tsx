import { useQuery } from '@tanstack/react-query';
import { AutoComplete, DatePicker, Form, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import type { CaseDetail } from '../../shared/api-types.ts';
import { ActionModal, ReasonField } from './ActionModal.tsx';
import type { CaseRun } from './use-case.ts';

type Values = { where: 'platform' | 'outside'; toOrgId?: string; body?: string; sentOn?: Dayjs; method?: string; note?: string };
type Props = {
  c: CaseDetail;
  kind: 'transfer' | 'assign';
  run: CaseRun;
  /** The hand-off's word for this case type (转送 for 信访) and its texts. */
  term: (key: string) => string;
  onDone: (label: string) => void;
  onClose: () => void;
};

/**
 * 转送 / 交办: the receiving unit is picked from the competent bodies the server lists (上一级 first,
 * 本级, 下级 — never the holder itself); a 转送 may go to a body outside the platform (人社局 …),
 * recorded with the body, the day and how, through the type's own move.
 */
export function HandoffDialog({ c, kind, run, term, onDone, onClose }: Props) {
  const t = useT();
  const { data, isFetching } = useQuery({ queryKey: ['case', c.id, 'handoff-targets'], queryFn: () => api.caseHandoffTargets(c.id), staleTime: 0 });
  const [where, setWhere] = useState<'platform' | 'outside'>('platform');
  const outside = kind === 'transfer' ? (data?.outside ?? null) : null;
  const methods = methodOptions(c, outside?.transition);
  const label = term(kind === 'transfer' ? 'case.transfer' : 'case.assign');
  const groups = (['above', 'same', 'below'] as const)
    .map((rel) => {
      const items = (data?.targets ?? []).filter((o) => o.relation === rel);
      return { label: items[0]?.relationLabel ?? rel, options: items.map((o) => ({ value: o.id, label: `${o.name}（${o.areaName}）` })) };
    })
    .filter((g) => g.options.length);

  return (
    <ActionModal<Values>
      title={label}
      okText={label}
      note={where === 'outside' ? t('case.outsideTip') : term(kind === 'transfer' ? 'case.transferTip' : 'case.assignTip')}
      initialValues={{ where: 'platform', sentOn: dayjs() }}
      onClose={onClose}
      onSubmit={async (f) => {
        if (f.where === 'outside' && outside) {
          const input = { body: f.body?.trim(), sentOn: f.sentOn?.format('YYYY-MM-DD'), method: f.method, note: f.note?.trim() || undefined };
          await run(() => api.caseTransition(c.id, outside.transition, { input, expectedVersion: c.version }));
          return onDone(outside.label);
        }
        await run(() => api.caseHandoff(c.id, { kind, toOrgId: f.toOrgId!, note: f.note?.trim() || null, expectedVersion: c.version }));
        onDone(label);
      }}
    >
      {outside && (
        <Form.Item name="where" label={t('case.handoffWhere')} rules={[{ required: true }]}>
          <Radio.Group
            onChange={(e) => setWhere(e.target.value)}
            options={[
              { value: 'platform', label: t('case.handoffOnPlatform') },
              { value: 'outside', label: t('case.handoffOutside') },
            ]}
          />
        </Form.Item>
      )}
      {where === 'platform' ? (
        <Form.Item name="toOrgId" label={t('case.handoffTo')} rules={[{ required: true, message: t('common.required', { f: t('case.handoffTo') }) }]}>
          <Select
            data-testid="handoff-targets"
            options={groups}
            loading={isFetching}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('case.handoffToPlaceholder')}
            notFoundContent={isFetching ? undefined : t('case.handoffNoTargets')}
            style={{ width: '100%' }}
          />
        </Form.Item>
      ) : (
        <>
          <Form.Item
            name="body"
            label={t('case.outsideBody')}
            rules={[{ required: true, whitespace: true, message: t('common.required', { f: t('case.outsideBody') }) }]}
          >
            <AutoComplete
              data-testid="outside-body"
              options={(outside?.suggestions ?? []).map((s) => ({ value: s }))}
              showSearch={{ filterOption: (input, o) => String(o?.value ?? '').includes(input) }}
              placeholder={t('case.outsideBodyPlaceholder')}
            />
          </Form.Item>
          <Form.Item name="sentOn" label={t('case.outsideSentOn')} rules={[{ required: true, message: t('common.required', { f: t('case.outsideSentOn') }) }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="method" label={t('case.outsideMethod')} rules={[{ required: true, message: t('common.required', { f: t('case.outsideMethod') }) }]}>
            <Select options={methods.map((m) => ({ value: m, label: m }))} style={{ width: 200 }} />
          </Form.Item>
        </>
      )}
      <ReasonField name="note" label={term(kind === 'transfer' ? 'case.transferNote' : 'case.assignNote')} placeholder={t('case.handoffNotePlaceholder')} />
    </ActionModal>
  );
}

/** The ways of sending the outside move declares (its input's `method` enum). */
function methodOptions(c: CaseDetail, transition: string | undefined): string[] {
  const schema = c.actions.transitions.find((tr) => tr.name === transition)?.inputSchema as
    { properties?: { method?: { enum?: string[] } } } | null | undefined;
  return schema?.properties?.method?.enum ?? [];
}
