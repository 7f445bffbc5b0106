import { useQuery } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, InputNumber, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { StudyFormModal, need } from './StudyFormModal.tsx';
import { studyApi, type ExamRow } from './study-api.ts';

type Values = { title: string; year: number; qualification: boolean; passMark: number; questionIds: string[]; closesOn?: Dayjs | null };

/**
 * 组卷: a fixed paper from the question bank, its pass mark and closing day, marked when it is the 资格考试. With `exam`
 * it is 修改试卷, filled with it; once someone has submitted, only the name and the closing day stay open (the server
 * refuses the rest with the reason).
 */
export function ExamPaperModal(p: { open: boolean; year: number; exam?: ExamRow | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const { exam } = p;
  const fixed = !!exam && exam.taken > 0;
  const bank = useQuery({ queryKey: ['enforcement', 'study', 'questions'], queryFn: studyApi.questions, enabled: p.open });
  const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : exam ? null : undefined);
  return (
    <StudyFormModal
      {...p}
      form={form}
      title={exam ? '修改试卷' : '组卷'}
      testId="study-exam-form"
      initialValues={
        exam
          ? {
              title: exam.title,
              year: exam.year,
              qualification: exam.qualification,
              passMark: exam.passMark,
              questionIds: exam.questionIds,
              closesOn: exam.closesOn ? dayjs(exam.closesOn) : null,
            }
          : { year: p.year, qualification: false, passMark: 60 }
      }
      send={(v) => {
        const input = { ...v, closesOn: day(v.closesOn) };
        if (!exam) return studyApi.createExam(input);
        return studyApi.editExam(exam.id, fixed ? { title: v.title, closesOn: input.closesOn } : input);
      }}
    >
      {fixed && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`已有 ${exam.taken} 人交卷：试题、及格分、年度和资格考试标记已固定（成绩和结业证明以交卷时的试卷为准），只能修改名称和截止日期。`}
        />
      )}
      <Form.Item name="title" label="试卷名称" rules={need('试卷名称')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写「年度」' }]}>
        <InputNumber min={2000} max={2100} precision={0} disabled={fixed} />
      </Form.Item>
      <Form.Item
        name="passMark"
        label="及格分"
        rules={[
          { required: true, message: '请填写「及格分」' },
          { type: 'number', min: 1, max: 100, message: '「及格分」应在 1–100 之间' },
        ]}
      >
        <InputNumber precision={0} addonAfter="分" disabled={fixed} />
      </Form.Item>
      <Form.Item name="qualification" label="行政执法资格考试" valuePropName="checked">
        <Switch disabled={fixed} />
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
          disabled={fixed}
          loading={bank.isLoading}
          optionFilterProp="label"
          options={[
            ...(bank.data?.items.map((q) => ({ value: q.id, label: `【${q.kindLabel}】${q.stem}` })) ?? []),
            // A taken paper keeps the earlier version of a question that has since been edited.
            ...(bank.data ? (exam?.questionIds ?? []).filter((id) => !bank.data.items.some((q) => q.id === id)) : []).map((id) => ({
              value: id,
              label: '（旧版试题，已有新版本）',
            })),
          ]}
          aria-label="试题"
        />
      </Form.Item>
    </StudyFormModal>
  );
}
