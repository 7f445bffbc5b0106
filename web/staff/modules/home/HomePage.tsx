import { CheckCircleFilled, CloseCircleFilled, InboxOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Descriptions, Row, Skeleton, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { ADMIN_ENTRIES, UPCOMING } from '../../app/nav.tsx';
import { useCan, useSession, widestScope } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useHealth } from '../../shared/use-health.ts';
import { RoleTags } from './RoleTags.tsx';

function greetingKey(hour: number) {
  if (hour < 12) return 'home.greeting.morning' as const;
  if (hour < 18) return 'home.greeting.afternoon' as const;
  return 'home.greeting.evening' as const;
}

export function HomePage() {
  const t = useT();
  const me = useSession();
  const can = useCan();
  const health = useHealth();
  const scope = widestScope(me);
  const links = ADMIN_ENTRIES.filter((e) => can(e.permission));
  const softTotpWarning = me.permissions.some((p) => p.endsWith('.manage')) && !me.user.totpEnabled && !me.totpEnrolmentRequired;

  return (
    <div className="mz-page">
      <Card className="mz-welcome" variant="borderless">
        <div className="mz-welcome-head">
          <h1 className="mz-welcome-title">{t(greetingKey(new Date().getHours()), { name: me.user.displayName })}</h1>
          <span className="mz-muted">{dayjs().format(t('home.dateFormat'))}</span>
        </div>
        <p className="mz-welcome-sub">
          {t('home.identity', { org: me.orgUnit.name, area: me.areaName })}
          {scope && <Tag className="mz-scope-tag-light">{t('common.titled', { a: t('scope.label'), b: t(`scope.${scope}`) })}</Tag>}
        </p>
        <div className="mz-welcome-roles">
          <span className="mz-muted">{t('common.colon', { a: t('home.roles') })}</span>
          <RoleTags roles={me.roles} />
        </div>
      </Card>
      {softTotpWarning && (
        <Alert type="warning" showIcon className="mz-banner" title={t('home.totpWarn')} action={<Link to="/profile">{t('nav.profile')}</Link>} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card title={t('home.todo')} className="mz-card" data-testid="todo-card">
            <div className="mz-todo-empty">
              <InboxOutlined className="mz-todo-icon" />
              <p className="mz-todo-text">{t('home.todoEmpty')}</p>
              <p className="mz-muted">{t('home.todoNote')}</p>
            </div>
          </Card>
          <Card title={t('home.modules')} className="mz-card mz-gap">
            <p className="mz-muted" style={{ marginTop: 0 }}>{t('home.modulesNote')}</p>
            <div className="mz-module-grid">
              {UPCOMING.map((m) => (
                <div key={m.key} className="mz-module-tile" aria-disabled="true">
                  <span className="mz-module-icon">{m.icon}</span>
                  <span className="mz-module-name">{t(m.label)}</span>
                  <Tag variant="outlined" className="mz-building-tag">{t('nav.building')}</Tag>
                </div>
              ))}
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('home.quick')} className="mz-card">
            {links.length === 0 && <p className="mz-muted">{t('home.quickEmpty')}</p>}
            <ul className="mz-quick-links">
              {links.map((e) => (
                <li key={e.path}>
                  <Link to={e.path}>
                    <span className="mz-quick-icon">{e.icon}</span>
                    <span>{t(e.label)}</span>
                    <RightOutlined className="mz-quick-arrow" />
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
          <Card title={t('home.health')} className="mz-card mz-gap" data-testid="health-card">
            {health.isPending ? (
              <Skeleton active paragraph={{ rows: 2 }} />
            ) : (
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('common.status')}>
                  {health.data?.status === 'ok' ? (
                    <span className="mz-ok"><CheckCircleFilled /> {t('home.health.ok')}</span>
                  ) : (
                    <span className="mz-bad"><CloseCircleFilled /> {t('home.health.bad')}</span>
                  )}
                </Descriptions.Item>
                <Descriptions.Item label={t('home.health.db')}>{health.data?.db === 'postgres' ? 'PostgreSQL' : health.data?.db === 'pglite' ? t('home.health.pglite') : '—'}</Descriptions.Item>
                <Descriptions.Item label={t('home.health.version')}>{health.data?.version ?? '—'}</Descriptions.Item>
              </Descriptions>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
