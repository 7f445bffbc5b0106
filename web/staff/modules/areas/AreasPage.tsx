import { EditOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Empty, Input, Row, Skeleton, Tree } from 'antd';
import { useMemo, useState } from 'react';
import { useCan } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';
import type { AreaNode } from '../../shared/api-types.ts';
import { allCodes, filterAreas, findArea } from '../../shared/area-tree.ts';
import { CsvImportModal } from '../../shared/CsvImportModal.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { AreaFormModal } from './AreaFormModal.tsx';
import { AreaTags } from './AreaLevelTag.tsx';
import { useAreaTree, useImportAreas, useUpdateArea } from './use-areas.ts';

type TreeItem = { key: string; title: React.ReactNode; children: TreeItem[] };
const toTree = (nodes: AreaNode[]): TreeItem[] =>
  nodes.map((n) => ({
    key: n.code,
    title: (
      <span className="mz-tree-title">
        <span className={n.active ? undefined : 'mz-muted'}>{n.name}</span>
        <span className="mz-muted mz-mono">{n.code}</span>
        <AreaTags area={n} />
      </span>
    ),
    children: toTree(n.children ?? []),
  }));

export function AreasPage() {
  const t = useT();
  const can = useCan();
  const manage = can('area.manage');
  const { message } = App.useApp();
  const tree = useAreaTree();
  const importer = useImportAreas();
  const toggle = useUpdateArea();
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const [modal, setModal] = useState<null | { kind: 'create' | 'edit' | 'import' }>(null);

  const visible = useMemo(() => filterAreas(tree.data ?? [], filter), [tree.data, filter]);
  const items = useMemo(() => toTree(visible), [visible]);
  const defaultExpanded = useMemo(() => allCodes(tree.data ?? [], 2), [tree.data]);
  const area = findArea(tree.data, selected ?? tree.data?.[0]?.code);
  const parent = area ? findArea(tree.data, area.parentCode) : null;

  return (
    <div className="mz-page">
      <PageHeader
        title={t('nav.areas')}
        desc={t('area.desc')}
        extra={
          manage && (
            <Button icon={<ImportOutlined />} onClick={() => setModal({ kind: 'import' })}>
              {t('common.import')}
            </Button>
          )
        }
      />
      {tree.isError && <QueryError error={tree.error} onRetry={() => tree.refetch()} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card
            className="mz-card"
            title={t('area.tree')}
            extra={
              <Input.Search
                allowClear
                size="small"
                placeholder={t('area.filter')}
                aria-label={t('area.filter')}
                onChange={(e) => setFilter(e.target.value)}
                style={{ width: 200 }}
              />
            }
          >
            {tree.isPending ? (
              <Skeleton active />
            ) : items.length ? (
              <Tree
                className="mz-area-tree"
                treeData={items}
                blockNode
                selectedKeys={area ? [area.code] : []}
                expandedKeys={filter ? allCodes(visible) : (expanded ?? defaultExpanded)}
                onExpand={(keys) => setExpanded(keys as string[])}
                onSelect={(keys) => keys[0] && setSelected(String(keys[0]))}
                height={560}
              />
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card
            className="mz-card"
            title={area ? area.name : t('area.select')}
            extra={
              manage &&
              area && (
                <span className="mz-row-actions">
                  <Button size="small" icon={<EditOutlined />} onClick={() => setModal({ kind: 'edit' })}>
                    {t('common.edit')}
                  </Button>
                  {area.level < 5 && (
                    <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setModal({ kind: 'create' })}>
                      {t('area.create')}
                    </Button>
                  )}
                </span>
              )
            }
          >
            {area ? (
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label={t('area.code')}>
                  <span className="mz-mono">{area.code}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('area.name')}>{area.name}</Descriptions.Item>
                <Descriptions.Item label={t('area.nameEn')}>{area.nameEn ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('area.level')}>
                  <AreaTags area={area} />
                </Descriptions.Item>
                <Descriptions.Item label={t('area.parent')}>{parent ? t('common.paren', { a: parent.name, b: parent.code }) : '—'}</Descriptions.Item>
                <Descriptions.Item label={t('area.children')}>{area.children?.length ?? 0}</Descriptions.Item>
                <Descriptions.Item label={t('common.status')}>
                  {area.active ? t('common.active') : t('common.inactive')}
                  {manage && area.level > 1 && (
                    <Button
                      size="small"
                      type="link"
                      loading={toggle.isPending}
                      onClick={() =>
                        toggle.mutate({ code: area.code, active: !area.active }, { onError: (e) => message.error(e instanceof ApiError ? e.title : String(e)) })
                      }
                    >
                      {area.active ? t('area.deactivate') : t('area.activate')}
                    </Button>
                  )}
                </Descriptions.Item>
              </Descriptions>
            ) : (
              <Empty description={t('area.select')} />
            )}
          </Card>
        </Col>
      </Row>
      {modal?.kind === 'create' && area && <AreaFormModal parent={area} onClose={() => setModal(null)} />}
      {modal?.kind === 'edit' && area && <AreaFormModal area={area} onClose={() => setModal(null)} />}
      {modal?.kind === 'import' && (
        <CsvImportModal
          title={`${t('nav.areas')} · ${t('import.title')}`}
          columns="code,name,name_en,level,parent_code[,sort]"
          mutation={importer}
          onClose={() => setModal(null)}
        />
      )}
    </div>
  );
}
