import { Checkbox, Col, Form, Input, Row } from 'antd';
import { useT } from '../../i18n/i18n.tsx';
import { OrgUnitSelect } from '../../shared/OrgUnitSelect.tsx';

/** 收到日期 and 重大、紧急 (第二十五条) on the register form. */
export function ReceiptFields({ urgent }: { urgent: boolean }) {
  const t = useT();
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="receivedOn" label={t('petitions.form.receivedOn')} tooltip={t('petitions.form.receivedOnHelp')}>
            <Input type="date" max={new Date().toISOString().slice(0, 10)} data-testid="received-on" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="urgent" valuePropName="checked" label=" " extra={t('petitions.form.urgentHelp')}>
            <Checkbox data-testid="urgent">{t('petitions.form.urgent')}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
      {urgent && (
        <Form.Item
          name="urgentNote"
          label={t('petitions.form.urgentNote')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { f: t('petitions.form.urgentNote') }) }, { max: 2000 }]}
        >
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      )}
    </>
  );
}

/** 被投诉机关, and for 检举控告 the 被检举对象 (never sent the item, 第三十条第三款). */
export function ComplaintFields({ accusation }: { accusation: boolean }) {
  const t = useT();
  return (
    <Row gutter={16}>
      <Col xs={24} md={accusation ? 8 : 24}>
        <Form.Item name="complainedOrg" label={t('petitions.form.complainedOrg')} tooltip={t('petitions.form.complainedOrgHelp')} rules={[{ max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      {accusation && (
        <>
          <Col xs={24} md={8}>
            <Form.Item name="accusedName" label={t('petitions.form.accusedName')} tooltip={t('petitions.form.accusedHelp')} rules={[{ max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="accusedOrgId" label={t('petitions.form.accusedOrg')}>
              <OrgUnitSelect allowClear aria-label={t('petitions.form.accusedOrg')} />
            </Form.Item>
          </Col>
        </>
      )}
    </Row>
  );
}
