import { Card, Grid, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { LinkButton } from '../../shared/LinkButton.tsx';
import type { Figure, Figures } from './api.ts';
import { RecordsDrawer } from './RecordsDrawer.tsx';
import { DataTable } from '../../shared/DataTable.tsx';

/**
 * The report's figures per section: value (a click opens its records), unit, last year's value and the change, 口径 and when
 * it was computed — on a phone (below md) the computed time is not a column but a secondary line under the value.
 */
export function FiguresTab({ figures, year, area }: { figures: Figures; year: number; area?: string }) {
  const t = useT();
  const [open, setOpen] = useState<Figure | null>(null);
  const phone = Grid.useBreakpoint().md === false;
  const columns: TableProps<Figure>['columns'] = [
    { title: t('report.metric'), dataIndex: 'label', width: 220, render: (v, f) => <span title={f.code}>{v}</span> },
    {
      title: t('report.value'),
      dataIndex: 'value',
      width: 110,
      align: 'right',
      render: (v, f) =>
        v === null ? (
          <Tag>{t('report.unavailable')}</Tag>
        ) : (
          <>
            <LinkButton onClick={() => setOpen(f)} data-testid={`figure-${f.code}`} aria-label={`${f.label} ${v}${f.unit}`}>
              <strong>{v}</strong>
            </LinkButton>
            {phone && f.computedAt && (
              <div className="mz-muted" data-testid={`computed-${f.code}`}>
                {t('report.computedAtLine', { at: formatDateTime(f.computedAt) })}
              </div>
            )}
          </>
        ),
    },
    { title: t('report.unit'), dataIndex: 'unit', width: 70 },
    {
      title: t('report.previous'),
      key: 'previous',
      width: 260,
      render: (_, f) =>
        f.previous ? (
          <span data-testid={`previous-${f.code}`} className={f.previous.value === null ? 'mz-muted' : undefined}>
            {f.previous.text}
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: t('report.rule'),
      dataIndex: 'rule',
      render: (v, f) => (
        <>
          <div>{v}</div>
          <div className="mz-muted">{f.aggregationNote}</div>
        </>
      ),
    },
    { title: t('report.computedAt'), dataIndex: 'computedAt', width: 170, responsive: ['md'], render: (v) => (v ? formatDateTime(v) : '—') },
  ];
  return (
    <>
      {figures.sections.map((s) => (
        <Card key={s.code} className="mz-card" title={s.label} style={{ marginBottom: 16 }}>
          <DataTable<Figure> rowKey="code" size="small" pagination={false} dataSource={s.metrics} columns={columns} />
        </Card>
      ))}
      <RecordsDrawer figure={open} year={year} area={area} onClose={() => setOpen(null)} />
    </>
  );
}
