import { Alert, Button, Card, Checkbox, Form, InputNumber, Switch, Tag, message } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useT } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/zh-CN.ts';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { QueryError } from '../../../shared/QueryError.tsx';
import './dibao-money.css';
import { moneyApi } from './api.ts';

const KEYS = [
  'totalWorkdays',
  'specialWorkdays',
  'publicityDays',
  'refusalNoticeWorkdays',
  'spotCheckRatio',
  'investigationMinStaff',
  'recheckMonthsStable',
  'recheckMonthsUnstable',
  'gradualExitMonths',
  'minimumBenefitCents',
  'assetMonthsLimit',
  'housingAreaLimitM2',
  'deductRigidExpenses',
  'vehicleValueLimitCents',
  'objectionReviewWorkdays',
  'applyAtResidence',
] as const;
/** Eligibility limits: unverified, they only warn (src/modules/dibao/commands/eligibility.ts). */
const LIMIT_KEYS: ReadonlySet<string> = new Set(['assetMonthsLimit', 'housingAreaLimitM2', 'vehicleValueLimitCents']);

export function SettingsPage() {
  const t = useT();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: ['dibao-money', 'settings'], queryFn: moneyApi.settings });
  // Whether each setting's legal text is verified, as edited on this page (saved with the values).
  const [verified, setVerified] = useState<Record<string, boolean>>({});
  useEffect(() => {
    if (q.data) {
      form.setFieldsValue(q.data.values);
      setVerified(Object.fromEntries(Object.entries(q.data.sources).map(([k, v]) => [k, v.verified])));
    }
  }, [q.data, form]);
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => {
      const body: Record<string, unknown> = Object.fromEntries(Object.entries(v).filter(([k, x]) => x !== q.data?.values[k]));
      for (const [k, on] of Object.entries(verified)) {
        if (on === q.data?.sources[k]?.verified) continue;
        body[k] = { ...(k in body ? { value: body[k] } : {}), verified: on };
      }
      return moneyApi.saveSettings(body);
    },
    onSuccess: () => {
      message.success(t('dibaoMoney.saved'));
      qc.invalidateQueries({ queryKey: ['dibao-money', 'settings'] });
    },
    onError: (e: Error) => message.error(e.message),
  });
  const d = q.data;
  return (
    <div className="mz-page mz-dm">
      <PageHeader title={t('dibaoMoney.nav.settings')} desc={t('dibaoMoney.settings.desc')} />
      <Card className="mz-card">
        {q.isError && <QueryError error={q.error} onRetry={() => q.refetch()} />}
        {d && !d.canEdit && <Alert type="info" showIcon message={t('dibaoMoney.readonly')} style={{ marginBottom: 16 }} />}
        {d && <Alert type="warning" showIcon message={t('dibaoMoney.settings.bounds')} style={{ marginBottom: 16 }} />}
        {d && (
          <Form form={form} layout="vertical" disabled={!d.canEdit} onFinish={(v) => save.mutate(v)} style={{ maxWidth: 640 }}>
            {KEYS.map((k) => (
              <Form.Item
                key={k}
                name={k}
                label={t(`dibaoMoney.set.${k}` as MessageKey)}
                valuePropName={typeof d.defaults[k] === 'boolean' ? 'checked' : 'value'}
                extra={
                  <div className="mz-dm-basis" data-testid={`setting-basis-${k}`}>
                    <div>{`${t('dibaoMoney.default')}：${typeof d.defaults[k] === 'boolean' ? (d.defaults[k] ? '是' : '否') : d.defaults[k]}`}</div>
                    {d.sources[k] && (
                      <div>
                        {t('dibaoMoney.basis')}：{d.sources[k].basis}{' '}
                        {d.sources[k].verified ? (
                          <Tag color="green">{t('dibaoMoney.verified')}</Tag>
                        ) : (
                          <Tag color="orange">{t(LIMIT_KEYS.has(k) ? 'dibaoMoney.unverified' : 'dibaoMoney.unverifiedShort')}</Tag>
                        )}
                        {d.canEdit && (
                          <Checkbox checked={!!verified[k]} onChange={(e) => setVerified((m) => ({ ...m, [k]: e.target.checked }))}>
                            {t('dibaoMoney.verified')}
                          </Checkbox>
                        )}
                      </div>
                    )}
                  </div>
                }
              >
                {typeof d.defaults[k] === 'boolean' ? <Switch /> : <InputNumber min={0} step={k === 'spotCheckRatio' ? 0.05 : 1} style={{ width: 200 }} />}
              </Form.Item>
            ))}
            {d.canEdit && (
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            )}
          </Form>
        )}
      </Card>
    </div>
  );
}
