import { Alert, Button, Card, Form, InputNumber, Switch, message } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
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
  'objectionReviewWorkdays',
  'applyAtResidence',
] as const;

export function SettingsPage() {
  const t = useT();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: ['dibao-money', 'settings'], queryFn: moneyApi.settings });
  useEffect(() => {
    if (q.data) form.setFieldsValue(q.data.values);
  }, [q.data, form]);
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => moneyApi.saveSettings(Object.fromEntries(Object.entries(v).filter(([k, x]) => x !== q.data?.values[k]))),
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
        {d && (
          <Form form={form} layout="vertical" disabled={!d.canEdit} onFinish={(v) => save.mutate(v)} style={{ maxWidth: 640 }}>
            {KEYS.map((k) => (
              <Form.Item
                key={k}
                name={k}
                label={t(`dibaoMoney.set.${k}` as MessageKey)}
                valuePropName={typeof d.defaults[k] === 'boolean' ? 'checked' : 'value'}
                extra={`${t('dibaoMoney.default')}:${typeof d.defaults[k] === 'boolean' ? (d.defaults[k] ? '是' : '否') : d.defaults[k]}`}
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
