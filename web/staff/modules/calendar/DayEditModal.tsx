import { Alert, App, Button, Descriptions, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';
import type { CalendarDay } from '../../shared/api-types.ts';
import { useClearCalendarDay, useSetCalendarDay } from './use-calendar.ts';

type Values = { layer: 'area' | 'national'; kind: 'rest' | 'work'; name: string; source?: string; reason: string };

/** Enter, change or clear one day's local adjustment (地方节假日 / 调休上班), always with a reason. */
export function DayEditModal({
  day,
  areaCode,
  areaName,
  onClose,
}: {
  day: CalendarDay;
  areaCode: string | null;
  areaName: string | null;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const save = useSetCalendarDay();
  const clear = useClearCalendarDay();
  const layer = Form.useWatch('layer', form) ?? (areaCode ? 'area' : 'national');
  const target = layer === 'area' ? areaCode : null;
  // A row of exactly this layer can be cleared; package (chinese-days) rows cannot.
  const existing = day.decisions.find((d) => (target === null ? d.layer === 'national' : d.layer === 'regional' && d.areaCode === target));

  const fail = (e: unknown) => {
    if (e instanceof ApiError && typeof e.details?.field === 'string' && ['name', 'reason', 'source'].includes(e.details.field)) {
      form.setFields([{ name: e.details.field as 'name', errors: [e.title] }]);
    } else setError(e instanceof ApiError ? e.title : String(e));
  };
  const done = (r: { changed: boolean; version: number }) => {
    message.success(r.changed ? t('cal.saved', { v: r.version }) : t('cal.unchanged'));
    onClose();
  };

  const onFinish = (v: Values) => {
    setError(null);
    save.mutate(
      {
        date: day.date,
        areaCode: v.layer === 'area' ? areaCode : null,
        kind: v.kind,
        name: v.name.trim(),
        source: v.source?.trim() || null,
        reason: v.reason.trim(),
      },
      { onSuccess: done, onError: fail },
    );
  };
  const onClear = async () => {
    setError(null);
    const v = await form.validateFields(['reason']).catch(() => null);
    if (!v) return;
    clear.mutate({ date: day.date, areaCode: target, reason: v.reason.trim() }, { onSuccess: done, onError: fail });
  };

  return (
    <Modal
      open
      title={t('cal.edit', { date: day.date })}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        existing && (
          <Button key="clear" danger onClick={onClear} loading={clear.isPending} style={{ float: 'left' }}>
            {t('cal.clear')}
          </Button>
        ),
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="save" type="primary" onClick={() => form.submit()} loading={save.isPending}>
          {t('common.save')}
        </Button>,
      ]}
    >
      <Descriptions size="small" column={1} className="mz-modal-note">
        <Descriptions.Item label={t('cal.current')}>{day.reason}</Descriptions.Item>
        {day.decisions.map((d, i) => (
          <Descriptions.Item key={i} label={t(`cal.layerName.${d.layer}`)}>
            {d.areaCode ? `${d.areaCode} · ` : ''}
            {t(`cal.kind.${d.kind}`)} · {d.name}
            {d.source ? ` · ${d.source}` : ''}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {error && <Alert type="error" showIcon title={error} className="mz-modal-note" role="alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        name="calendar-day"
        onFinish={onFinish}
        initialValues={{
          layer: areaCode ? 'area' : 'national',
          kind: day.workday ? 'rest' : 'work',
          name: existing?.name ?? '',
          source: existing?.source ?? '',
        }}
      >
        <Form.Item name="layer" label={t('cal.layer')}>
          <Radio.Group
            options={[
              ...(areaCode ? [{ value: 'area', label: t('cal.layer.area', { area: areaName ?? areaCode }) }] : []),
              { value: 'national', label: t('cal.layer.national') },
            ]}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('cal.kind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'rest', label: t('cal.kind.rest') },
              { value: 'work', label: t('cal.kind.work') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('cal.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { f: t('cal.name') }) }, { max: 50 }]}
        >
          <Input maxLength={50} placeholder={t('cal.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="source" label={t('cal.source')} rules={[{ max: 200 }]}>
          <Input maxLength={200} placeholder={t('cal.sourcePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('cal.reason')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { f: t('cal.reason') }) }, { max: 500 }]}
        >
          <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('cal.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
