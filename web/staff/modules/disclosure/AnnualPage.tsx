import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Drawer, Input, InputNumber, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { disclosureApi, type AnnualTables } from './api.ts';
import { AnnualActs } from './AnnualActs.tsx';
import { AnnualRemedies } from './AnnualRemedies.tsx';
import { DataTable } from '../../shared/DataTable.tsx';

type Cell = { value: number; ids: string[]; href?: string };

/** 政府信息公开工作年度报告 (30号 format): the tables of 二 and 三, the cross-check, the files; every figure opens its records. */
export function AnnualPage() {
  const t = useT();
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const [area, setArea] = useState<string | undefined>();
  const [drill, setDrill] = useState<{ title: string; ids: string[]; href?: string } | null>(null);
  const q = useQuery({ queryKey: ['disclosure', 'annual', year, area], queryFn: () => disclosureApi.annual(year, area) });
  const cell = (title: string) => (c: Cell) =>
    c.value ? (
      <Button type="link" size="small" onClick={() => setDrill({ title, ids: c.ids, href: c.href })} data-testid="annual-cell">
        {c.value}
      </Button>
    ) : (
      <span className="mz-muted">0</span>
    );
  const d = q.data as AnnualTables | undefined;
  return (
    <div className="mz-page" data-testid="disclosure-annual">
      <PageHeader
        title={t('disclosure.nav.annual')}
        desc={t('disclosure.annual.desc')}
        extra={
          <Space>
            <Button href={disclosureApi.fileUrl('docx', year, area)}>docx</Button>
            <Button href={disclosureApi.fileUrl('xlsx', year, area)}>xlsx</Button>
          </Space>
        }
      />
      <Card className="mz-card" style={{ marginBottom: 12 }}>
        <Space wrap>
          <InputNumber
            aria-label={t('disclosure.f.year')}
            addonBefore={t('disclosure.f.year')}
            min={2008}
            max={2100}
            value={year}
            onChange={(v) => v && setYear(v)}
          />
          <Input.Search
            aria-label={t('disclosure.annual.area')}
            placeholder={t('disclosure.annual.area')}
            allowClear
            style={{ width: 260 }}
            onSearch={(v) => setArea(v || undefined)}
          />
        </Space>
      </Card>
      {q.isError && <QueryError error={q.error} onRetry={() => q.refetch()} />}
      {d && (
        <>
          <Card className="mz-card" title={`${d.area.name} ${d.year} 年 ${t('disclosure.annual.proactive')}`} style={{ marginBottom: 12 }}>
            <AnnualActs acts={d.acts} year={d.year} cell={cell} onChanged={() => q.refetch()} />
            <Typography.Text strong>{t('disclosure.annual.byCategory')}</Typography.Text>
            <DataTable
              size="small"
              rowKey="category"
              pagination={false}
              dataSource={d.proactive}
              scroll={{ x: 700 }}
              columns={[
                { title: t('disclosure.f.category'), dataIndex: 'category' },
                {
                  title: t('disclosure.annual.published'),
                  dataIndex: 'published',
                  render: (c: Cell, r) => cell(`${r.category}·${t('disclosure.annual.published')}`)(c),
                },
                {
                  title: t('disclosure.annual.withdrawn'),
                  dataIndex: 'withdrawn',
                  render: (c: Cell, r) => cell(`${r.category}·${t('disclosure.annual.withdrawn')}`)(c),
                },
                {
                  title: t('disclosure.annual.current'),
                  dataIndex: 'current',
                  render: (c: Cell, r) => cell(`${r.category}·${t('disclosure.annual.current')}`)(c),
                },
              ]}
            />
          </Card>
          <Card className="mz-card" title={t('disclosure.annual.requests')} style={{ marginBottom: 12 }}>
            <Alert type={d.crossCheck.ok ? 'success' : 'error'} showIcon message={d.crossCheck.text} style={{ marginBottom: 12 }} data-testid="cross-check" />
            <DataTable
              size="small"
              rowKey="label"
              pagination={false}
              dataSource={d.requestRows}
              scroll={{ x: 1000 }}
              data-testid="request-table"
              columns={[
                {
                  title: '',
                  dataIndex: 'label',
                  fixed: 'left',
                  width: 280,
                  render: (v: string, r) => <span style={{ paddingLeft: r.level * 16, fontWeight: r.level ? 400 : 600 }}>{v}</span>,
                },
                ...d.requestColumns.map((col, i) => ({
                  title: col,
                  key: col,
                  render: (_: unknown, r: AnnualTables['requestRows'][number]) => cell(`${r.label}·${col}`)(r.cells[i]!),
                })),
              ]}
            />
            <Typography.Paragraph className="mz-muted" style={{ marginTop: 12 }}>
              {t('disclosure.annual.fees')}：{d.fees.value.toFixed(2)}；{t('disclosure.annual.late')}：{d.onTime.late.value}
            </Typography.Paragraph>
          </Card>
          <AnnualRemedies remedies={d.remedies} cell={cell} />
        </>
      )}
      <Drawer open={!!drill} title={`${t('disclosure.annual.records')}：${drill?.title ?? ''}`} onClose={() => setDrill(null)} width={420}>
        <List
          size="small"
          dataSource={drill?.ids ?? []}
          renderItem={(id) => <List.Item>{drill?.href === '' ? id : <Link to={`${drill?.href ?? '/cases/'}${id}`}>{id}</Link>}</List.Item>}
        />
      </Drawer>
    </div>
  );
}
