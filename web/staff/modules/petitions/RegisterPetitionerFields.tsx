import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { useT } from '../../i18n/i18n.tsx';
import { blankPerson, type Person } from './register-input.ts';
import { residentIdProblem } from '../../../../src/kernel/codes/index.ts';
import { options, useVocab } from './vocab.ts';

const PHONE = /^[\d-]{7,20}$/;

/** 信访人 on the register form (a group's also with their role); none when an accusation is anonymous. */
export function PetitionerFields({ anonymousAllowed, anon, group }: { anonymousAllowed: boolean; anon: boolean; group: boolean }) {
  const t = useT();
  const vocab = useVocab();
  return (
    <>
      {anonymousAllowed && (
        <Form.Item name="anonymous" valuePropName="checked" extra={t('petitions.form.anonymousHelp')}>
          <Checkbox>{t('petitions.form.anonymous')}</Checkbox>
        </Form.Item>
      )}
      {!anon && (
        <Form.List
          name="petitioners"
          rules={[
            {
              validator: async (_, list?: Person[]) => {
                if (!list?.some((p) => p?.name?.trim())) throw new Error(t('petitions.form.needPerson'));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, i) => (
                <div key={field.key} className="mz-pt-person-card" data-testid={`petitioner-${i}`}>
                  <div className="mz-pt-person-head">
                    <span>{t('petitions.form.person', { n: i + 1 })}</span>
                    {fields.length > 1 && (
                      <Button
                        type="text"
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t('petitions.form.removePerson', { n: i + 1 })}
                      />
                    )}
                  </div>
                  <Row gutter={16}>
                    <Col xs={24} md={group ? 6 : 8}>
                      <Form.Item
                        name={[field.name, 'name']}
                        label={t('petitions.form.name')}
                        rules={[{ required: true, whitespace: true, message: t('common.required', { f: t('petitions.form.name') }) }, { max: 50 }]}
                      >
                        <Input maxLength={50} autoComplete="off" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={group ? 10 : 9}>
                      <Form.Item
                        name={[field.name, 'idNumber']}
                        label={t('petitions.form.idNumber')}
                        validateTrigger="onBlur"
                        rules={[
                          {
                            validator: async (_, v?: string) => {
                              const p = v ? residentIdProblem(v) : null;
                              if (p) throw new Error(p);
                            },
                          },
                        ]}
                      >
                        <Input maxLength={18} autoComplete="off" className="mz-mono" inputMode="text" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={group ? 8 : 7}>
                      <Form.Item
                        name={[field.name, 'phone']}
                        label={t('petitions.form.phone')}
                        validateTrigger="onBlur"
                        rules={[{ pattern: PHONE, message: '联系电话格式不正确' }]}
                      >
                        <Input maxLength={20} autoComplete="off" inputMode="tel" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={group ? 18 : 24}>
                      <Form.Item name={[field.name, 'address']} label={t('petitions.form.address')} rules={[{ max: 200 }]}>
                        <Input maxLength={200} autoComplete="off" />
                      </Form.Item>
                    </Col>
                    {group && (
                      <Col xs={24} md={6}>
                        <Form.Item name={[field.name, 'role']} label={t('petitions.form.role')}>
                          <Select options={options(vocab, ['信访人', '代表'])} />
                        </Form.Item>
                      </Col>
                    )}
                  </Row>
                </div>
              ))}
              <Form.ErrorList errors={errors} />
              <Button icon={<PlusOutlined />} onClick={() => add({ ...blankPerson })} disabled={fields.length >= 50}>
                {t('petitions.form.addPerson')}
              </Button>
            </>
          )}
        </Form.List>
      )}
    </>
  );
}
