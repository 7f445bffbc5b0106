import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Radio, Select, Tag, Typography, type TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useCan, useSession } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { applyServerError } from '../../shared/form-errors.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { dibaoApi, spotCheckApi, type SpotCheck, type SpotCheckItem } from './api.ts';
import './dibao.css';
import { DataTable } from '../../shared/DataTable.tsx';

const pct = (r: number) => `${Math.round(r * 1000) / 10}%`;

/** 县级抽查: the county draws a reproducible sample of township-confirmed cases for a period. */
export function SpotChecksPage() {
  const t = useT();
  const me = useSession();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const list = useQuery({ queryKey: ['dibao', 'spot-checks'], queryFn: () => spotCheckApi.list() });
  const counties = useQuery({ queryKey: ['dibao', 'delegations'], queryFn: () => dibaoApi.delegations() });
  // Counties the user supervises: its own county, or every county under a city/region grant.
  const supervises = (code: string) =>
    me.roles.some((r) => {
      const a = r.areaCode;
      const level = a.length > 6 ? 4 : a.endsWith('0000') ? 1 : a.endsWith('00') ? 2 : 3;
      const held = r.permissions.includes('dibao.confirm') || r.permissions.includes('dibao.handle');
      return held && r.scope === 'subtree' && (level === 1 || (level === 2 && code.startsWith(a.slice(0, 4))) || a === code);
    });
  const mine = (counties.data?.items ?? []).filter((c) => supervises(c.countyCode));
  const canDraw = mine.length > 0;
  const draw = useMutation({
    mutationFn: (v: { countyCode: string; period: [Dayjs, Dayjs]; seed?: string; ratio?: number }) =>
      spotCheckApi.draw({
        countyCode: v.countyCode,
        from: v.period[0].format('YYYY-MM-DD'),
        to: v.period[1].format('YYYY-MM-DD'),
        seed: v.seed || undefined,
        ratio: v.ratio ? v.ratio / 100 : undefined,
      }),
    onSuccess: (r) => {
      message.success(t('dibao.sc.drawn', { n: String(r.sample.length), pop: String(r.population) }));
      void qc.invalidateQueries({ queryKey: ['dibao', 'spot-checks'] });
      navigate(`/dibao/spot-checks/${r.id}`);
    },
    onError: (e) => setError(applyServerError(form, e, ['countyCode', 'seed', 'ratio'])),
  });
  const columns: TableProps<SpotCheckItem>['columns'] = [
    { title: t('dibao.dg.county'), dataIndex: 'countyName', render: (v: string, r) => <Link to={`/dibao/spot-checks/${r.id}`}>{v}</Link> },
    { title: t('dibao.sc.period'), key: 'period', render: (_, r) => `${r.from} 至 ${r.to}` },
    { title: t('dibao.sc.ratio'), dataIndex: 'ratio', render: pct },
    { title: t('dibao.sc.population'), dataIndex: 'population', align: 'right' },
    { title: t('dibao.sc.sample'), dataIndex: 'sample', align: 'right' },
    {
      title: t('dibao.sc.visited'),
      dataIndex: 'visited',
      render: (v: number, r) => (
        <Tag color={v >= r.sample ? 'green' : 'gold'}>
          {v} / {r.sample}
        </Tag>
      ),
    },
    { title: t('dibao.sc.seed'), dataIndex: 'seed', render: (v: string) => <span className="mz-mono mz-db-small">{v}</span> },
  ];
  return (
    <div className="mz-page">
      <PageHeader title={t('dibao.sc.title')} desc={t('dibao.sc.desc')} />
      {canDraw && (
        <Card className="mz-card" title={t('dibao.sc.draw')} style={{ marginBottom: 12 }}>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) => {
              setError(null);
              draw.mutate(v);
            }}
            initialValues={{
              countyCode: mine.length === 1 ? mine[0]!.countyCode : undefined,
              period: [dayjs().subtract(1, 'year').startOf('year'), dayjs().subtract(1, 'year').endOf('year')],
            }}
          >
            <div className="mz-db-grid-wide">
              <Form.Item name="countyCode" label={t('dibao.dg.county')} rules={[{ required: true, message: '请选择县（区）' }]}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={mine.map((c) => ({ value: c.countyCode, label: `${c.countyName}（${c.authority === 'township' ? '已下放' : '未下放'}）` }))}
                />
              </Form.Item>
              <Form.Item name="period" label={t('dibao.sc.period')} rules={[{ required: true, message: '请选择确认日期范围' }]}>
                <DatePicker.RangePicker style={{ width: '100%' }} allowClear={false} aria-label={t('dibao.sc.period')} />
              </Form.Item>
              <Form.Item name="ratio" label={t('dibao.sc.ratioAsk')} extra={t('dibao.sc.ratioHint')}>
                <InputNumber min={1} max={100} addonAfter="%" style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="seed" label={t('dibao.sc.seed')} extra={t('dibao.sc.seedHint')}>
                <Input maxLength={100} />
              </Form.Item>
            </div>
            {/* A draw is recorded for good: only the button draws, never an Enter that confirms a date or a seed. */}
            <Button type="primary" htmlType="button" onClick={() => form.submit()} loading={draw.isPending}>
              {t('dibao.sc.draw')}
            </Button>
          </Form>
        </Card>
      )}
      <Card className="mz-card">
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <DataTable<SpotCheckItem>
            rowKey="id"
            size="middle"
            loading={list.isPending}
            dataSource={list.data?.items ?? []}
            columns={columns}
            pagination={false}
            scroll={{ x: 800 }}
          />
        )}
      </Card>
    </div>
  );
}

type Row = SpotCheck['items'][number];

/** One draw: seed, population and sample (reproducible), each sampled case with its home-visit result. */
export function SpotCheckPage() {
  const t = useT();
  const { id } = useParams();
  const can = useCan();
  const q = useQuery({ queryKey: ['dibao', 'spot-check', id], queryFn: () => spotCheckApi.get(id!) });
  const [visiting, setVisiting] = useState<Row | null>(null);
  if (q.isError)
    return (
      <div className="mz-page">
        <QueryError error={q.error} onRetry={() => q.refetch()} />
      </div>
    );
  const s = q.data;
  const columns: TableProps<Row>['columns'] = [
    {
      title: t('dibao.col.ref'),
      dataIndex: 'refNo',
      render: (v: string, r) => (
        <Link className="mz-mono" to={`/cases/${r.caseId}`}>
          {v}
        </Link>
      ),
    },
    {
      title: t('dibao.col.title'),
      dataIndex: 'title',
      render: (v: string, r) => (
        <div>
          {v}
          <div className="mz-muted mz-db-small">{r.township}</div>
        </div>
      ),
    },
    { title: t('dibao.col.decided'), dataIndex: 'decidedOn', render: (v: string | null, r) => `${r.decision ?? ''} ${v ?? ''}` },
    {
      title: t('dibao.sc.result'),
      dataIndex: 'result',
      render: (v: string | null, r) =>
        v ? (
          <div>
            <Tag color={v === '不属实' ? 'red' : 'green'}>{v}</Tag>
            <span className="mz-db-small">
              {r.visitedOn} · {r.visitedByName}
            </span>
            <div className="mz-db-small">{r.findings}</div>
            {r.correction && (
              <div className="mz-db-small" data-testid="dibao-sc-correction">
                <Tag color="volcano">{r.correction.kind}</Tag>
                {r.correction.note}
              </div>
            )}
          </div>
        ) : (
          <Tag>{t('dibao.sc.notVisited')}</Tag>
        ),
    },
    {
      title: '',
      key: 'act',
      width: 120,
      render: (_, r) => {
        if (!(can('dibao.confirm') || can('dibao.handle'))) return null;
        const label = r.result ? t('dibao.sc.edit') : t('dibao.sc.record');
        return (
          <Button size="small" onClick={() => setVisiting(r)} aria-label={`${label} ${r.refNo}`}>
            {label}
          </Button>
        );
      },
    },
  ];
  return (
    <div className="mz-page">
      <PageHeader
        title={s ? `${t('dibao.sc.one')}:${s.countyName} ${s.from} 至 ${s.to}` : t('dibao.sc.one')}
        desc={t('dibao.sc.oneDesc')}
        extra={<Link to="/dibao/spot-checks">{t('dibao.sc.back')}</Link>}
      />
      {s && (
        <Card className="mz-card" style={{ marginBottom: 12 }}>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 3 }}
            items={[
              {
                key: 'seed',
                label: t('dibao.sc.seed'),
                children: (
                  <Typography.Text className="mz-mono" copyable>
                    {s.seed}
                  </Typography.Text>
                ),
              },
              { key: 'ratio', label: t('dibao.sc.ratio'), children: pct(s.ratio) },
              { key: 'pop', label: t('dibao.sc.population'), children: `${s.population.length} 件` },
              { key: 'sample', label: t('dibao.sc.sample'), children: `${s.sample.length} 件（向上取整）` },
              { key: 'visited', label: t('dibao.sc.visited'), children: `${s.items.filter((i) => i.result).length} / ${s.items.length}` },
              { key: 'at', label: t('dibao.sc.drawnAt'), children: new Date(s.createdAt).toLocaleString('zh-CN', { hour12: false }) },
            ]}
          />
          <p className="mz-muted mz-db-small" style={{ marginTop: 8 }}>
            {t('dibao.sc.how')}
          </p>
        </Card>
      )}
      <Card className="mz-card" title={t('dibao.sc.sampleList')}>
        <DataTable<Row>
          rowKey="caseId"
          size="middle"
          loading={q.isPending}
          dataSource={s?.items ?? []}
          columns={columns}
          pagination={false}
          scroll={{ x: 800 }}
        />
      </Card>
      {visiting && s && <VisitModal spotCheckId={s.id} row={visiting} onClose={() => setVisiting(null)} />}
    </div>
  );
}

function VisitModal({ spotCheckId, row, onClose }: { spotCheckId: string; row: Row; onClose: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: { visitedOn: Dayjs; result: string; findings: string }) =>
      spotCheckApi.visit(spotCheckId, row.caseId, { ...v, visitedOn: v.visitedOn.format('YYYY-MM-DD') }),
    onSuccess: () => {
      message.success(t('dibao.dg.saved'));
      void qc.invalidateQueries({ queryKey: ['dibao', 'spot-check', spotCheckId] });
      void qc.invalidateQueries({ queryKey: ['dibao', 'spot-checks'] });
      onClose();
    },
    onError: (e) => setError(applyServerError(form, e, ['visitedOn', 'result', 'findings'])),
  });
  return (
    <Modal
      open
      title={`${t('dibao.sc.record')}:${row.refNo}`}
      onCancel={onClose}
      okText={t('dibao.sc.save')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => {
          setError(null);
          save.mutate(v);
        }}
        initialValues={{ visitedOn: row.visitedOn ? dayjs(row.visitedOn) : dayjs(), result: row.result ?? undefined, findings: row.findings ?? '' }}
      >
        <Form.Item name="visitedOn" label={t('dibao.sc.visitedOn')} rules={[{ required: true, message: '请选择入户日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="result" label={t('dibao.sc.result')} rules={[{ required: true, message: '请选择抽查结果' }]}>
          <Radio.Group options={['属实', '基本属实', '不属实'].map((x) => ({ value: x, label: x }))} />
        </Form.Item>
        <Form.Item name="findings" label={t('dibao.sc.findings')} rules={[{ required: true, min: 5, message: '请填写入户抽查情况（不少于 5 字）' }]}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
