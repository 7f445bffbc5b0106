import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { OrgUnitSelect } from '../../shared/OrgUnitSelect.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { applyServerError } from '../../shared/form-errors.ts';
import { petitionSettingsApi, type PetitionSetting } from './api.ts';
import './petitions.css';

/**
 * 信访设置: the tunable values and the rules regulations.md marks unverified, each with its basis
 * and default. Everyone with petition.read reads them; 自治区 督办 holders change them (audited).
 */
export function PetitionSettingsPage() {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['petitions', 'settings'], queryFn: petitionSettingsApi.get });
  useEffect(() => {
    if (q.data) form.setFieldsValue(Object.fromEntries(q.data.items.map((s) => [s.key, s.value])));
  }, [q.data, form]);
  const save = useMutation({
    // Only the values that changed are sent, so the audit log names exactly what was changed.
    mutationFn: (v: Record<string, unknown>) =>
      petitionSettingsApi.put(Object.fromEntries(Object.entries(v).filter(([k, x]) => x !== q.data?.items.find((s) => s.key === k)?.value))),
    onSuccess: () => {
      setError(null);
      message.success(t('petitions.settings.saved'));
      qc.invalidateQueries({ queryKey: ['petitions', 'settings'] });
    },
    onError: (e: unknown) => setError(applyServerError(form, e, q.data?.items.map((s) => s.key) ?? [])),
  });
  const d = q.data;
  return (
    <div className="mz-page">
      <PageHeader title={t('petitions.nav.settings')} desc={t('petitions.settings.desc')} />
      <Card className="mz-card">
        {q.isError && <QueryError error={q.error} onRetry={() => q.refetch()} />}
        {d && !d.canEdit && <Alert type="info" showIcon message={t('petitions.settings.readonly')} style={{ marginBottom: 16 }} />}
        {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} />}
        {d && (
          <Form form={form} layout="vertical" disabled={!d.canEdit} style={{ maxWidth: 720 }} onFinish={(v) => save.mutate(v)}>
            {d.items.map((s) => (
              <SettingField key={s.key} s={s} />
            ))}
            {d.canEdit && (
              <Button type="primary" htmlType="button" onClick={() => form.submit()} loading={save.isPending}>
                {t('common.save')}
              </Button>
            )}
          </Form>
        )}
      </Card>
    </div>
  );
}

const LEVELS = [1, 2, 3, 4] as const;

const KNOWN = new Set([
  'repeat.similarityThreshold',
  'intake.competentAreaLevel',
  'portal.intakeOrgCode',
  'review.requestDays',
  'satisfaction.rateWithinDays',
  'period.noticeDays',
  'period.handleDays',
  'period.extensionDays',
  'period.reviewDays',
  'period.recheckDays',
]);

function SettingField({ s }: { s: PetitionSetting }) {
  const t = useT();
  // The console's language where the key is known; the server's Chinese label for a new one.
  const key = `petitions.settings.key.${s.key}` as MessageKey;
  const label = (
    <span>
      {KNOWN.has(s.key) ? t(key) : s.label}
      {s.unverified && (
        <Tag color="orange" style={{ marginInlineStart: 8 }}>
          {t('petitions.settings.unverified')}
        </Tag>
      )}
    </span>
  );
  const extra = (
    <span className="mz-pt-setting-extra">
      {t('petitions.settings.basis', { basis: s.basis, value: s.defaultLabel ?? String(s.default) })}
      {s.updatedAt && t('petitions.settings.updatedAt', { at: formatDateTime(s.updatedAt) })}
    </span>
  );
  return (
    <Form.Item name={s.key} label={label} extra={extra} rules={[{ required: true, message: t('petitions.settings.required') }]}>
      {s.key === 'intake.competentAreaLevel' ? (
        // A level is named (自治区 … 乡镇), not numbered.
        <Select style={{ width: 200 }} options={LEVELS.map((n) => ({ value: n, label: t(`petitions.settings.level.${n}`) }))} />
      ) : s.key === 'portal.intakeOrgCode' ? (
        // The unit by its name; the setting keeps its code.
        <OrgUnitSelect valueKey="code" initialLabel={s.valueLabel ?? String(s.value)} style={{ width: '100%', maxWidth: 360 }} />
      ) : typeof s.default === 'number' ? (
        <InputNumber step={s.key === 'repeat.similarityThreshold' ? 0.05 : 1} style={{ width: 200 }} />
      ) : (
        <Input maxLength={40} style={{ width: 280 }} />
      )}
    </Form.Item>
  );
}
