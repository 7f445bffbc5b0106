import { Alert, Card, Col, Descriptions, Row } from 'antd';
import { useSession, widestScope } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { RoleTags } from '../../shared/RoleTags.tsx';
import { PasswordCard } from './PasswordCard.tsx';
import { TotpCard } from './TotpCard.tsx';

export function ProfilePage() {
  const t = useT();
  const me = useSession();
  const scope = widestScope(me);
  return (
    <div className="mz-page">
      <PageHeader title={t('nav.profile')} />
      {me.user.mustChangePassword && <Alert type="warning" showIcon title={t('profile.mustChange')} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Card className="mz-card" title={t('profile.account')}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('user.username')}>
                <span className="mz-mono">{me.user.username}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('user.displayName')}>{me.user.displayName}</Descriptions.Item>
              <Descriptions.Item label={t('user.orgUnit')}>{me.orgUnit.name}</Descriptions.Item>
              <Descriptions.Item label={t('user.area')}>{me.areaName}</Descriptions.Item>
              <Descriptions.Item label={t('scope.label')}>{scope ? t(`scope.${scope}`) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('home.roles')}>
                <RoleTags roles={me.roles} />
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <PasswordCard />
          <div className="mz-gap" />
          <TotpCard />
        </Col>
      </Row>
    </div>
  );
}
