import { useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Space, Statistic, Tabs } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { useSession } from '../../app/session.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { ITEM_TYPES, catalogueApi } from './api.ts';
import { DataTable } from '../../shared/DataTable.tsx';

const typeLabel = (c: string | null) => (c && c in ITEM_TYPES ? ITEM_TYPES[c as keyof typeof ITEM_TYPES] : (c ?? '—'));

/** 四级四同 check of an area: 漏项, 重项, 错项 (naming the field), with the xlsx export. */
export function DiffPage() {
  const t = useT();
  const me = useSession();
  const [input, setInput] = useState(me.areaCode);
  const [area, setArea] = useState(me.areaCode);
  const q = useQuery({ queryKey: ['catalogue', 'diff', area], queryFn: () => catalogueApi.diff(area) });
  const d = q.data;
  return (
    <div className="mz-page" data-testid="catalogue-diff-page">
      <PageHeader title={t('catalogue.nav.diff')} desc={t('catalogue.diff.desc')} />
      <Card className="mz-card">
        <Space wrap>
          <span>{t('catalogue.area')}</span>
          <Input
            aria-label={t('catalogue.area')}
            value={input}
            onChange={(e) => setInput(e.target.value.trim())}
            style={{ width: 140 }}
            onPressEnter={() => setArea(input)}
          />
          <Button type="primary" onClick={() => setArea(input)}>
            {t('catalogue.run')}
          </Button>
          <Button href={`/api/catalogue/diff.xlsx?areaCode=${encodeURIComponent(area)}`}>{t('catalogue.xlsx')}</Button>
        </Space>
      </Card>
      {q.error && <QueryError error={q.error} onRetry={() => q.refetch()} />}
      {d && (
        <Card
          className="mz-card"
          style={{ marginTop: 12 }}
          title={`${d.area.name}(${d.area.code}) · ${t('catalogue.versionSummary', { number: d.version.number, title: d.version.title })}`}
        >
          <Space size={48} style={{ marginBottom: 16 }}>
            <Statistic title={t('catalogue.listAreas')} value={d.summary.areas} />
            <Statistic title={t('catalogue.col.rows')} value={d.summary.rows} />
            <Statistic title={t('catalogue.missing')} value={d.summary.missing} valueStyle={{ color: d.summary.missing ? '#cf1322' : undefined }} />
            <Statistic title={t('catalogue.duplicates')} value={d.summary.duplicate} valueStyle={{ color: d.summary.duplicate ? '#d46b08' : undefined }} />
            <Statistic title={t('catalogue.wrong')} value={d.summary.wrong} valueStyle={{ color: d.summary.wrong ? '#cf1322' : undefined }} />
          </Space>
          <Tabs
            items={[
              {
                key: 'missing',
                label: `${t('catalogue.missing')} ${d.summary.missing}`,
                children: (
                  <DataTable
                    rowKey={(r) => r.areaCode + r.baseCode}
                    size="small"
                    dataSource={d.missing}
                    pagination={{ pageSize: 15, showSizeChanger: false }}
                    columns={[
                      { title: t('catalogue.col.area'), dataIndex: 'areaName', width: 120 },
                      { title: t('catalogue.col.baseCode'), dataIndex: 'baseCode', width: 140, render: (c: string) => <span className="mz-mono">{c}</span> },
                      { title: t('catalogue.col.name'), dataIndex: 'name' },
                      { title: t('catalogue.col.type'), dataIndex: 'typeCode', width: 120, render: typeLabel },
                    ]}
                  />
                ),
              },
              {
                key: 'dups',
                label: `${t('catalogue.duplicates')} ${d.summary.duplicate}`,
                children: (
                  <DataTable
                    rowKey={(r) => r.areaCode + r.baseCode}
                    size="small"
                    dataSource={d.duplicates}
                    pagination={false}
                    columns={[
                      { title: t('catalogue.col.area'), dataIndex: 'areaName', width: 120 },
                      { title: t('catalogue.col.name'), dataIndex: 'name' },
                      { title: t('catalogue.col.office'), dataIndex: 'offices', render: (o: string[]) => o.join('、') },
                    ]}
                  />
                ),
              },
              {
                key: 'wrong',
                label: `${t('catalogue.wrong')} ${d.summary.wrong}`,
                children: (
                  <DataTable
                    rowKey={(r) => r.id + r.field}
                    size="small"
                    dataSource={d.wrong}
                    pagination={false}
                    scroll={{ x: 900 }}
                    columns={[
                      { title: t('catalogue.col.area'), dataIndex: 'areaName', width: 100 },
                      { title: t('catalogue.col.office'), dataIndex: 'officeName', width: 160 },
                      { title: t('catalogue.col.field'), dataIndex: 'fieldLabel', width: 100 },
                      {
                        title: t('catalogue.col.expected'),
                        dataIndex: 'expected',
                        render: (v: string | null, r) => (r.field === 'typeCode' ? typeLabel(v) : (v ?? '—')),
                      },
                      { title: t('catalogue.col.actual'), dataIndex: 'actual', render: (v: string, r) => (r.field === 'typeCode' ? typeLabel(v) : v) },
                    ]}
                  />
                ),
              },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
