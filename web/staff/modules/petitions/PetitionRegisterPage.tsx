import { DeleteOutlined, FileOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select, TreeSelect, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { api, ApiError } from '../../shared/api.ts';
import { toTreeSelect, useAreaTree } from '../../shared/area-tree.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { ComplaintFields, ReceiptFields } from './RegisterIntakeFields.tsx';
import { RegisterResultView } from './RegisterResultView.tsx';
import { blankPerson, INITIAL, toRegisterInput, type Person, type Values } from './register-input.ts';
import { formatSize } from '../cases/CaseSideCards.tsx';
import { CATEGORIES, ORIGINAL_FORMS, SOURCE_BODIES, STAFF_CHANNELS, SUBJECTS, petitionApi, type RegisterResult } from './api.ts';
import { residentIdProblem } from '../../../../src/kernel/codes/index.ts';
import { options, useVocab } from './vocab.ts';
import './petitions.css';

const MAX_BYTES = 20 * 1024 * 1024;
const PHONE = /^[\d-]{7,20}$/;

/** 「content」信访内容不少于 10 字 → 信访内容不少于 10 字 (the field name is shown by the input itself). */
const fieldMessage = (title: string) => title.replace(/^「[A-Za-z0-9_.]+」/, '');

/** 登记信访事项: one page, kept intact on a server error, then the server's 重信重访/越级 findings. */
export function PetitionRegisterPage() {
  const t = useT();
  const vocab = useVocab();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const areas = useAreaTree();
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const [done, setDone] = useState<{ result: RegisterResult; uploadErrors: string[] } | null>(null);
  const channel = Form.useWatch('channel', form);
  const visitKind = Form.useWatch('visitKind', form);
  const category = Form.useWatch('category', form);
  const anonymous = Form.useWatch('anonymous', form);
  const urgent = Form.useWatch('urgent', form);
  const group = channel === '来访' && visitKind === 'group';
  const anonymousAllowed = category === '检举控告';
  const anon = anonymousAllowed && !!anonymous;

  const addFile = (f: File) => {
    if (f.size > MAX_BYTES) message.warning(t('petitions.form.tooLarge', { name: f.name }));
    else setFiles((xs) => [...xs, f]);
    return false;
  };

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const result = await petitionApi.register(toRegisterInput(v));
      const uploadErrors: string[] = [];
      for (const [i, f] of files.entries()) {
        setProgress(t('petitions.done.uploading', { i: i + 1, n: files.length }));
        try {
          await api.caseUpload(result.id, f);
        } catch (e) {
          uploadErrors.push(t('petitions.done.uploadFailed', { name: f.name, msg: e instanceof ApiError ? e.title : String(e) }));
        }
      }
      setProgress(null);
      if (files.length > uploadErrors.length) message.success(t('petitions.done.uploaded', { n: files.length - uploadErrors.length }));
      const flagged = !!result.flags.repeat || result.flags.skipLevel || result.suggestions.length > 0 || !!result.flags.finalMatch;
      if (!flagged && uploadErrors.length === 0) {
        message.success(t('petitions.done.title', { ref: result.refNo }));
        navigate(`/cases/${result.id}`);
        return;
      }
      setDone({ result, uploadErrors });
      window.scrollTo({ top: 0 });
    } catch (e) {
      setProgress(null);
      if (e instanceof ApiError) {
        const field = typeof e.details?.field === 'string' ? e.details.field : null;
        const name = field ? field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : null;
        if (name && form.getFieldInstance(name as never) !== undefined) {
          form.setFields([{ name: name as never, errors: [fieldMessage(e.title)] }]);
          form.scrollToField(name as never, { block: 'center' });
          setError(t('petitions.form.serverError', { msg: e.title }));
        } else setError(t('petitions.form.serverError', { msg: e.title }));
      } else setError(String(e));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <RegisterResultView
        result={done.result}
        uploadErrors={done.uploadErrors}
        onAnother={() => {
          setDone(null);
          setFiles([]);
          form.resetFields();
        }}
      />
    );
  }

  return (
    <div className="mz-page mz-pt-form">
      <PageHeader title={t('petitions.form.title')} desc={t('petitions.form.desc')} />
      <Form<Values>
        form={form}
        name="petition-register"
        layout="vertical"
        initialValues={INITIAL}
        onFinish={submit}
        onFinishFailed={() => setError(t('petitions.form.fixErrors'))}
        scrollToFirstError={{ block: 'center' }}
        data-testid="petition-form"
      >
        {error && <Alert type="error" showIcon role="alert" title={error} className="mz-banner" data-testid="form-error" style={{ marginBottom: 16 }} />}

        <Card className="mz-card mz-pt-section" title={t('petitions.form.sec.channel')}>
          <Form.Item
            name="channel"
            label={t('petitions.form.channel')}
            rules={[{ required: true, message: t('common.required', { f: t('petitions.form.channel') }) }]}
          >
            <Radio.Group optionType="button" buttonStyle="solid" options={options(vocab, STAFF_CHANNELS)} />
          </Form.Item>
          {channel === '来访' && (
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="visitKind" label={t('petitions.form.visitKind')}>
                  <Radio.Group
                    options={[
                      { value: 'individual', label: t('petitions.form.visit.individual') },
                      { value: 'group', label: t('petitions.form.visit.group') },
                    ]}
                  />
                </Form.Item>
              </Col>
              {group && (
                <>
                  <Col xs={8} md={5}>
                    <Form.Item
                      name="visitBatch"
                      label={t('petitions.form.visitBatch')}
                      rules={[{ required: true, message: t('common.required', { f: t('petitions.form.visitBatch') }) }]}
                    >
                      <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={5}>
                    <Form.Item
                      name="visitPersons"
                      label={t('petitions.form.visitPersons')}
                      rules={[
                        { required: true, message: t('common.required', { f: t('petitions.form.visitPersons') }) },
                        { type: 'number', min: 2, message: t('petitions.form.groupPersons') },
                      ]}
                    >
                      <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={6}>
                    <Form.Item name="representatives" label={t('petitions.form.representatives')} tooltip={t('petitions.form.representativesHelp')}>
                      <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                </>
              )}
            </Row>
          )}
          {channel === '上级转来' && (
            <Row gutter={16}>
              <Col xs={24} md={10}>
                <Form.Item
                  name="sourceBody"
                  label={t('petitions.form.sourceBody')}
                  rules={[{ required: true, message: t('common.required', { f: t('petitions.form.sourceBody') }) }]}
                >
                  <Select options={options(vocab, SOURCE_BODIES)} />
                </Form.Item>
              </Col>
              <Col xs={24} md={7}>
                <Form.Item
                  name="originalForm"
                  label={t('petitions.form.originalForm')}
                  tooltip={t('petitions.form.originalFormHelp')}
                  rules={[{ required: true, message: t('common.required', { f: t('petitions.form.originalForm') }) }]}
                >
                  <Select options={options(vocab, ORIGINAL_FORMS)} />
                </Form.Item>
              </Col>
              <Col xs={24} md={7}>
                <Form.Item name="sourceRef" label={t('petitions.form.sourceRef')} rules={[{ max: 100 }]}>
                  <Input maxLength={100} placeholder={t('petitions.form.sourceRefPlaceholder')} />
                </Form.Item>
              </Col>
            </Row>
          )}
          <ReceiptFields urgent={!!urgent} />
        </Card>

        <Card className="mz-card mz-pt-section" title={t('petitions.form.sec.matter')}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                name="category"
                label={t('petitions.form.category')}
                rules={[{ required: true, message: t('common.required', { f: t('petitions.form.category') }) }]}
              >
                <Select options={options(vocab, CATEGORIES)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="subject"
                label={t('petitions.form.subject')}
                rules={[{ required: true, message: t('common.required', { f: t('petitions.form.subject') }) }]}
              >
                <Select options={options(vocab, SUBJECTS)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="concernedAreaCode"
                label={t('petitions.form.area')}
                rules={[{ required: true, message: t('common.required', { f: t('petitions.form.area') }) }]}
              >
                <TreeSelect
                  treeData={toTreeSelect(areas.data)}
                  loading={areas.isPending}
                  showSearch={{ treeNodeFilterProp: 'title' }}
                  placeholder={t('petitions.form.areaPlaceholder')}
                  treeDefaultExpandedKeys={areas.data?.map((a) => a.code)}
                  popupMatchSelectWidth={false}
                />
              </Form.Item>
            </Col>
          </Row>
          <ComplaintFields accusation={category === '检举控告'} />
          <Form.Item
            name="title"
            label={t('petitions.form.matterTitle')}
            rules={[{ required: true, whitespace: true, message: t('common.required', { f: t('petitions.form.matterTitle') }) }, { max: 200 }]}
          >
            <Input maxLength={200} placeholder={t('petitions.form.matterTitlePlaceholder')} />
          </Form.Item>
          <Form.Item
            name="content"
            label={t('petitions.form.content')}
            rules={[
              { required: true, whitespace: true, message: t('common.required', { f: t('petitions.form.content') }) },
              {
                validator: async (_, v?: string) => {
                  if (v && v.trim().length > 0 && v.trim().length < 10) throw new Error('信访内容不少于 10 字');
                },
              },
            ]}
          >
            <Input.TextArea rows={6} maxLength={20000} showCount placeholder={t('petitions.form.contentPlaceholder')} />
          </Form.Item>
        </Card>

        <Card className="mz-card mz-pt-section" title={t('petitions.form.sec.people')}>
          {anonymousAllowed && (
            <Form.Item name="anonymous" valuePropName="checked" extra={t('petitions.form.anonymousHelp')}>
              <Checkbox>{t('petitions.form.anonymous')}</Checkbox>
            </Form.Item>
          )}
          {!anon && (
            <Form.List
              name="petitioners"
              rules={[
                {
                  validator: async (_, list?: Person[]) => {
                    if (!list?.some((p) => p?.name?.trim())) throw new Error(t('petitions.form.needPerson'));
                  },
                },
              ]}
            >
              {(fields, { add, remove }, { errors }) => (
                <>
                  {fields.map((field, i) => (
                    <div key={field.key} className="mz-pt-person-card" data-testid={`petitioner-${i}`}>
                      <div className="mz-pt-person-head">
                        <span>{t('petitions.form.person', { n: i + 1 })}</span>
                        {fields.length > 1 && (
                          <Button
                            type="text"
                            size="small"
                            danger
                            icon={<DeleteOutlined />}
                            onClick={() => remove(field.name)}
                            aria-label={t('petitions.form.removePerson', { n: i + 1 })}
                          />
                        )}
                      </div>
                      <Row gutter={16}>
                        <Col xs={24} md={group ? 6 : 8}>
                          <Form.Item
                            name={[field.name, 'name']}
                            label={t('petitions.form.name')}
                            rules={[{ required: true, whitespace: true, message: t('common.required', { f: t('petitions.form.name') }) }, { max: 50 }]}
                          >
                            <Input maxLength={50} autoComplete="off" />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={group ? 10 : 9}>
                          <Form.Item
                            name={[field.name, 'idNumber']}
                            label={t('petitions.form.idNumber')}
                            validateTrigger="onBlur"
                            rules={[
                              {
                                validator: async (_, v?: string) => {
                                  const p = v ? residentIdProblem(v) : null;
                                  if (p) throw new Error(p);
                                },
                              },
                            ]}
                          >
                            <Input maxLength={18} autoComplete="off" className="mz-mono" inputMode="text" />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={group ? 8 : 7}>
                          <Form.Item
                            name={[field.name, 'phone']}
                            label={t('petitions.form.phone')}
                            validateTrigger="onBlur"
                            rules={[{ pattern: PHONE, message: '联系电话格式不正确' }]}
                          >
                            <Input maxLength={20} autoComplete="off" inputMode="tel" />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={group ? 18 : 24}>
                          <Form.Item name={[field.name, 'address']} label={t('petitions.form.address')} rules={[{ max: 200 }]}>
                            <Input maxLength={200} autoComplete="off" />
                          </Form.Item>
                        </Col>
                        {group && (
                          <Col xs={24} md={6}>
                            <Form.Item name={[field.name, 'role']} label={t('petitions.form.role')}>
                              <Select options={options(vocab, ['信访人', '代表'])} />
                            </Form.Item>
                          </Col>
                        )}
                      </Row>
                    </div>
                  ))}
                  <Form.ErrorList errors={errors} />
                  <Button icon={<PlusOutlined />} onClick={() => add({ ...blankPerson })} disabled={fields.length >= 50}>
                    {t('petitions.form.addPerson')}
                  </Button>
                </>
              )}
            </Form.List>
          )}
        </Card>

        <Card
          className="mz-card mz-pt-section"
          title={
            <span>
              <PaperClipOutlined /> {t('petitions.form.sec.files')}
            </span>
          }
        >
          <Upload multiple showUploadList={false} beforeUpload={addFile}>
            <Button icon={<PaperClipOutlined />}>{t('petitions.form.files')}</Button>
          </Upload>
          <p className="mz-card-note">{t('petitions.form.filesHelp')}</p>
          {files.length > 0 && (
            <ul className="mz-pt-files" data-testid="petition-files">
              {files.map((f, i) => (
                <li key={`${f.name}:${i}`}>
                  <FileOutlined />
                  <span>{f.name}</span>
                  <span className="mz-muted">{formatSize(f.size)}</span>
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('petitions.form.removeFile', { name: f.name })}
                    onClick={() => setFiles((xs) => xs.filter((_, j) => j !== i))}
                  />
                </li>
              ))}
            </ul>
          )}
        </Card>

        <div className="mz-pt-actions">
          {progress && (
            <span className="mz-muted" role="status">
              {progress}
            </span>
          )}
          <Button onClick={() => navigate('/petitions')}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="button" onClick={() => form.submit()} loading={busy} data-testid="petition-submit">
            {t('petitions.form.submit')}
          </Button>
        </div>
      </Form>
    </div>
  );
}
