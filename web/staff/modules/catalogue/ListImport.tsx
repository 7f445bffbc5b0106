import { useT } from '../../i18n/i18n.tsx';
import { catalogueApi } from './api.ts';
import { XlsxImport } from '../../shared/XlsxImport.tsx';

/** 实施清单导入 on the list page: the office's template (its current list) to download, an xlsx to upload. */
export function ListImport({ officeId }: { officeId: string }) {
  const t = useT();
  return (
    <XlsxImport
      testId="catalogue-list-import"
      templateHref={`/api/catalogue/offices/${officeId}/list-template.xlsx`}
      templateLabel={t('catalogue.import.template')}
      uploadLabel={t('catalogue.import.upload')}
      upload={(file) => catalogueApi.importList(officeId, file)}
      errorsHref={(r) => `/api/catalogue/list-imports/${r.batchId}/errors.xlsx`}
      appliedMessage={(r) => t('catalogue.import.applied', { rows: r.rows, added: r.added, updated: r.updated })}
      queryKey={['catalogue']}
    />
  );
}
