import { Form, Input, Select } from 'antd';
import { StudyFormModal, need } from './StudyFormModal.tsx';
import { JUDGE_OPTIONS, LETTERS, QUESTION_KIND_LABELS, QUESTION_KINDS, studyApi, type QuestionKind } from './study-api.ts';

type Values = { kind: QuestionKind; stem: string; options?: string; answer: string[]; basis: string };

/**
 * 新增试题 for the question bank: the kind, the stem, the options (one a line, lettered A–F in order; a 判断题 has
 * 正确/错误), the key by letter and the legal basis (《法律》第…条).
 */
export function QuestionModal(p: { open: boolean; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'single';
  const lines = (Form.useWatch('options', form) ?? '').split('\n').filter((s: string) => s.trim());
  const letters = kind === 'judge' ? ['A', 'B'] : LETTERS.slice(0, Math.max(lines.length, 2));
  return (
    <StudyFormModal
      {...p}
      form={form}
      title="新增试题"
      testId="study-question-form"
      initialValues={{ kind: 'single' }}
      send={(v) =>
        studyApi.addQuestion({
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
        })
      }
    >
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
