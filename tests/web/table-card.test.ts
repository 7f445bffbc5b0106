import { describe, expect, it } from 'vitest';
import { cardParts, type DataColumn } from '../../web/staff/shared/table-card.ts';

type Row = { id: string; refNo: string; applicant: string; org: { name: string }; due: string | null; state: string };
const row: Row = { id: 'a1', refNo: 'DB20190001', applicant: '马**', org: { name: '隆德县民政局' }, due: null, state: 'open' };
const phone = { xs: true, sm: false, md: false, lg: false };

const columns: DataColumn<Row>[] = [
  { title: '编号', dataIndex: 'refNo', render: (v: string, r) => `${v}→/cases/${r.id}` },
  { title: '申请人', dataIndex: 'applicant' },
  { title: '单位', dataIndex: ['org', 'name'], responsive: ['md'] },
  { title: '期限', dataIndex: 'due' },
  { title: '状态', dataIndex: 'state', render: (v: string, _r, i) => `${v}#${i}` },
  { title: '内部', dataIndex: 'id', phone: false },
  { title: '隐藏', dataIndex: 'refNo', hidden: true },
  { title: '操作', key: 'actions', render: () => '办理' },
];

describe('a phone card derived from the columns (DataTable)', () => {
  it('puts the first column, through its own render, on top and the others under their titles; 操作 at the foot when a row has any', () => {
    const card = cardParts(columns, row, 3, phone, '操作');
    expect(card.title).toBe('DB20190001→/cases/a1');
    expect(card.lines).toEqual([
      { label: '申请人', value: '马**' },
      { label: '状态', value: 'open#3' },
    ]);
    expect(card.actions).toEqual(['办理']);
    expect(
      cardParts(
        columns.map((c) => (c.title === '操作' ? { ...c, render: () => null } : c)),
        row,
        0,
        phone,
        '操作',
      ).actions,
    ).toEqual([]);
  });

  it('leaves out `phone: false`, hidden columns, empty values and the columns antd hides at this width, and shows those on a wider screen', () => {
    const labels = (screens: Record<string, boolean>) => cardParts(columns, row, 0, screens, '操作').lines.map((l) => l.label);
    expect(labels(phone)).not.toContain('单位');
    expect(labels(phone)).not.toContain('期限');
    expect(labels(phone)).not.toContain('内部');
    expect(labels(phone)).not.toContain('隐藏');
    expect(labels({ ...phone, sm: true, md: true })).toContain('单位');
    expect(cardParts(columns, row, 0, { md: true }, '操作').lines).toContainEqual({ label: '单位', value: '隆德县民政局' });
  });

  it('takes the heading a column asks for, actions a column names, and the leaves of column groups', () => {
    const card = cardParts<Row>(
      [
        { title: '申请人', dataIndex: 'applicant' },
        {
          title: '办理',
          children: [
            { title: '编号', dataIndex: 'refNo', phone: 'title' },
            { title: '状态', dataIndex: 'state' },
          ] as DataColumn<Row>[],
        },
        { title: '', key: 'go', render: () => '打开', phone: 'actions' },
      ],
      row,
      0,
      phone,
      '操作',
    );
    expect(card).toEqual({
      title: 'DB20190001',
      lines: [
        { label: '申请人', value: '马**' },
        { label: '状态', value: 'open' },
      ],
      actions: ['打开'],
    });
  });
});
