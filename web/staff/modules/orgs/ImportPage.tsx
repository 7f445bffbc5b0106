import { Card, Form } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { OrgUnitSelect } from '../../shared/OrgUnitSelect.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { XlsxImport } from '../../shared/XlsxImport.tsx';
import { IMPORT_COLUMNS, orgsApi } from './api.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file as the import route takes it: a CSV as text, an xlsx workbook as base64. */
async function body(file: File): Promise<{ csv: string } | { xlsxBase64: string }> {
  if (/\.csv$/i.test(file.name)) return { csv: await file.text() };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { xlsxBase64: btoa(bin) };
}

/**
 * 导入已有登记信息 (registrars, orgs.register): the template, an xlsx or CSV upload into the user's registering authority
 * (or one chosen below it), the counts, and for a refused file each problem and the error workbook to correct.
 */
export function ImportPage() {
  const t = useT();
  const [authority, setAuthority] = useState<string | undefined>();
  return (
    <div className="mz-page">
      <PageHeader title={t('orgs.nav.import')} desc={t('orgs.import.desc')} />
      <Card className="mz-card">
        <Form layout="vertical">
          <Form.Item label={t('orgs.import.authority')} extra={t('orgs.import.authorityHint')} style={{ maxWidth: 420 }}>
            <OrgUnitSelect allowClear value={authority} onChange={setAuthority} aria-label={t('orgs.import.authority')} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
        <div className="mz-muted">{t('orgs.import.columns', { cols: IMPORT_COLUMNS.join('，') })}</div>
        <XlsxImport
          testId="orgs-import"
          templateHref="/api/orgs/import-template.xlsx"
          templateLabel={t('orgs.import.template')}
          uploadLabel={t('orgs.import.upload')}
          accept=".xlsx,.csv"
          upload={async (file) => {
            const r = await orgsApi.importRegistry({ ...(await body(file)), ...(authority ? { authorityOrgUnitId: authority } : {}) });
            return {
              ...r,
              applied: r.errors.length === 0,
              rejectedRows: new Set(r.errors.map((e) => e.line)).size,
              errors: r.errors.map((e) => ({ row: e.line, column: e.column, message: e.message })),
            };
          }}
          errorsHref={(r) => `data:${XLSX_TYPE};base64,${r.errorsXlsxBase64 ?? ''}`}
          errorsFileName={t('orgs.import.errorsFile')}
          appliedMessage={(r) => t('orgs.import.applied', { rows: r.rows, imported: r.imported })}
          queryKey={['orgs']}
        />
      </Card>
    </div>
  );
}
