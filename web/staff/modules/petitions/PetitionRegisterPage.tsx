import { Alert, App, Button, Card, Form } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { api, ApiError } from '../../shared/api.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { ReceiptFields } from './RegisterIntakeFields.tsx';
import { ChannelFields } from './RegisterChannelFields.tsx';
import { MatterFields } from './RegisterMatterFields.tsx';
import { PetitionerFields } from './RegisterPetitionerFields.tsx';
import { FilesCard } from './RegisterFilesCard.tsx';
import { RegisterResultView } from './RegisterResultView.tsx';
import { INITIAL, toRegisterInput, type Values } from './register-input.ts';
import { petitionApi, type RegisterResult } from './api.ts';
import './petitions.css';

/** 「content」信访内容不少于 10 字 → 信访内容不少于 10 字 (the field name is shown by the input itself). */
const fieldMessage = (title: string) => title.replace(/^「[A-Za-z0-9_.]+」/, '');

/** 登记信访事项: one page, kept intact on a server error, then the server's 重信重访/越级 findings. */
export function PetitionRegisterPage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
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
          <ChannelFields channel={channel} group={group} />
          <ReceiptFields urgent={!!urgent} />
        </Card>

        <Card className="mz-card mz-pt-section" title={t('petitions.form.sec.matter')}>
          <MatterFields category={category} />
        </Card>

        <Card className="mz-card mz-pt-section" title={t('petitions.form.sec.people')}>
          <PetitionerFields anonymousAllowed={anonymousAllowed} anon={anon} group={group} />
        </Card>

        <FilesCard files={files} setFiles={setFiles} />

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
