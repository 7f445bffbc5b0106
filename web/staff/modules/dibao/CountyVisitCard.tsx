import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useCan, useSession } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { applyServerError } from '../../shared/form-errors.ts';
import { stepsApi, type DibaoFacts } from './api.ts';

type Filing = NonNullable<DibaoFacts['relativeFiling']>;

/** 近亲属单独登记备案 on the case page: who, which relation, and the county's home visit (recorded here by county staff). */
export function CountyVisitCard({ caseId, filing, open }: { caseId: string; filing: Filing; open: boolean }) {
  const t = useT();
  const can = useCan();
  // Recorded by the county (or a level above): a 6-digit area code or shorter.
  const countyOrAbove = useSession().areaCode.length <= 6;
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: { staff: string; date: Dayjs; result: string; findings: string }) =>
      stepsApi.countyVisit(caseId, { ...v, date: v.date.format('YYYY-MM-DD') }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['dibao', 'application', caseId] }),
    onError: (e) => setError(applyServerError(form, e, ['staff', 'date', 'result', 'findings'])),
  });
  const v = filing.countyVisit;
  return (
    <section data-testid="dibao-relative-filing">
      <h3 className="mz-db-h">{t('dibao.rel.title')}</h3>
      <p>
        {t('dibao.rel.declared')}：{filing.staffName}（{filing.staffPost}）的{filing.relation}，{filing.filedOn} 备案。{t('dibao.rel.rule')}
      </p>
      {v ? (
        <Alert
          type={v.result === '属实' ? 'success' : 'warning'}
          showIcon
          message={`${v.date} 县级入户核查（${v.staff.join('、')}）：${v.result}`}
          description={`${v.findings}（记录人：${v.by}）`}
        />
      ) : (
        open && (
          <>
            <Alert type="warning" showIcon message={t('dibao.rel.pending')} style={{ marginBottom: 8 }} />
            {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 8 }} />}
            {can('dibao.handle') && countyOrAbove && (
              <Form
                form={form}
                layout="vertical"
                initialValues={{ date: dayjs(), result: '属实' }}
                onFinish={(x) => {
                  setError(null);
                  save.mutate(x);
                }}
              >
                <Form.Item name="staff" label={t('dibao.rel.staff')} rules={[{ required: true, message: '请填写核查人员' }]}>
                  <Input placeholder="至少 2 名工作人员，姓名用顿号分隔" />
                </Form.Item>
                <Form.Item name="date" label={t('dibao.rel.date')} rules={[{ required: true, message: '请选择核查日期' }]}>
                  <DatePicker />
                </Form.Item>
                <Form.Item name="result" label={t('dibao.rel.result')} rules={[{ required: true, message: '请选择核查结论' }]}>
                  <Radio.Group options={['属实', '不属实'].map((x) => ({ value: x, label: x }))} />
                </Form.Item>
                <Form.Item name="findings" label={t('dibao.rel.findings')} rules={[{ required: true, min: 5, message: '请填写核查情况（不少于 5 字）' }]}>
                  <Input.TextArea rows={3} maxLength={5000} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={save.isPending}>
                  {t('dibao.rel.submit')}
                </Button>
              </Form>
            )}
          </>
        )
      )}
    </section>
  );
}
