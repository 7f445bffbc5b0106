import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, Select, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useCan } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError, http } from '../../shared/api.ts';
import type { CaseTypePanelProps } from '../cases/type-panels.tsx';
import { MEETING_DECISIONS } from '../../../../src/modules/normdocs/contract.ts';
import { normdocApi, type Normdoc } from './api.ts';

/**
 * 集体审议: the drafter records the meeting and opens the heads' 会签 (kernel signoff, all must agree);
 * each head agrees or not here; the kernel then moves the document on (or back to 起草).
 */
export function DeliberationCard({ c, run, d }: CaseTypePanelProps & { d: Normdoc }) {
  const t = useT();
  const can = useCan();
  const [error, setError] = useState<string | null>(null);
  const [heads, setHeads] = useState<string[]>([]);
  const qc = useQueryClient();
  const drafter = can('normdocs.draft');
  const open = d.heads.some((h) => h.decision === null);
  const cands = useQuery({ queryKey: ['normdocs', 'heads', c.id], queryFn: () => normdocApi.heads(c.id), enabled: drafter && !!d.meeting && !open });
  const go = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await run(f);
      // A case action (the meeting record) may leave the case version as it was: refetch the document itself.
      void qc.invalidateQueries({ queryKey: ['normdocs'] });
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    }
  };
  const req = [{ required: true, message: t('normdocs.required') }];
  return (
    <Card size="small" title={t('normdocs.delib.title')} data-testid="normdoc-deliberation" style={{ marginTop: 8 }}>
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 8 }} />}
      {drafter && !d.meeting && (
        <Form
          layout="vertical"
          onFinish={(v: { metOn: Dayjs; name: string; attendees: string; decision: string }) =>
            go(() => normdocApi.meeting(c.id, { ...v, metOn: v.metOn.format('YYYY-MM-DD') }))
          }
        >
          <Space wrap>
            <Form.Item name="metOn" label={t('normdocs.delib.metOn')} rules={req}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="name" label={t('normdocs.delib.name')} rules={req} initialValue="厅长办公会">
              <Input />
            </Form.Item>
            <Form.Item name="decision" label={t('normdocs.delib.decision')} rules={req} initialValue={MEETING_DECISIONS[0]}>
              <Select style={{ width: 260 }} options={MEETING_DECISIONS.map((v) => ({ value: v, label: v }))} />
            </Form.Item>
          </Space>
          <Form.Item name="attendees" label={t('normdocs.delib.attendees')} rules={req}>
            <Input />
          </Form.Item>
          <Button htmlType="submit" data-testid="normdoc-meeting">
            {t('normdocs.delib.record')}
          </Button>
        </Form>
      )}
      {drafter && d.meeting && !open && (
        <div>
          <div>{t('normdocs.delib.pick')}</div>
          <Checkbox.Group
            value={heads}
            onChange={(v) => setHeads(v as string[])}
            options={(cands.data?.items ?? []).map((h) => ({ value: h.userId, label: `${h.name}（${h.orgUnitName}）` }))}
          />
          <div style={{ marginTop: 8 }}>
            <Button
              type="primary"
              disabled={!heads.length}
              data-testid="normdoc-open-signoff"
              onClick={() =>
                go(() =>
                  http.post(`/api/cases/${c.id}/signoffs`, {
                    step: 'heads',
                    mode: 'all',
                    parties: heads.map((userId) => ({ userId })),
                    expectedVersion: c.version,
                  }),
                )
              }
            >
              {t('normdocs.delib.open')}
            </Button>
          </div>
        </div>
      )}
      {d.heads.length > 0 && (
        <div style={{ marginTop: 8 }}>
          {d.heads.map((h, i) => (
            <Tag key={i} color={h.decision === 'approve' ? 'green' : h.decision === 'reject' ? 'red' : 'default'}>
              {`${h.party}：${h.decision === 'approve' ? '同意' : h.decision === 'reject' ? '不同意' : '待会签'}`}
            </Tag>
          ))}
        </div>
      )}
      {can('normdocs.sign') && open && (
        <Space style={{ marginTop: 8 }}>
          <Button
            type="primary"
            data-testid="normdoc-head-approve"
            onClick={() => go(() => http.post(`/api/cases/${c.id}/signoffs/heads/decide`, { decision: 'approve', comment: '同意' }))}
          >
            {t('normdocs.delib.approve')}
          </Button>
          <Button danger onClick={() => go(() => http.post(`/api/cases/${c.id}/signoffs/heads/decide`, { decision: 'reject', comment: '不同意' }))}>
            {t('normdocs.delib.reject')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
