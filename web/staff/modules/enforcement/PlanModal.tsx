import { Form, Input, InputNumber } from 'antd';
import { StudyFormModal, need } from './StudyFormModal.tsx';
import { studyApi, type PlanRow } from './study-api.ts';

type Values = { year: number; title: string; targetHours: number; content: string };

/**
 * 登记年度学法计划 for the clerk's own unit, or 修改 a plan (`plan`: the form opens filled with it); the server checks
 * the unit and the limits again.
 */
export function PlanModal(p: { open: boolean; year: number; plan?: PlanRow | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const { plan } = p;
  return (
    <StudyFormModal
      {...p}
      form={form}
      title={plan ? `修改学法计划（${plan.orgName}）` : '登记年度学法计划'}
      testId="study-plan-form"
      initialValues={
        plan
          ? { year: plan.year, title: plan.title, targetHours: plan.targetHours, content: plan.content }
          : { year: p.year, title: `${p.year}年度学法计划`, targetHours: 40 }
      }
      send={(v) => (plan ? studyApi.editPlan(plan.id, v) : studyApi.createPlan(v))}
    >
      <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写「年度」' }]}>
        <InputNumber min={2000} max={2100} precision={0} />
      </Form.Item>
      <Form.Item name="title" label="计划名称" rules={need('计划名称')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="targetHours"
        label="计划学时"
        rules={[
          { required: true, message: '请填写「计划学时」' },
          { type: 'number', min: 1, max: 500, message: '「计划学时」应在 1–500 之间' },
        ]}
      >
        <InputNumber precision={0} addonAfter="学时" />
      </Form.Item>
      <Form.Item name="content" label="学习内容" rules={need('学习内容')}>
        <Input.TextArea rows={4} maxLength={2000} />
      </Form.Item>
    </StudyFormModal>
  );
}
