import { Card } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import type { AnnualTables } from './api.ts';
import { DataTable } from '../../shared/DataTable.tsx';

type Cell = { value: number; ids: string[]; href?: string };
const RESULTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

/** 四、政府信息公开行政复议、行政诉讼情况 (30号): 复议, 诉讼 直接起诉 and 复议后起诉, each by result; every figure opens its records. */
export function AnnualRemedies({ remedies, cell }: { remedies: AnnualTables['remedies']; cell: (title: string) => (c: Cell) => ReactNode }) {
  const t = useT();
  const group = (key: 'review' | 'direct' | 'afterReview', label: string) =>
    RESULTS.map((res, i) => ({ title: res, key: `${key}${i}`, width: 64, render: () => cell(`${label}·${res}`)(remedies[key][i]!) }));
  return (
    <Card
      className="mz-card"
      title={t('disclosure.annual.remedies')}
      extra={<Link to="/enforcement/remedies">{t('disclosure.annual.register')}</Link>}
      style={{ marginBottom: 12 }}
      data-testid="annual-remedies"
    >
      <DataTable
        size="small"
        rowKey="k"
        bordered
        pagination={false}
        dataSource={[{ k: 'row' }]}
        scroll={{ x: 15 * 64 }}
        columns={[
          { title: t('disclosure.annual.review'), children: group('review', t('disclosure.annual.review')) },
          {
            title: t('disclosure.annual.litigation'),
            children: [
              { title: t('disclosure.annual.direct'), children: group('direct', t('disclosure.annual.direct')) },
              { title: t('disclosure.annual.afterReview'), children: group('afterReview', t('disclosure.annual.afterReview')) },
            ],
          },
        ]}
      />
      <p className="mz-muted" style={{ marginTop: 12, marginBottom: 0 }}>
        {remedies.note}
      </p>
    </Card>
  );
}
