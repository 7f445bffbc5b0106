import { Alert, App, Button, Descriptions, Drawer, Form, Grid, Input } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useSession } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';
import type { CaseType } from '../../shared/api-types.ts';
import { cleanInput, SchemaFields } from '../../shared/SchemaFields.tsx';
import { useCreateCase } from './use-worklist.ts';

type Values = { title: string; input?: Record<string, unknown> };

/** 登记: the registration form of one case type, rendered from its JSON Schema. */
export function RegisterDrawer({ caseType, onClose }: { caseType: CaseType; onClose: () => void }) {
  const t = useT();
  const me = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateCase();

  const onFinish = (v: Values) => {
    setError(null);
    create.mutate(
      { type: caseType.type, title: v.title.trim(), orgUnitId: me.orgUnit.id, input: cleanInput(v.input) },
      {
        onSuccess: (c) => {
          message.success(t('reg.done', { ref: c.refNo }));
          onClose();
          navigate(`/cases/${c.id}`);
        },
        onError: (e) => {
          if (e instanceof ApiError) {
            const fields = Object.entries(e.fieldErrors);
            if (fields.length) form.setFields(fields.map(([f, m]) => ({ name: f === 'title' ? 'title' : ['input', ...f.split('.')], errors: [m] })));
            setError(e.title);
          } else setError(String(e));
        },
      },
    );
  };

  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.md ? 560 : '100%'}
      title={t('reg.title', { type: caseType.label })}
      destroyOnHidden
      footer={
        <div className="mz-drawer-footer">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
            {caseType.createLabel || t('reg.submit')}
          </Button>
        </div>
      }
    >
      <Descriptions size="small" column={1} className="mz-reg-meta">
        <Descriptions.Item label={t('reg.type')}>{caseType.label}</Descriptions.Item>
        <Descriptions.Item label={t('reg.org')}>
          {me.orgUnit.name}（{me.areaName}）
        </Descriptions.Item>
      </Descriptions>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" name="register-case" onFinish={onFinish}>
        <Form.Item
          name="title"
          label={t('reg.caseTitle')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { f: t('reg.caseTitle') }) }, { max: 200 }]}
        >
          <Input maxLength={200} placeholder={t('reg.titlePlaceholder')} />
        </Form.Item>
        <SchemaFields schema={caseType.createSchema} name="input" />
      </Form>
    </Drawer>
  );
}
