import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useSession } from '../../app/session.ts';
import { chinaToday, enforcementApi } from './api.ts';
import { StudyFormModal, need } from './StudyFormModal.tsx';
import { REFERENCE_LAWS, studyApi } from './study-api.ts';

type Values = {
  orgUnitId: string;
  heldOn: Dayjs;
  topic: string;
  lawTitle: string;
  lawRef?: string;
  presenter: string;
  hours: number;
  attendeeIds: string[];
  materials?: string;
};

/**
 * 登记集体学法: a session already held (not after today), its topic, the law studied (optionally a text of the law
 * library), 主讲人, hours, materials and the attendance — officers of the session's unit (the clerk's own by default;
 * a bureau with subordinate units may pick one). The statistics per unit and person count it at once.
 */
export function SessionModal(p: { open: boolean; onClose: () => void; onDone: () => void }) {
  const me = useSession();
  const [form] = Form.useForm<Values>();
  const officers = useQuery({ queryKey: ['enforcement', 'officers', 'all'], queryFn: () => enforcementApi.officers({}), enabled: p.open });
  const units = [...new Map((officers.data?.items ?? []).map((o) => [o.orgUnitId, o.orgName])).entries()];
  const unit = Form.useWatch('orgUnitId', form) ?? me.orgUnit.id;
  const staff = (officers.data?.items ?? []).filter((o) => o.orgUnitId === unit);
  return (
    <StudyFormModal
      {...p}
      form={form}
      title="登记集体学法"
      testId="study-session-form"
      initialValues={{ orgUnitId: me.orgUnit.id, heldOn: chinaToday(), hours: 2 }}
      send={(v) => studyApi.recordSession({ ...v, heldOn: v.heldOn.format('YYYY-MM-DD'), materials: v.materials?.trim() || undefined })}
    >
      {units.length > 1 && (
        <Form.Item name="orgUnitId" label="单位" rules={[{ required: true, message: '请选择「单位」' }]}>
          <Select options={units.map(([value, label]) => ({ value, label }))} onChange={() => form.setFieldValue('attendeeIds', [])} aria-label="单位" />
        </Form.Item>
      )}
      <Form.Item
        name="heldOn"
        label="学习日期"
        rules={[
          { required: true, message: '请选择「学习日期」' },
          { validator: (_, d?: Dayjs) => (d && d.isAfter(chinaToday(), 'day') ? Promise.reject(new Error('「学习日期」不能晚于今天')) : Promise.resolve()) },
        ]}
      >
        <DatePicker disabledDate={(d) => d.isAfter(chinaToday(), 'day')} />
      </Form.Item>
      <Form.Item name="topic" label="学习主题" rules={need('学习主题')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="lawTitle" label="所学法律法规" rules={need('所学法律法规')}>
        <Input maxLength={100} placeholder="《中华人民共和国行政处罚法》" />
      </Form.Item>
      <Form.Item name="lawRef" label="法规库条目（可选）">
        <Select allowClear options={REFERENCE_LAWS.map((l) => ({ value: l, label: l }))} aria-label="法规库条目" />
      </Form.Item>
      <Form.Item name="presenter" label="主讲人" rules={need('主讲人')}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item
        name="hours"
        label="学时"
        rules={[
          { required: true, message: '请填写「学时」' },
          { type: 'number', min: 0.5, max: 8, message: '「学时」应在 0.5–8 之间' },
        ]}
      >
        <InputNumber step={0.5} precision={1} addonAfter="学时" />
      </Form.Item>
      <Form.Item
        name="attendeeIds"
        label={`参学人员（本单位执法人员，共 ${staff.length} 人）`}
        rules={[{ required: true, type: 'array', min: 1, message: '请选择「参学人员」' }]}
      >
        <Select
          mode="multiple"
          loading={officers.isLoading}
          optionFilterProp="label"
          options={staff.map((o) => ({ value: o.id, label: `${o.name}（${o.certNo}）` }))}
          aria-label="参学人员"
          maxTagCount="responsive"
        />
      </Form.Item>
      <Form.Item name="materials" label="学习材料（可选）" rules={[{ max: 2000, message: '「学习材料」不能超过 2000 字' }]}>
        <Input.TextArea rows={3} placeholder="讲义、课件、文件名称等" />
      </Form.Item>
    </StudyFormModal>
  );
}
