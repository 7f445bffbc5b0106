import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Input, InputNumber, Space, Tabs } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAddressParams } from '../../shared/address-params.ts';
import { useCan } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { reportApi } from './api.ts';
import { CitiesTab } from './CitiesTab.tsx';
import { FiguresTab } from './FiguresTab.tsx';
import { RunsTab } from './RunsTab.tsx';
import { TemplateTab } from './TemplateTab.tsx';

/** 年度报告 (kernel page, report.read): figures with their 口径 and records, the template (report.edit), generate and download. */
export function ReportPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [params, set] = useAddressParams();
  const year = Number(params.get('year')) || new Date().getFullYear() - 1;
  const area = params.get('area') || undefined;
  const tab = params.get('tab') ?? 'figures';
  const figures = useQuery({ queryKey: ['report', 'figures', year, area], queryFn: () => reportApi.figures(year, area) });
  const template = useQuery({ queryKey: ['report', 'template', year], queryFn: () => reportApi.template(year) });
  const refresh = useMutation({
    mutationFn: () => reportApi.refresh(year, area),
    onSuccess: (f) => {
      qc.setQueryData(['report', 'figures', year, area], f);
      void qc.invalidateQueries({ queryKey: ['report', 'records'] });
      message.success(t('report.refreshed'));
    },
    onError: (e) => message.error(e instanceof ApiError ? e.title : String(e)),
  });
  const canEdit = can('report.edit');

  return (
    <div className="mz-page">
      <PageHeader
        title={figures.data ? `${t('report.title')} · ${year} · ${figures.data.area.name}` : t('report.title')}
        desc={t('report.desc')}
        extra={
          <Space wrap>
            <InputNumber
              min={2000}
              max={2100}
              value={year}
              aria-label={t('report.year')}
              addonBefore={t('report.year')}
              onChange={(v) => v && set({ year: String(v) })}
              style={{ width: 150 }}
            />
            <Input.Search
              allowClear
              defaultValue={area}
              placeholder={t('report.areaHint')}
              aria-label={t('report.area')}
              onSearch={(v) => set({ area: v.trim() || undefined })}
              style={{ width: 180 }}
            />
            <Button icon={<ReloadOutlined />} loading={refresh.isPending} onClick={() => refresh.mutate()} data-testid="refresh-figures">
              {t('report.refresh')}
            </Button>
          </Space>
        }
      />
      {figures.isError && <QueryError error={figures.error} onRetry={() => figures.refetch()} />}
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k })}
        items={[
          { key: 'figures', label: t('report.tab.figures'), children: figures.data && <FiguresTab figures={figures.data} year={year} area={area} /> },
          { key: 'cities', label: t('report.tab.cities'), children: figures.data && <CitiesTab figures={figures.data} year={year} /> },
          {
            key: 'template',
            label: t('report.tab.template'),
            children: template.isError ? (
              <QueryError error={template.error} onRetry={() => template.refetch()} />
            ) : (
              template.data && <TemplateTab template={template.data} year={year} canEdit={canEdit} />
            ),
          },
          { key: 'runs', label: t('report.tab.runs'), children: <RunsTab year={year} area={area} canEdit={canEdit} /> },
        ]}
      />
    </div>
  );
}
