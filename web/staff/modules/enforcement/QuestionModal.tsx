import { Alert, App, Form, Input, Select } from 'antd';
import { StudyFormModal, need } from './StudyFormModal.tsx';
import { JUDGE_OPTIONS, LETTERS, QUESTION_KIND_LABELS, QUESTION_KINDS, studyApi, type BankQuestion, type QuestionKind } from './study-api.ts';

type Values = { kind: QuestionKind; stem: string; options?: string; answer: string[]; basis: string };

/**
 * 新增试题 for the question bank: the kind, the stem, the options (one a line, lettered A–F in order; a 判断题 has
 * 正确/错误), the key by letter and the legal basis (《法律》第…条). With `question` it is 修改试题, filled with it; the
 * server keeps a question already answered as it was and saves the edit as a new version (the notice says so).
 */
export function QuestionModal(p: { open: boolean; question?: BankQuestion | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const { question } = p;
  const kind = Form.useWatch('kind', form) ?? 'single';
  const lines = (Form.useWatch('options', form) ?? '').split('\n').filter((s: string) => s.trim());
  const letters = kind === 'judge' ? ['A', 'B'] : LETTERS.slice(0, Math.max(lines.length, 2));
  return (
    <StudyFormModal
      {...p}
      form={form}
      title={question ? `修改试题（第 ${question.version} 版）` : '新增试题'}
      testId="study-question-form"
      initialValues={
        question
          ? {
              kind: question.kind,
              stem: question.stem,
              options: question.kind === 'judge' ? undefined : question.options.join('\n'),
              answer: question.answer,
              basis: question.basis,
            }
          : { kind: 'single' }
      }
      send={(v) => {
        const input = {
          kind: v.kind,
          stem: v.stem,
          options:
            v.kind === 'judge'
              ? JUDGE_OPTIONS
              : (v.options ?? '')
                  .split('\n')
                  .map((s) => s.trim())
                  .filter(Boolean),
          answer: v.answer,
          basis: v.basis,
        };
        if (!question) return studyApi.addQuestion(input);
        return studyApi.editQuestion(question.id, input).then((r) => {
          if (r.newVersion) void message.info(`该题已有人作答，已另存为第 ${r.version} 版；${r.papersMoved} 份尚未考试的试卷已改用新版本。`);
        });
      }}
    >
      {question && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message="已有人作答的试题不会被改动：修改将另存为新版本，已交卷的成绩不变，尚未考试的试卷改用新版本。"
        />
      )}
      <Form.Item name="kind" label="题型" rules={[{ required: true, message: '请选择「题型」' }]}>
        <Select options={QUESTION_KINDS.map((k) => ({ value: k, label: QUESTION_KIND_LABELS[k] }))} onChange={() => form.setFieldValue('answer', [])} />
      </Form.Item>
      <Form.Item name="stem" label="题干" rules={need('题干')}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
      {kind !== 'judge' && (
        <Form.Item
          name="options"
          label="选项（每行一个，依次为 A、B、C…）"
          rules={[
            ...need('选项'),
            {
              validator: (_, v?: string) => {
                const n = (v ?? '').split('\n').filter((s) => s.trim()).length;
                return n >= 2 && n <= LETTERS.length ? Promise.resolve() : Promise.reject(new Error(`「选项」应为 2–${LETTERS.length} 个`));
              },
            },
          ]}
        >
          <Input.TextArea rows={4} />
        </Form.Item>
      )}
      <Form.Item
        name="answer"
        label="答案"
        rules={[
          { required: true, message: '请选择「答案」' },
          {
            validator: (_, v?: string[]) =>
              kind !== 'multiple' && (v?.length ?? 0) > 1 ? Promise.reject(new Error('单选题和判断题只有一个答案')) : Promise.resolve(),
          },
        ]}
      >
        <Select mode="multiple" options={letters.map((l, i) => ({ value: l, label: kind === 'judge' ? `${l}．${JUDGE_OPTIONS[i]}` : l }))} aria-label="答案" />
      </Form.Item>
      <Form.Item
        name="basis"
        label="法律依据"
        rules={[...need('法律依据'), { pattern: /《.+》.*第.+条/, message: '「法律依据」应写明法律名称和条款，如《中华人民共和国行政处罚法》第二十九条' }]}
      >
        <Input maxLength={200} placeholder="《中华人民共和国行政处罚法》第二十九条" />
      </Form.Item>
    </StudyFormModal>
  );
}
