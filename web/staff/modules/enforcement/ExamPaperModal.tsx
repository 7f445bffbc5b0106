import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, InputNumber, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { StudyFormModal, need } from './StudyFormModal.tsx';
import { studyApi } from './study-api.ts';

type Values = { title: string; year: number; qualification: boolean; passMark: number; questionIds: string[]; closesOn?: Dayjs | null };

/** 组卷: a fixed paper from the question bank, its pass mark and closing day, marked when it is the 资格考试. */
export function ExamPaperModal(p: { open: boolean; year: number; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const bank = useQuery({ queryKey: ['enforcement', 'study', 'questions'], queryFn: studyApi.questions, enabled: p.open });
  return (
    <StudyFormModal
      {...p}
      form={form}
      title="组卷"
      testId="study-exam-form"
      initialValues={{ year: p.year, qualification: false, passMark: 60 }}
      send={(v) => studyApi.createExam({ ...v, closesOn: v.closesOn ? v.closesOn.format('YYYY-MM-DD') : undefined })}
    >
      <Form.Item name="title" label="试卷名称" rules={need('试卷名称')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写「年度」' }]}>
        <InputNumber min={2000} max={2100} precision={0} />
      </Form.Item>
      <Form.Item
        name="passMark"
        label="及格分"
        rules={[
          { required: true, message: '请填写「及格分」' },
          { type: 'number', min: 1, max: 100, message: '「及格分」应在 1–100 之间' },
        ]}
      >
        <InputNumber precision={0} addonAfter="分" />
      </Form.Item>
      <Form.Item name="qualification" label="行政执法资格考试" valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="closesOn" label="截止日期">
        <DatePicker />
      </Form.Item>
      <Form.Item
        name="questionIds"
        label="试题（从题库选择，按选择顺序组卷）"
        rules={[
          { required: true, message: '请选择「试题」' },
          { type: 'array', max: 100, message: '「试题」不超过 100 道' },
        ]}
      >
        <Select
          mode="multiple"
          loading={bank.isLoading}
          optionFilterProp="label"
          options={bank.data?.items.map((q) => ({ value: q.id, label: `【${q.kindLabel}】${q.stem}` }))}
          aria-label="试题"
        />
      </Form.Item>
    </StudyFormModal>
  );
}
