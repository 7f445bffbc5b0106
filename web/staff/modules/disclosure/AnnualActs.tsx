import { Table } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import type { AnnualTables } from './api.ts';

type Cell = { value: number; ids: string[] };

/** 二、主动公开: the 30号 tables of 第二十条 (一)(五)(六)(八), counted from the modules holding the acts; each figure opens its records. */
export function AnnualActs({ acts, cell }: { acts: AnnualTables['acts']; cell: (title: string) => (c: Cell) => ReactNode }) {
  const t = useT();
  const col = (key: 'issued' | 'repealed' | 'current', label: string) => ({
    title: label,
    dataIndex: key,
    render: (c: Cell, r: { label: string }) => cell(`${r.label}·${label}`)(c),
  });
  const decisions = [
    ...acts.decisions.map((d) => ({ key: d.label, item: d.item, label: d.label, value: d.decisions })),
    { key: acts.charges.label, item: '第二十条第（八）项', label: acts.charges.label, value: acts.charges.tenThousandYuan },
  ];
  return (
    <>
      <Table
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
      <Table
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
    </>
  );
}
