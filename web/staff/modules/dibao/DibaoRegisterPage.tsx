import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Result, Select, Switch } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useSession } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { residentIdProblem } from '../../../../src/kernel/codes/index.ts';
import { centsFromYuan } from '../../../../src/platform/money.ts';
import {
  ASSET_KINDS,
  CHANNELS,
  DISABILITY,
  EXPENSE_KINDS,
  HEALTH,
  INCOME_KINDS,
  MATERIALS,
  NEAR_RELATIONS,
  RELATIONS,
  STAFF_POSTS,
  WORK_ABILITY,
  dibaoApi,
} from './api.ts';
import { AreaCascader } from './AreaCascader.tsx';
import './dibao.css';

const opts = (xs: readonly string[]) => xs.map((x) => ({ value: x, label: x }));
const toCents = (y: number | null | undefined) => centsFromYuan(y ?? 0);

type Values = {
  areaCode: string;
  kind: 'urban' | 'rural';
  address: string;
  phone?: string;
  channel: string;
  materials: string[];
  relativeOfStaff: boolean;
  staffRelative?: { staffName: string; staffPost: string; relation: string };
  members: {
    name: string;
    idNumber: string;
    relation: string;
    hukouAreaCode?: string;
    disability: string;
    health: string;
    workAbility: string;
    insured: boolean;
  }[];
  incomes: { memberIndex?: number; kind: string; yuan: number; source?: string }[];
  assets: { kind: string; description: string; yuan?: number; areaM2?: number }[];
  expenses: { kind: string; yuan: number; note?: string }[];
};

/** 登记低保申请: household, members (ID checked here and on the server), income, assets, 刚性支出. */
export function DibaoRegisterPage() {
  const t = useT();
  const me = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ id: string; refNo: string; missingMaterials: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const areas = useQuery({ queryKey: ['dibao', 'townships'], queryFn: () => dibaoApi.townships(), staleTime: 600_000 });
  const mine = (areas.data?.items ?? []).filter((a) => me.areaCode === '640000' || a.code.startsWith(me.areaCode));
  const members = Form.useWatch('members', form) ?? [];
  const relativeOfStaff = Form.useWatch('relativeOfStaff', form);

  const submit = async (v: Values) => {
    setError(null);
    setBusy(true);
    try {
      const body = {
        areaCode: v.areaCode,
        kind: v.kind,
        address: v.address,
        phone: v.phone || undefined,
        channel: v.channel,
        materials: v.materials ?? [],
        relativeOfStaff: !!v.relativeOfStaff,
        staffRelative: v.relativeOfStaff ? v.staffRelative : undefined,
        members: (v.members ?? []).map((m) => ({ ...m, idNumber: m.idNumber.trim().toUpperCase(), hukouAreaCode: m.hukouAreaCode || undefined })),
        incomes: (v.incomes ?? []).map((x) => ({ memberIndex: x.memberIndex, kind: x.kind, monthlyCents: toCents(x.yuan), source: x.source || undefined })),
        assets: (v.assets ?? []).map((x) => ({ kind: x.kind, description: x.description, valueCents: toCents(x.yuan), areaM2: x.areaM2 ?? undefined })),
        expenses: (v.expenses ?? []).map((x) => ({ kind: x.kind, monthlyCents: toCents(x.yuan), note: x.note || undefined })),
      };
      const r = await dibaoApi.register(body);
      message.success(t('dibao.reg.done', { ref: r.refNo }));
      setDone(r);
    } catch (e) {
      const err = e instanceof ApiError ? e : null;
      setError(err?.title ?? String(e));
      const field = err?.details?.field;
      if (typeof field === 'string' && field) {
        const name = field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
        const yuanName = name.map((p) => (p === 'monthlyCents' || p === 'valueCents' ? 'yuan' : p));
        try {
          form.setFields([{ name: yuanName as never, errors: [err!.title] }]);
          form.scrollToField(yuanName as never);
        } catch {
          /* field not on the form: the banner shows it */
        }
      }
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <div className="mz-page">
        <Result
          status="success"
          title={t('dibao.reg.done', { ref: done.refNo })}
          subTitle={done.missingMaterials.length ? t('dibao.reg.missing', { items: done.missingMaterials.join('、') }) : undefined}
          extra={[
            <Link key="case" to={`/cases/${done.id}`}>
              <Button type="primary">{done.refNo}</Button>
            </Link>,
            <Button
              key="again"
              onClick={() => {
                setDone(null);
                form.resetFields();
              }}
            >
              {t('dibao.nav.register')}
            </Button>,
          ]}
        />
      </div>
    );
  }

  return (
    <div className="mz-page">
      <PageHeader title={t('dibao.reg.title')} desc={t('dibao.reg.desc')} />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" data-testid="dibao-register-error" />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        onFinishFailed={() => setError(t('dibao.reg.fixErrors'))}
        scrollToFirstError
        initialValues={{
          kind: 'rural',
          channel: '窗口',
          // Nothing is ticked until the clerk has the paper in hand.
          materials: [],
          members: [{ relation: '申请人', disability: '无', health: '健康', workAbility: '有', insured: true }],
          incomes: [],
          assets: [],
          expenses: [],
        }}
      >
        <Card className="mz-card" title={t('dibao.reg.household')} style={{ marginBottom: 12 }}>
          <div className="mz-db-grid">
            <Form.Item name="areaCode" label={t('dibao.reg.area')} rules={[{ required: true, message: '请选择所在村（社区）' }]}>
              <Select
                showSearch
                optionFilterProp="label"
                loading={areas.isPending}
                options={mine.map((a) => ({ value: a.code, label: `${a.county} ${a.name}` }))}
              />
            </Form.Item>
            <Form.Item name="kind" label={t('dibao.reg.kind')}>
              <Select
                options={[
                  { value: 'rural', label: t('dibao.reg.rural') },
                  { value: 'urban', label: t('dibao.reg.urban') },
                ]}
              />
            </Form.Item>
            <Form.Item name="channel" label={t('dibao.reg.channel')}>
              <Select options={opts(CHANNELS)} />
            </Form.Item>
            <Form.Item name="phone" label={t('dibao.reg.phone')} rules={[{ pattern: /^[\d-]{7,20}$/, message: '联系电话格式不正确' }]}>
              <Input inputMode="tel" />
            </Form.Item>
          </div>
          <Form.Item name="address" label={t('dibao.reg.address')} rules={[{ required: true, min: 2, message: '请填写家庭住址' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="materials" label={t('dibao.reg.materials')}>
            <Checkbox.Group options={opts(MATERIALS)} />
          </Form.Item>
          <Form.Item name="relativeOfStaff" valuePropName="checked">
            <Checkbox>{t('dibao.reg.relative')}</Checkbox>
          </Form.Item>
          {relativeOfStaff && (
            <div className="mz-db-row" data-testid="dibao-staff-relative">
              <Form.Item name={['staffRelative', 'staffName']} label={t('dibao.rel.staffName')} rules={[{ required: true, message: '请填写工作人员姓名' }]}>
                <Input maxLength={50} />
              </Form.Item>
              <Form.Item name={['staffRelative', 'staffPost']} label={t('dibao.rel.staffPost')} rules={[{ required: true, message: '请选择工作人员身份' }]}>
                <Select style={{ minWidth: 220 }} options={opts(STAFF_POSTS)} />
              </Form.Item>
              <Form.Item name={['staffRelative', 'relation']} label={t('dibao.rel.relation')} rules={[{ required: true, message: '请选择与申请人的关系' }]}>
                <Select style={{ minWidth: 160 }} options={opts(NEAR_RELATIONS)} />
              </Form.Item>
            </div>
          )}
        </Card>

        <Card className="mz-card" title={t('dibao.reg.members')} style={{ marginBottom: 12 }}>
          <Form.List name="members">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <div key={f.key} className="mz-db-row" data-testid={`dibao-member-${i}`}>
                    <div className="mz-db-row-head">
                      <span>{`成员 ${i + 1}`}</span>
                      {fields.length > 1 && (
                        <Button type="text" danger icon={<MinusCircleOutlined />} aria-label={`删除成员 ${i + 1}`} onClick={() => remove(f.name)} />
                      )}
                    </div>
                    <div className="mz-db-grid">
                      <Form.Item name={[f.name, 'name']} label={t('dibao.reg.name')} rules={[{ required: true, message: '请填写姓名' }]}>
                        <Input />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'idNumber']}
                        label={t('dibao.reg.idNumber')}
                        validateTrigger="onBlur"
                        rules={[
                          { required: true, message: '请填写身份证号' },
                          {
                            validator: async (_r, v: string) => {
                              const p = v ? residentIdProblem(v) : null;
                              if (p) throw new Error(p);
                            },
                          },
                        ]}
                      >
                        <Input className="mz-mono" maxLength={18} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'relation']} label={t('dibao.reg.relation')} rules={[{ required: true, message: '请选择与申请人关系' }]}>
                        <Select options={opts(RELATIONS)} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'hukouAreaCode']} label={t('dibao.reg.hukou')}>
                        <AreaCascader areas={mine} loading={areas.isPending} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'disability']} label={t('dibao.reg.disability')}>
                        <Select options={opts(DISABILITY)} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'health']} label={t('dibao.reg.health')}>
                        <Select options={opts(HEALTH)} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'workAbility']} label={t('dibao.reg.work')}>
                        <Select options={opts(WORK_ABILITY)} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'insured']} label={t('dibao.reg.insured')} valuePropName="checked">
                        <Switch />
                      </Form.Item>
                    </div>
                  </div>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ relation: '子女', disability: '无', health: '健康', workAbility: '有', insured: true })}>
                  {t('dibao.reg.addMember')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        <Card className="mz-card" title={t('dibao.reg.incomes')} style={{ marginBottom: 12 }}>
          <Form.List name="incomes">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <div key={f.key} className="mz-db-grid mz-db-row" data-testid={`dibao-income-${i}`}>
                    <Form.Item name={[f.name, 'kind']} label={t('dibao.reg.kindOf')} rules={[{ required: true, message: '请选择收入类别' }]}>
                      <Select options={opts(INCOME_KINDS)} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'yuan']} label={t('dibao.reg.amount')} rules={[{ required: true, message: '请填写金额' }]}>
                      <InputNumber min={0} precision={2} style={{ width: '100%' }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'memberIndex']} label="成员">
                      <Select allowClear options={members.map((m, k) => ({ value: k, label: m?.name || `成员 ${k + 1}` }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'source']} label="来源">
                      <Input />
                    </Form.Item>
                    <Button type="text" danger icon={<MinusCircleOutlined />} aria-label={`删除收入 ${i + 1}`} onClick={() => remove(f.name)} />
                  </div>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ kind: '工资性收入', memberIndex: 0 })}>
                  {t('dibao.reg.add')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        <Card className="mz-card" title={t('dibao.reg.assets')} style={{ marginBottom: 12 }}>
          <Form.List name="assets">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <div key={f.key} className="mz-db-grid mz-db-row" data-testid={`dibao-asset-${i}`}>
                    <Form.Item name={[f.name, 'kind']} label={t('dibao.reg.kindOf')} rules={[{ required: true, message: '请选择财产类别' }]}>
                      <Select options={opts(ASSET_KINDS)} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'description']} label={t('dibao.reg.desc2')} rules={[{ required: true, message: '请填写财产说明' }]}>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[f.name, 'yuan']} label={t('dibao.reg.value')}>
                      <InputNumber min={0} precision={2} style={{ width: '100%' }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'areaM2']} label={t('dibao.reg.areaM2')}>
                      <InputNumber min={0} style={{ width: '100%' }} />
                    </Form.Item>
                    <Button type="text" danger icon={<MinusCircleOutlined />} aria-label={`删除财产 ${i + 1}`} onClick={() => remove(f.name)} />
                  </div>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ kind: '住房', description: '自有住房' })}>
                  {t('dibao.reg.add')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        <Card className="mz-card" title={t('dibao.reg.expenses')} style={{ marginBottom: 12 }}>
          <Form.List name="expenses">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <div key={f.key} className="mz-db-grid mz-db-row" data-testid={`dibao-expense-${i}`}>
                    <Form.Item name={[f.name, 'kind']} label={t('dibao.reg.kindOf')} rules={[{ required: true, message: '请选择类别' }]}>
                      <Select options={opts(EXPENSE_KINDS)} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'yuan']} label={t('dibao.reg.amount')} rules={[{ required: true, message: '请填写金额' }]}>
                      <InputNumber min={0} precision={2} style={{ width: '100%' }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'note']} label={t('dibao.reg.desc2')}>
                      <Input />
                    </Form.Item>
                    <Button type="text" danger icon={<MinusCircleOutlined />} aria-label={`删除支出 ${i + 1}`} onClick={() => remove(f.name)} />
                  </div>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ kind: '医疗' })}>
                  {t('dibao.reg.add')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        <Button type="primary" htmlType="button" onClick={() => form.submit()} size="large" loading={busy} data-testid="dibao-register-submit">
          {t('dibao.reg.submit')}
        </Button>
      </Form>
    </div>
  );
}
