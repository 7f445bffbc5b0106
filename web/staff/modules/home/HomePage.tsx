import { CheckCircleFilled, CloseCircleFilled, RightOutlined } from '@ant-design/icons';
import { Alert, Col, Descriptions, Row, Skeleton, Tag } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router-dom';
import { homeShortcuts, UPCOMING, visibleBusinessModules } from '../../app/nav.tsx';
import { PageFrame } from '../../app/PageFrame.tsx';
import { useCan, useSession, widestScope } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useHealth } from '../../shared/use-health.ts';
import { Panel } from '../../shared/Panel.tsx';
import { RoleTags } from '../../shared/RoleTags.tsx';

/**
 * The workbench (antd's table, tabs, select and search: ~110 KB gzip) is its own chunk, fetched
 * beside this page's (router.tsx starts both at once), so the greeting and menu paint without it;
 * it shows once the modules' messages are here too (PageFrame.tsx).
 */
const WorklistCard = lazy(() => import('../worklist/WorklistCard.tsx').then((m) => ({ default: m.WorklistCard })));

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
  const links = homeShortcuts(can);
  const business = visibleBusinessModules(can);
  const systemAdmin = can('user.manage');
  const softTotpWarning = me.permissions.some((p) => p.endsWith('.manage')) && !me.user.totpEnabled && !me.totpEnrolmentRequired;

  return (
    <div className="mz-page">
      <Panel className="mz-welcome">
        <div className="mz-welcome-head">
          <h1 className="mz-welcome-title">{t(greetingKey(new Date().getHours()), { name: me.user.displayName })}</h1>
          <span className="mz-welcome-sub">
            {t('home.identity', { org: me.orgUnit.name, area: me.areaName })}
            {scope && <Tag className="mz-scope-tag-light">{t('common.titled', { a: t('scope.label'), b: t(`scope.${scope}`) })}</Tag>}
          </span>
          <span className="mz-welcome-roles">
            <span className="mz-muted">{t('common.colon', { a: t('home.roles') })}</span>
            <RoleTags roles={me.roles} />
          </span>
          <span className="mz-muted mz-welcome-date">{dayjs().format(t('home.dateFormat'))}</span>
        </div>
      </Panel>
      {softTotpWarning && (
        <Alert type="warning" showIcon className="mz-banner" title={t('home.totpWarn')} action={<Link to="/profile">{t('nav.profile')}</Link>} />
      )}
      <Suspense
        fallback={
          <Panel className="mz-card">
            <Skeleton active />
          </Panel>
        }
      >
        {/* Its case types and steps may use any module's words, and its drawer antd's message. */}
        <PageFrame>
          <WorklistCard />
        </PageFrame>
      </Suspense>
      <Row gutter={[16, 16]} className="mz-gap">
        <Col xs={24} lg={12}>
          <Panel title={t('home.modules')} className="mz-card mz-card-fill">
            <p className="mz-muted" style={{ marginTop: 0 }}>
              {t('home.modulesNote')}
            </p>
            <div className="mz-module-grid">
              {business.map((m) => (
                <Link key={m.key} to={m.entries[0]!.path} className="mz-module-tile">
                  <span className="mz-module-icon">{m.icon}</span>
                  <span className="mz-module-name">{t(m.label)}</span>
                </Link>
              ))}
              {UPCOMING.map((m) => (
                <div key={m.key} className="mz-module-tile" aria-disabled="true">
                  <span className="mz-module-icon">{m.icon}</span>
                  <span className="mz-module-name">{t(m.label)}</span>
                  <Tag variant="outlined" className="mz-building-tag">
                    {t('nav.building')}
                  </Tag>
                </div>
              ))}
            </div>
          </Panel>
        </Col>
        <Col xs={24} md={12} lg={6}>
          <Panel title={t('home.quick')} className="mz-card mz-card-fill">
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
          </Panel>
        </Col>
        <Col xs={24} md={12} lg={6}>
          <Panel title={t('home.health')} className="mz-card mz-card-fill" testId="health-card">
            {health.isPending ? (
              <Skeleton active paragraph={{ rows: 2 }} />
            ) : (
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('common.status')}>
                  {health.data?.status === 'ok' ? (
                    <span className="mz-ok">
                      <CheckCircleFilled /> {t('home.health.ok')}
                    </span>
                  ) : (
                    <span className="mz-bad">
                      <CloseCircleFilled /> {t('home.health.bad')}
                    </span>
                  )}
                </Descriptions.Item>
                {/* The database and the version are for whoever runs the system, not for a clerk. */}
                {systemAdmin && (
                  <Descriptions.Item label={t('home.health.db')}>
                    {health.data?.db === 'postgres' ? 'PostgreSQL' : health.data?.db === 'pglite' ? t('home.health.pglite') : '—'}
                  </Descriptions.Item>
                )}
                {systemAdmin && <Descriptions.Item label={t('home.health.version')}>{health.data?.version ?? '—'}</Descriptions.Item>}
              </Descriptions>
            )}
          </Panel>
        </Col>
      </Row>
    </div>
  );
}
