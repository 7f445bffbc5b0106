import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Grid, Input, Row, Select, Skeleton, Tag, Tree, TreeSelect, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useCan } from '../../app/session.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { AreaNode, OrgUnit, OrgUnitFilters } from '../../shared/api-types.ts';
import { allCodes, toTreeSelect, useAreaTree } from '../../shared/area-tree.ts';
import { CsvImportModal } from '../../shared/CsvImportModal.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { OrgUnitDrawer } from './OrgUnitDrawer.tsx';
import { ORG_KINDS, useImportOrgUnits, useOrgUnits } from './use-org-units.ts';
import { LinkButton } from '../../shared/LinkButton.tsx';
import { DataTable } from '../../shared/DataTable.tsx';

type TreeItem = { key: string; title: string; children: TreeItem[] };
const toTree = (nodes: AreaNode[], maxLevel: number): TreeItem[] =>
  nodes.map((n) => ({ key: n.code, title: n.name, children: n.level < maxLevel ? toTree(n.children ?? [], maxLevel) : [] }));

export function OrgUnitsPage() {
  const { t, locale } = useI18n();
  const can = useCan();
  const manage = can('org.manage');
  const screens = Grid.useBreakpoint();
  const areas = useAreaTree();
  const [filters, setFilters] = useState<OrgUnitFilters>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<{ unit: OrgUnit | null } | null>(null);
  const [importing, setImporting] = useState(false);
  const units = useOrgUnits(filters);
  const importer = useImportOrgUnits();
  const set = (patch: Partial<OrgUnitFilters>) => setFilters((f) => ({ ...f, ...patch, page: 1 }));
  const treeData = useMemo(() => toTree(areas.data ?? [], 4), [areas.data]);
  const expanded = useMemo(() => allCodes(areas.data ?? [], 1), [areas.data]);

  const columns: TableProps<OrgUnit>['columns'] = [
    {
      title: t('org.name'),
      dataIndex: 'name',
      width: 240,
      render: (v, u) => (
        <div>
          {manage ? <LinkButton onClick={() => setEditing({ unit: u })}>{v}</LinkButton> : v}
          {u.isSample && (
            <Tag color="gold" className="mz-level-tag" style={{ marginLeft: 6 }}>
              {t('common.sample')}
            </Tag>
          )}
          {!u.active && (
            <Tag className="mz-level-tag" style={{ marginLeft: 6 }}>
              {t('common.inactive')}
            </Tag>
          )}
          {locale === 'en-US' && u.nameEn && (
            <div className="mz-muted" style={{ fontSize: 12 }}>
              {u.nameEn}
            </div>
          )}
        </div>
      ),
    },
    { title: t('org.code'), dataIndex: 'code', width: 160, responsive: ['md'], render: (v) => <span className="mz-mono">{v}</span> },
    {
      title: t('org.kind'),
      dataIndex: 'kind',
      width: 140,
      responsive: ['sm'],
      render: (k: string, u) => ((ORG_KINDS as readonly string[]).includes(k) ? t(`org.kind.${k}` as 'org.kind.other') : u.kindName),
    },
    { title: t('org.area'), dataIndex: 'areaName', width: 130 },
    { title: t('org.parent'), dataIndex: 'parentName', width: 140, ellipsis: true, responsive: ['xl'], render: (v) => v ?? '—' },
  ];
  if (manage) {
    columns.push({
      title: t('common.actions'),
      key: 'a',
      width: 70,
      render: (_, u) => <LinkButton onClick={() => setEditing({ unit: u })}>{t('common.edit')}</LinkButton>,
    });
  }

  return (
    <div className="mz-page">
      <PageHeader
        title={t('nav.orgUnits')}
        extra={
          manage && (
            <>
              <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
                {t('common.import')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ unit: null })}>
                {t('org.create')}
              </Button>
            </>
          )
        }
      />
      <Row gutter={[16, 16]}>
        {screens.lg && (
          <Col lg={6}>
            <Card className="mz-card" title={t('org.area')} styles={{ body: { padding: 8 } }}>
              {areas.isPending ? (
                <Skeleton active />
              ) : (
                <Tree
                  treeData={[{ key: '', title: t('org.allAreas'), children: [] }, ...treeData]}
                  defaultExpandedKeys={expanded}
                  selectedKeys={[filters.areaCode ?? '']}
                  onSelect={(keys) => set({ areaCode: keys[0] ? String(keys[0]) : undefined })}
                  height={600}
                  blockNode
                />
              )}
            </Card>
          </Col>
        )}
        <Col xs={24} lg={18}>
          <Card className="mz-card">
            <div className="mz-filters">
              {!screens.lg && (
                <TreeSelect
                  allowClear
                  placeholder={t('org.area')}
                  aria-label={t('org.area')}
                  value={filters.areaCode}
                  treeData={toTreeSelect(areas.data)}
                  onChange={(v) => set({ areaCode: v || undefined })}
                  style={{ width: 200 }}
                  popupMatchSelectWidth={false}
                />
              )}
              <Input.Search
                allowClear
                placeholder={`${t('org.name')} / ${t('org.code')}`}
                aria-label={t('common.keyword')}
                onSearch={(q) => set({ q: q.trim() || undefined })}
                style={{ width: 220 }}
              />
              <Select
                allowClear
                placeholder={t('org.kind')}
                aria-label={t('org.kind')}
                value={filters.kind}
                onChange={(v) => set({ kind: v })}
                options={ORG_KINDS.map((k) => ({ value: k, label: t(`org.kind.${k}`) }))}
                style={{ width: 180 }}
                popupMatchSelectWidth={false}
              />
            </div>
            {units.isError && <QueryError error={units.error} onRetry={() => units.refetch()} />}
            <DataTable<OrgUnit>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={units.data?.items}
              loading={units.isFetching}
              scroll={{ x: 'max-content' }}
              pagination={{
                current: filters.page,
                pageSize: filters.pageSize,
                total: units.data?.total ?? 0,
                showSizeChanger: true,
                showTotal: (n) => t('common.total', { n }),
                onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
              }}
            />
          </Card>
        </Col>
      </Row>
      {editing && <OrgUnitDrawer unit={editing.unit} defaultArea={filters.areaCode} onClose={() => setEditing(null)} />}
      {importing && (
        <CsvImportModal
          title={`${t('nav.orgUnits')} · ${t('import.title')}`}
          columns="code,name,name_en,kind,area_code,parent_code"
          mutation={importer}
          onClose={() => setImporting(false)}
        />
      )}
    </div>
  );
}
