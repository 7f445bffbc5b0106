import { DownloadOutlined } from '@ant-design/icons';
import { Button, Segmented, Select, Tag, type TableProps } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { ListPage } from '../../shared/ListPage.tsx';
import { useListQuery } from '../../shared/use-list-query.ts';
import { CREDIT_LISTS, orgsApi, type CreditListItem } from './api.ts';
import { LIST_COLOR } from './OrgsPage.tsx';
import { useOrgVocab } from './vocab.ts';

/** 活动异常名录 / 严重违法失信名单 / 诚信缺失 in the user's scope: listed now, or every record. */
export function CreditListsPage() {
  const t = useT();
  const v = useOrgVocab();
  const query = useListQuery({ key: ['orgs', 'credit'], filters: ['list', 'current'], fetch: orgsApi.creditLists });
  const { q, set } = query;
  const columns: TableProps<CreditListItem>['columns'] = [
    {
      title: t('orgs.col.name'),
      dataIndex: 'organizationName',
      render: (name: string, r) => (
        <Link to={`/orgs/${r.organizationId}`}>
          {name}
          <div className="mz-muted mz-mono" style={{ fontSize: 12 }}>
            {r.uscc}
          </div>
        </Link>
      ),
    },
    { title: t('orgs.col.list'), dataIndex: 'list', render: (l: string) => <Tag color={LIST_COLOR[l]}>{v(l)}</Tag> },
    { title: t('orgs.col.reason'), dataIndex: 'reasonLabel' },
    { title: t('orgs.col.listedOn'), dataIndex: 'listedOn' },
    { title: t('orgs.col.removedOn'), dataIndex: 'removedOn', render: (d: string | null, r) => (d ? `${d}(${r.removalReason ?? ''})` : '—') },
  ];
  return (
    <ListPage
      title={t('orgs.nav.credit')}
      desc={t('orgs.credit.desc')}
      query={query}
      columns={columns}
      scrollX={900}
      extra={
        <Button icon={<DownloadOutlined />} href={`/api/orgs/credit-lists.xlsx?list=${q.list ?? 'abnormal'}&current=${q.current ?? '1'}`}>
          {t('orgs.credit.export')}
        </Button>
      }
      filters={
        <>
          <Select
            aria-label={t('orgs.col.list')}
            value={q.list ?? 'abnormal'}
            onChange={(s) => set('list', s)}
            style={{ minWidth: 180 }}
            options={CREDIT_LISTS.map((k) => ({ value: k, label: v(k) }))}
          />
          <Segmented
            value={q.current ?? '1'}
            onChange={(s) => set('current', String(s) === '1' ? undefined : String(s))}
            options={[
              { value: '1', label: t('orgs.current') },
              { value: '0', label: t('orgs.all') },
            ]}
          />
        </>
      }
    />
  );
}
