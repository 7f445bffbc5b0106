import { Button, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useCan } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import type { AnnualTables } from './api.ts';
import { FeeModal } from './FeeModal.tsx';
import { DataTable } from '../../shared/DataTable.tsx';

type Cell = { value: number; ids: string[]; href?: string };

/**
 * 二、主动公开: the 30号 tables of 第二十条 (一)(五)(六)(八), counted from the modules holding the acts; each figure
 * opens its records. 规章 and 收费 carry the 口径 of their 0; fee items are registered here.
 */
export function AnnualActs(p: { acts: AnnualTables['acts']; year: number; cell: (title: string) => (c: Cell) => ReactNode; onChanged: () => void }) {
  const { acts, cell } = p;
  const t = useT();
  const can = useCan();
  const [adding, setAdding] = useState(false);
  const col = (key: 'issued' | 'repealed' | 'current', label: string) => ({
    title: label,
    dataIndex: key,
    render: (c: Cell, r: { label: string }) => cell(`${r.label}·${label}`)(c),
  });
  const decisions = [
    ...acts.decisions.map((d) => ({ key: d.label, item: d.item, label: d.label, value: d.decisions })),
    { key: acts.charges.label, item: '第二十条第（八）项', label: acts.charges.label, value: acts.charges.tenThousandYuan },
  ];
  const notes = [
    ...acts.documents.filter((d) => d.note).map((d) => `${d.label}：${d.note}`),
    ...acts.decisions.filter((d) => d.note).map((d) => `${d.label}：${d.note}`),
    `${acts.charges.label}：${acts.charges.note}`,
  ];
  return (
    <>
      <DataTable
        size="small"
        rowKey="label"
        pagination={false}
        dataSource={acts.documents}
        scroll={{ x: 600 }}
        data-testid="annual-documents"
        style={{ marginBottom: 12 }}
        columns={[
          { title: '第二十条第（一）项', dataIndex: 'label' },
          col('issued', t('disclosure.annual.issued')),
          col('repealed', t('disclosure.annual.repealed')),
          col('current', t('disclosure.annual.currentDocs')),
        ]}
      />
      <DataTable
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={decisions}
        scroll={{ x: 600 }}
        data-testid="annual-decisions"
        style={{ marginBottom: 12 }}
        columns={[
          { title: '', dataIndex: 'item', width: 180 },
          { title: '', dataIndex: 'label' },
          {
            title: `${t('disclosure.annual.decisions')} / ${t('disclosure.annual.charges')}`,
            dataIndex: 'value',
            render: (c: Cell, r) => cell(`${r.label}`)(c),
          },
        ]}
      />
      <ul className="mz-muted" data-testid="annual-notes" style={{ paddingLeft: 20, marginBottom: 12 }}>
        {notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      {acts.charges.items.length > 0 && (
        <Typography.Paragraph className="mz-muted">
          {acts.charges.items.map((f) => `${f.org}「${f.name}」${f.amount} 万元（${f.basis}）`).join('；')}
        </Typography.Paragraph>
      )}
      {can('disclosure.handle') && (
        <Button size="small" onClick={() => setAdding(true)} style={{ marginBottom: 12 }} data-testid="fee-add">
          {t('disclosure.fee.add')}
        </Button>
      )}
      <FeeModal open={adding} year={p.year} onClose={() => setAdding(false)} onDone={p.onChanged} />
    </>
  );
}
