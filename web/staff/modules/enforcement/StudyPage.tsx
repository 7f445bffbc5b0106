import { lawHref } from '../../shared/LawBasis.tsx';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Select, Space, Tabs, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { useCan } from '../../app/session.ts';
import { PlanModal } from './PlanModal.tsx';
import { SessionModal } from './SessionModal.tsx';
import { studyApi, type PersonStat, type PlanRow, type SessionRow, type UnitStat } from './study-api.ts';
import './enforcement.css';
import { DataTable } from '../../shared/DataTable.tsx';

/** 学法用法: 集体学法 sessions with attendance, each unit's plan, and the statistics per unit and person. */
export function StudyPage() {
  const t = useT();
  const can = useCan();
  const qc = useQueryClient();
  const [planOpen, setPlanOpen] = useState(false);
  const [plan, setPlan] = useState<PlanRow | null>(null);
  const [sessionOpen, setSessionOpen] = useState(false);
  const sessions = useQuery({ queryKey: ['enforcement', 'study', 'sessions'], queryFn: () => studyApi.sessions() });
  const latest = Number(sessions.data?.items[0]?.heldOn.slice(0, 4)) || new Date().getFullYear();
  const [picked, setYear] = useState<number | undefined>();
  const year = picked ?? latest;
  const stats = useQuery({ queryKey: ['enforcement', 'study', 'stats', year], queryFn: () => studyApi.stats(year), enabled: !!sessions.data });
  const plans = useQuery({ queryKey: ['enforcement', 'study', 'plans', year], queryFn: () => studyApi.plans(year), enabled: !!sessions.data });
  const years = Array.from({ length: new Date().getFullYear() - 2017 }, (_, i) => 2018 + i).reverse();
  const sessionCols: TableProps<SessionRow>['columns'] = [
    { title: t('enforcement.s.heldOn'), dataIndex: 'heldOn', width: 110 },
    { title: t('enforcement.o.org'), dataIndex: 'orgName' },
    { title: t('enforcement.s.topic'), dataIndex: 'topic' },
    {
      title: t('enforcement.s.law'),
      dataIndex: 'lawTitle',
      render: (v: string, r) =>
        r.lawRef ? (
          <Link to={lawHref(r.lawRef)} title={`法规库：${r.lawRef}`}>
            <Tag color="blue">{v}</Tag>
          </Link>
        ) : (
          v
        ),
    },
    { title: t('enforcement.s.presenter'), dataIndex: 'presenter' },
    { title: t('enforcement.s.hours'), dataIndex: 'hours', align: 'right' },
    { title: t('enforcement.s.attendance'), dataIndex: 'attendance', align: 'right' },
    { title: t('enforcement.s.materials'), dataIndex: 'materials', ellipsis: true, render: (v: string | null) => v ?? '—' },
  ];
  const unitCols: TableProps<UnitStat>['columns'] = [
    { title: t('enforcement.o.org'), dataIndex: 'orgName' },
    { title: t('enforcement.o.total'), dataIndex: 'officers', align: 'right' },
    { title: t('enforcement.st.held'), dataIndex: 'sessionsHeld', align: 'right' },
    { title: t('enforcement.st.avgHours'), dataIndex: 'avgHours', align: 'right' },
    { title: t('enforcement.st.planHours'), dataIndex: 'planHours', align: 'right', render: (v: number | null) => v ?? '—' },
    { title: t('enforcement.st.passed'), dataIndex: 'examsPassed', align: 'right' },
  ];
  const personCols: TableProps<PersonStat>['columns'] = [
    { title: t('enforcement.o.name'), dataIndex: 'name' },
    { title: t('enforcement.o.org'), dataIndex: 'orgName' },
    { title: t('enforcement.st.sessions'), dataIndex: 'sessions', align: 'right' },
    { title: t('enforcement.s.hours'), dataIndex: 'hours', align: 'right' },
    { title: t('enforcement.st.passed'), dataIndex: 'examsPassed', align: 'right' },
    {
      title: t('enforcement.o.qualification'),
      dataIndex: 'qualificationPassedOn',
      render: (v: string | null) => (v ? <Tag color="green">{v} 通过</Tag> : '—'),
    },
  ];
  return (
    <div className="mz-page mz-enf" data-testid="enforcement-study-page">
      <PageHeader
        title={t('enforcement.nav.study')}
        desc={t('enforcement.study.desc')}
        extra={
          <Space wrap>
            {can('enforcement.officers') && (
              <>
                <Button type="primary" onClick={() => setSessionOpen(true)} data-testid="study-session-new">
                  {t('enforcement.study.newSession')}
                </Button>
                <Button onClick={() => setPlanOpen(true)} data-testid="study-plan-new">
                  登记学法计划
                </Button>
              </>
            )}
            <Link to="/enforcement/exams">{t('enforcement.nav.exams')}</Link>
          </Space>
        }
      />
      <PlanModal
        key={plan?.id ?? 'new'}
        open={planOpen}
        year={year}
        plan={plan}
        onClose={() => {
          setPlanOpen(false);
          setPlan(null);
        }}
        onDone={() => qc.invalidateQueries({ queryKey: ['enforcement', 'study'] })}
      />
      <SessionModal open={sessionOpen} onClose={() => setSessionOpen(false)} onDone={() => qc.invalidateQueries({ queryKey: ['enforcement', 'study'] })} />
      {sessions.error && <QueryError error={sessions.error} />}
      <Tabs
        items={[
          {
            key: 'sessions',
            label: t('enforcement.study.sessions'),
            children: (
              <DataTable rowKey="id" size="middle" columns={sessionCols} dataSource={sessions.data?.items} loading={sessions.isLoading} scroll={{ x: 760 }} />
            ),
          },
          {
            key: 'stats',
            label: t('enforcement.study.stats'),
            children: (
              <>
                <Card className="mz-card" style={{ marginBottom: 12 }}>
                  <Space wrap>
                    <span>{t('enforcement.st.year')}</span>
                    <Select
                      aria-label={t('enforcement.st.year')}
                      value={year}
                      onChange={setYear}
                      options={years.map((y) => ({ value: y, label: `${y}年` }))}
                      style={{ width: 110 }}
                    />
                    {plans.data?.items.map((p) => (
                      <Tag key={p.id}>
                        {p.orgName}：{p.title}，计划 {p.targetHours} 学时，已学 {p.heldHours} 学时
                        {can('enforcement.officers') && (
                          <Button
                            type="link"
                            size="small"
                            onClick={() => {
                              setPlan(p);
                              setPlanOpen(true);
                            }}
                            aria-label={`${t('enforcement.e.edit')} ${p.orgName} ${p.title}`}
                          >
                            {t('enforcement.e.edit')}
                          </Button>
                        )}
                      </Tag>
                    ))}
                  </Space>
                </Card>
                {stats.error && <QueryError error={stats.error} />}
                <h2 className="mz-enf-h2">{t('enforcement.st.byUnit')}</h2>
                <DataTable
                  rowKey="orgUnitId"
                  size="small"
                  columns={unitCols}
                  dataSource={stats.data?.units}
                  loading={stats.isLoading}
                  pagination={false}
                  scroll={{ x: 600 }}
                />
                <h2 className="mz-enf-h2">{t('enforcement.st.byPerson')}</h2>
                <DataTable rowKey="id" size="small" columns={personCols} dataSource={stats.data?.people} loading={stats.isLoading} scroll={{ x: 600 }} />
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
