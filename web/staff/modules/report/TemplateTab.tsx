import { App, Button, Card, Input, Space, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';
import { reportApi, type ReportTemplate, type TemplateBody } from './api.ts';

const toBody = (t: ReportTemplate): TemplateBody => ({ title: t.title, docNo: t.docNo, issuer: t.issuer, recipient: t.recipient, sections: t.sections });

/** The year's template: header fields and, per section, a heading and a textarea per paragraph. */
export function TemplateTab({ template, year, canEdit }: { template: ReportTemplate; year: number; canEdit: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [body, setBody] = useState<TemplateBody>(toBody(template));
  useEffect(() => setBody(toBody(template)), [template]);
  const save = useMutation({
    mutationFn: () => reportApi.saveTemplate(year, body, template.version),
    onSuccess: (saved) => {
      message.success(t('report.tpl.saved', { v: saved.version }));
      qc.setQueryData(['report', 'template', year], saved);
    },
    onError: (e) => message.error(e instanceof ApiError ? e.title : String(e)),
  });
  const setSection = (i: number, patch: Partial<TemplateBody['sections'][number]>) =>
    setBody((b) => ({ ...b, sections: b.sections.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));
  const field = (key: 'title' | 'docNo' | 'issuer' | 'recipient', label: string) => (
    <label className="mz-field" style={{ display: 'block', marginBottom: 12 }}>
      <div>{label}</div>
      <Input value={body[key]} disabled={!canEdit} onChange={(e) => setBody((b) => ({ ...b, [key]: e.target.value }))} aria-label={label} />
    </label>
  );

  return (
    <Card
      className="mz-card"
      title={template.version === 0 ? t('report.tpl.builtin') : t('report.tpl.version', { v: template.version })}
      extra={
        canEdit && (
          <Button type="primary" loading={save.isPending} onClick={() => save.mutate()} data-testid="save-template">
            {t('common.save')}
          </Button>
        )
      }
    >
      {!canEdit && <Typography.Paragraph className="mz-muted">{t('report.tpl.readonly')}</Typography.Paragraph>}
      {field('title', t('report.tpl.docTitle'))}
      {field('docNo', t('report.tpl.docNo'))}
      {field('issuer', t('report.tpl.issuer'))}
      {field('recipient', t('report.tpl.recipient'))}
      {body.sections.map((s, i) => (
        <Card
          key={i}
          size="small"
          style={{ marginBottom: 12 }}
          title={
            <Input value={s.heading} disabled={!canEdit} aria-label={t('report.tpl.heading')} onChange={(e) => setSection(i, { heading: e.target.value })} />
          }
          extra={
            canEdit && (
              <Button size="small" danger onClick={() => setBody((b) => ({ ...b, sections: b.sections.filter((_, j) => j !== i) }))}>
                {t('report.tpl.remove')}
              </Button>
            )
          }
        >
          {s.paragraphs.map((p, k) => (
            <Space.Compact key={k} block style={{ marginBottom: 8 }}>
              <Input.TextArea
                value={p}
                disabled={!canEdit}
                autoSize={{ minRows: 2, maxRows: 12 }}
                aria-label={`${t('report.tpl.paragraph')} ${i + 1}.${k + 1}`}
                data-testid={`paragraph-${i}-${k}`}
                onChange={(e) => setSection(i, { paragraphs: s.paragraphs.map((x, j) => (j === k ? e.target.value : x)) })}
              />
              {canEdit && s.paragraphs.length > 1 && (
                <Button onClick={() => setSection(i, { paragraphs: s.paragraphs.filter((_, j) => j !== k) })}>{t('report.tpl.remove')}</Button>
              )}
            </Space.Compact>
          ))}
          {canEdit && (
            <Button size="small" onClick={() => setSection(i, { paragraphs: [...s.paragraphs, ''] })}>
              {t('report.tpl.addParagraph')}
            </Button>
          )}
        </Card>
      ))}
      {canEdit && (
        <Button onClick={() => setBody((b) => ({ ...b, sections: [...b.sections, { heading: '', paragraphs: [''] }] }))}>{t('report.tpl.addSection')}</Button>
      )}
      <Typography.Paragraph style={{ marginTop: 16 }}>{t('report.tpl.placeholders')}</Typography.Paragraph>
      <Space wrap>
        {template.placeholders.map((p) => (
          <Tag key={p.code} title={`${p.label}(${p.unit})`}>{`{{${p.code}}}`}</Tag>
        ))}
      </Space>
    </Card>
  );
}
