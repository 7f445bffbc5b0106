import { useQuery } from '@tanstack/react-query';
import { Alert, Form, Input, Select, type FormInstance } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { orgsApi } from './api.ts';

export type PoolValues = { officerIds?: string[]; conflicts?: Record<string, string | undefined> };

/** The pool as the API takes it: each picked officer with the USCCs it must 回避 (comma, 、 or space separated). */
export const poolInput = (v: PoolValues) =>
  (v.officerIds ?? []).map((officerId) => ({
    officerId,
    conflicts: (v.conflicts?.[officerId] ?? '')
      .split(/[,，、\s]+/)
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean),
  }));

/**
 * A new plan's inspector pool, picked from the authority's officers with a 行政执法证 valid on the plan's day (shown
 * 「姓名（执法证号 …）」, all picked at first), each with the organizations it must 回避.
 */
export function SpotPoolField({ form }: { form: FormInstance }) {
  const t = useT();
  const options = useQuery({ queryKey: ['orgs', 'spot-pool-options'], queryFn: orgsApi.spotPoolOptions });
  const officers = options.data?.officers ?? [];
  const picked: string[] = Form.useWatch('officerIds', form) ?? [];
  useEffect(() => {
    if (options.data && !form.isFieldTouched('officerIds'))
      form.setFieldValue(
        'officerIds',
        options.data.officers.map((o) => o.id),
      );
  }, [options.data, form]);
  const label = (o: { name: string; certNo: string }) => `${o.name}（${t('orgs.spot.certNo')} ${o.certNo}）`;
  return (
    <>
      <Form.Item
        name="officerIds"
        label={t('orgs.spot.inspectors')}
        extra={t('orgs.spot.poolHint', { day: options.data?.day ?? '' })}
        rules={[{ validator: async (_, v?: string[]) => (v && v.length < 2 ? Promise.reject(new Error(t('orgs.spot.poolTwo'))) : undefined) }]}
      >
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          loading={options.isLoading}
          data-testid="spot-pool"
          options={officers.map((o) => ({ value: o.id, label: label(o) }))}
        />
      </Form.Item>
      {options.data && officers.length < 2 ? <Alert type="warning" showIcon message={t('orgs.spot.poolTooFew', { n: officers.length })} /> : null}
      {officers
        .filter((o) => picked.includes(o.id))
        .map((o) => (
          <Form.Item key={o.id} name={['conflicts', o.id]} label={t('orgs.spot.conflictsOf', { who: label(o) })}>
            <Input placeholder={t('orgs.spot.conflictsHint')} maxLength={2000} />
          </Form.Item>
        ))}
    </>
  );
}
