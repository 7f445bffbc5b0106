import { Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { useT } from '../../i18n/i18n.tsx';
import { ORIGINAL_FORMS, SOURCE_BODIES, STAFF_CHANNELS } from './api.ts';
import { options, useVocab } from './vocab.ts';

/** 登记方式 on the register form: a 来访's kind and group size, or the body a 上级转来 matter came from. */
export function ChannelFields({ channel, group }: { channel: string | undefined; group: boolean }) {
  const t = useT();
  const vocab = useVocab();
  return (
    <>
      <Form.Item
        name="channel"
        label={t('petitions.form.channel')}
        rules={[{ required: true, message: t('common.required', { f: t('petitions.form.channel') }) }]}
      >
        <Radio.Group optionType="button" buttonStyle="solid" options={options(vocab, STAFF_CHANNELS)} />
      </Form.Item>
      {channel === '来访' && (
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="visitKind" label={t('petitions.form.visitKind')}>
              <Radio.Group
                options={[
                  { value: 'individual', label: t('petitions.form.visit.individual') },
                  { value: 'group', label: t('petitions.form.visit.group') },
                ]}
              />
            </Form.Item>
          </Col>
          {group && (
            <>
              <Col xs={8} md={5}>
                <Form.Item
                  name="visitBatch"
                  label={t('petitions.form.visitBatch')}
                  rules={[{ required: true, message: t('common.required', { f: t('petitions.form.visitBatch') }) }]}
                >
                  <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={8} md={5}>
                <Form.Item
                  name="visitPersons"
                  label={t('petitions.form.visitPersons')}
                  rules={[
                    { required: true, message: t('common.required', { f: t('petitions.form.visitPersons') }) },
                    { type: 'number', min: 2, message: t('petitions.form.groupPersons') },
                  ]}
                >
                  <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={8} md={6}>
                <Form.Item name="representatives" label={t('petitions.form.representatives')} tooltip={t('petitions.form.representativesHelp')}>
                  <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
      )}
      {channel === '上级转来' && (
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item
              name="sourceBody"
              label={t('petitions.form.sourceBody')}
              rules={[{ required: true, message: t('common.required', { f: t('petitions.form.sourceBody') }) }]}
            >
              <Select options={options(vocab, SOURCE_BODIES)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={7}>
            <Form.Item
              name="originalForm"
              label={t('petitions.form.originalForm')}
              tooltip={t('petitions.form.originalFormHelp')}
              rules={[{ required: true, message: t('common.required', { f: t('petitions.form.originalForm') }) }]}
            >
              <Select options={options(vocab, ORIGINAL_FORMS)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={7}>
            <Form.Item name="sourceRef" label={t('petitions.form.sourceRef')} rules={[{ max: 100 }]}>
              <Input maxLength={100} placeholder={t('petitions.form.sourceRefPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
      )}
    </>
  );
}
