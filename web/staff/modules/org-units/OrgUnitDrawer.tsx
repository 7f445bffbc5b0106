import { Alert, App, Button, Drawer, Form, Grid, Input, Select, Switch, TreeSelect } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import type { OrgUnit, OrgUnitInput } from '../../shared/api-types.ts';
import { toTreeSelect, useAreaTree } from '../../shared/area-tree.ts';
import { applyServerError } from '../../shared/form-errors.ts';
import { OrgUnitSelect } from '../../shared/OrgUnitSelect.tsx';
import { ORG_KINDS, useSaveOrgUnit } from './use-org-units.ts';

type Values = OrgUnitInput & { active?: boolean };
const FIELDS = ['code', 'name', 'nameEn', 'kind', 'areaCode', 'parentId', 'active'];

/** Create or edit an org unit. Code and area are fixed once created. */
export function OrgUnitDrawer({ unit, defaultArea, onClose }: { unit: OrgUnit | null; defaultArea?: string; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const areas = useAreaTree();
  const save = useSaveOrgUnit();
  const req = (f: string) => ({ required: true, message: t('common.required', { f }) });

  const onFinish = (v: Values) => {
    setError(null);
    save.mutate(
      { id: unit?.id, input: { ...v, nameEn: v.nameEn || undefined, parentId: v.parentId || null } },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          onClose();
        },
        onError: (e) => setError(applyServerError(form, e, FIELDS)),
      },
    );
  };

  return (
    <Drawer open onClose={onClose} size={screens.md ? 520 : '100%'} title={unit ? `${t('org.edit')} · ${unit.name}` : t('org.create')} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        name="org-unit"
        onFinish={onFinish}
        initialValues={
          unit
            ? {
                code: unit.code,
                name: unit.name,
                nameEn: unit.nameEn ?? '',
                kind: unit.kind,
                areaCode: unit.areaCode,
                parentId: unit.parentId,
                active: unit.active,
              }
            : { areaCode: defaultArea, kind: 'bureau' }
        }
      >
        <Form.Item name="code" label={t('org.code')} rules={[req(t('org.code')), { pattern: /^[A-Za-z0-9_.-]{2,64}$/, message: t('org.codeRule') }]}>
          <Input disabled={!!unit} className="mz-mono" placeholder="640423-mzj" />
        </Form.Item>
        <Form.Item name="name" label={t('org.name')} rules={[req(t('org.name')), { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('org.nameEn')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="kind" label={t('org.kind')} rules={[req(t('org.kind'))]}>
          <Select options={ORG_KINDS.map((k) => ({ value: k, label: t(`org.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="areaCode" label={t('org.area')} rules={[req(t('org.area'))]}>
          <TreeSelect
            disabled={!!unit}
            treeData={toTreeSelect(areas.data)}
            showSearch={{ treeNodeFilterProp: 'title' }}
            loading={areas.isPending}
            popupMatchSelectWidth={false}
          />
        </Form.Item>
        <Form.Item name="parentId" label={t('org.parent')}>
          <OrgUnitSelect allowClear initialLabel={unit?.parentName ?? undefined} />
        </Form.Item>
        {unit && (
          <Form.Item name="active" label={t('common.status')} valuePropName="checked">
            <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Drawer>
  );
}
