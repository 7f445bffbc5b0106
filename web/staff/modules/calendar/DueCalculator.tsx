import { CalculatorOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';
import type { ClockUnit } from '../../shared/api-types.ts';
import { formatDate } from '../../shared/format.ts';
import { printText } from '../../shared/print.ts';
import { useCalendarCompute } from './use-calendar.ts';

type Values = { from: Dayjs; n: number; unit: ClockUnit };

/** 期限计算器: from a start date, N 工作日 / 日 / 个月 on the chosen area's calendar, with the reasoning. */
export function DueCalculator({ area, areaName }: { area: string | null; areaName: string | null }) {
  const t = useT();
  const compute = useCalendarCompute();
  const onFinish = (v: Values) => compute.mutate({ from: v.from.format('YYYY-MM-DD'), [v.unit]: v.n, area: area ?? undefined });
  const res = compute.data;
  return (
    <Card
      className="mz-card"
      title={
        <span>
          <CalculatorOutlined /> {t('cal.calc')}
        </span>
      }
      data-testid="due-calculator"
    >
      <Form<Values> layout="vertical" name="due-calc" onFinish={onFinish} initialValues={{ from: dayjs(), n: 15, unit: 'workdays' }}>
        <Form.Item name="from" label={t('cal.calc.from')} rules={[{ required: true }]} extra={t('cal.calc.fromNote')}>
          <DatePicker style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
        <Form.Item label={t('cal.calc.n')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="n" noStyle rules={[{ required: true, message: t('common.required', { f: t('cal.calc.n') }) }]}>
              <InputNumber min={0} max={3660} precision={0} style={{ width: '55%' }} aria-label={t('cal.calc.n')} />
            </Form.Item>
            <Form.Item name="unit" noStyle>
              <Select
                style={{ width: '45%' }}
                aria-label={t('clock.unitLabel')}
                options={(['workdays', 'days', 'months'] as const).map((u) => ({ value: u, label: t(`clock.unitName.${u}`) }))}
              />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <p className="mz-muted mz-calc-area">{t('cal.calc.area', { area: areaName ?? t('cal.national') })}</p>
        <Button type="primary" htmlType="submit" block loading={compute.isPending}>
          {t('cal.calc.compute')}
        </Button>
      </Form>
      {compute.isError && (
        <Alert className="mz-gap" type="error" showIcon title={compute.error instanceof ApiError ? compute.error.title : String(compute.error)} />
      )}
      {res && (
        <div className="mz-calc-result" data-testid="calc-result">
          <div className="mz-calc-due">
            <span className="mz-muted">{t('cal.calc.result')}</span>
            <strong>{formatDate(res.dueDate)}</strong>
            <span className="mz-muted">{dayjs(res.dueDate).format('dddd')}</span>
          </div>
          <pre className="mz-explain mz-explain-sm">{res.explanation.text}</pre>
          <Button
            size="small"
            icon={<PrinterOutlined />}
            onClick={() => printText(t('clock.printTitle'), [areaName ?? t('cal.national')], res.explanation.text)}
          >
            {t('clock.print')}
          </Button>
        </div>
      )}
    </Card>
  );
}
