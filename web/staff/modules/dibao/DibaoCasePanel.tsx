import { AuditOutlined, EyeInvisibleOutlined, EyeOutlined, FieldTimeOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Input, Modal, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';
import { QueryError } from '../../shared/QueryError.tsx';
import type { CaseTypePanelProps } from '../cases/type-panels.tsx';
import { dibaoApi, yuan, type ApplicationIdentities, type CheckResult } from './api.ts';
import { PublishCard } from './PublishCard.tsx';
import { CountyVisitCard } from './CountyVisitCard.tsx';
import './dibao.css';
import { DataTable } from '../../shared/DataTable.tsx';

const statusColor: Record<string, string> = { 一致: 'green', 不一致: 'orange', 未查到: 'default', 查询失败: 'red' };

/** 低保 part of the case page: approving level, household, 核对 per source, 入户调查, 公示 and objections, eligibility and benefit steps. */
export function DibaoCasePanel({ c, run }: CaseTypePanelProps) {
  const t = useT();
  const { message } = App.useApp();
  const [extending, setExtending] = useState(false);
  const [reasons, setReasons] = useState('');
  const [full, setFull] = useState<{ state: 'idle' | 'loading' } | { state: 'shown'; ids: Map<string, string> } | { state: 'refused'; message: string }>({
    state: 'idle',
  });
  const q = useQuery({ queryKey: ['dibao', 'application', c.id, c.version], queryFn: () => dibaoApi.application(c.id), staleTime: 0 });
  if (q.isPending)
    return (
      <Card className="mz-card">
        <Skeleton active paragraph={{ rows: 4 }} />
      </Card>
    );
  if (q.isError) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  const d = q.data.dibao;
  // 近亲属备案 cases are decided by the county even where approval is delegated.
  const township = d.authority === 'township' && !d.relativeOfStaff;
  // 报送县级确认 is 低保's one hand-off: offered where the server's hand-off rule allows it (workflow.ts).
  const canSubmit = c.actions.canHandoff;
  const memberKey = (m: { name: string; relation: string; idNumberMasked: string }) => `${m.name}|${m.relation}|${m.idNumberMasked}`;
  const showFull = async () => {
    setFull({ state: 'loading' });
    try {
      const r: ApplicationIdentities = await dibaoApi.identities(c.id);
      if (r.piiShown) setFull({ state: 'shown', ids: new Map(r.members.map((m) => [memberKey(m), m.idNumber ?? m.idNumberMasked])) });
      else setFull({ state: 'refused', message: t('dibao.panel.fullRefused') });
    } catch (e) {
      setFull({ state: 'refused', message: e instanceof ApiError ? e.title : t('dibao.panel.fullRefused') });
    }
  };
  const submitCounty = async () => {
    try {
      await run(() => dibaoApi.submitCounty(c.id));
      message.success(`已报送${d.countyBureau?.name ?? '县级民政部门'}，待签收`);
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : String(e));
    }
  };
  const extendSpecial = async () => {
    try {
      await run(() => dibaoApi.extendSpecial(c.id, reasons));
      setExtending(false);
      message.success('已批准按特殊情况延长，审核确认总时限自受理日起计算');
    } catch (err) {
      message.error(err instanceof ApiError ? err.title : String(err));
    }
  };
  const e = d.eligibility;
  return (
    <Card
      className="mz-card mz-db-panel"
      data-testid="dibao-panel"
      title={
        <span>
          <AuditOutlined /> {t('dibao.panel.title')}
        </span>
      }
    >
      <Alert
        type={township ? 'info' : 'warning'}
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="dibao-level"
        message={
          <span className="mz-db-level">
            {t('dibao.panel.level')}：<strong>{d.approvingLevel}</strong>
          </span>
        }
        description={
          <>
            {t(township ? 'dibao.panel.levelHint.township' : 'dibao.panel.levelHint.county')}
            {d.delegation ? `依据：${d.delegation.document}（${d.delegation.effectiveFrom} 起）。` : ''}
            {d.acceptedOn ? ` 受理日 ${d.acceptedOn} 的配置管到本案结束。` : ' 受理时按当日配置确定。'}
            {d.relativeOfStaff ? ` ${t('dibao.rel.rule')}` : ''}
            {canSubmit && (
              <div style={{ marginTop: 8 }}>
                <Button type="primary" icon={<SendOutlined />} onClick={submitCounty} data-testid="dibao-submit-county">
                  {t('dibao.panel.submitCounty')}
                </Button>
              </div>
            )}
          </>
        }
      />
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        bordered
        title={t('dibao.panel.household')}
        extra={<Link to={`/dibao/households/${d.household.id}`}>{t('dibao.panel.openHousehold')}</Link>}
      >
        <Descriptions.Item label="所在地">
          {d.countyName} {d.household.areaName}
        </Descriptions.Item>
        <Descriptions.Item label="类别">
          {d.household.kind === 'urban' ? '城市' : '农村'} · {d.channel}
        </Descriptions.Item>
        <Descriptions.Item label="家庭月收入">{yuan(d.household.incomeCents)} 元</Descriptions.Item>
        <Descriptions.Item label="受理">
          {d.acceptedOn ?? '未受理'}
          {d.special ? `（特殊情况：${d.specialReason}）` : ''}
          {d.canExtendSpecial && (
            <div style={{ marginTop: 4 }}>
              <Button size="small" icon={<FieldTimeOutlined />} onClick={() => setExtending(true)} data-testid="dibao-extend-special">
                {t('dibao.panel.extendSpecial')}
              </Button>
              <Modal
                open={extending}
                title={t('dibao.panel.extendSpecial')}
                okText={t('dibao.panel.extendSpecial')}
                okButtonProps={{ disabled: reasons.trim().length < 5 }}
                onOk={extendSpecial}
                onCancel={() => setExtending(false)}
              >
                <p className="mz-muted">{t('dibao.panel.extendSpecialHint')}</p>
                <Input.TextArea
                  rows={3}
                  aria-label={t('dibao.panel.extendSpecialReasons')}
                  placeholder={t('dibao.panel.extendSpecialReasons')}
                  value={reasons}
                  onChange={(ev) => setReasons(ev.target.value)}
                />
              </Modal>
            </div>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="决定">{d.decision ? `${d.decision} ${d.decidedOn}` : '—'}</Descriptions.Item>
        {d.relativeOfStaff && (
          <Descriptions.Item label="备案">
            <Tag color="red">近亲属单独登记备案</Tag>
          </Descriptions.Item>
        )}
      </Descriptions>
      <div className="mz-db-full">
        {full.state === 'shown' ? (
          <Button size="small" icon={<EyeInvisibleOutlined />} onClick={() => setFull({ state: 'idle' })}>
            {t('dibao.hh.hideFull')}
          </Button>
        ) : (
          <Button size="small" icon={<EyeOutlined />} loading={full.state === 'loading'} onClick={showFull} data-testid="show-full-identity">
            {t('dibao.hh.showFull')}
          </Button>
        )}
      </div>
      {full.state === 'refused' && <Alert type="info" showIcon role="status" title={full.message} data-testid="pii-refused" />}
      {full.state === 'shown' && <Alert type="warning" showIcon title={t('dibao.panel.fullNote')} />}
      <DataTable
        size="small"
        style={{ marginTop: 8 }}
        rowKey={(m) => m.idNumberMasked}
        pagination={false}
        scroll={{ x: 560 }}
        dataSource={d.household.members}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '关系', dataIndex: 'relation' },
          {
            title: '身份证号',
            className: 'mz-mono',
            render: (_v, m) => (full.state === 'shown' ? (full.ids.get(memberKey(m)) ?? m.idNumberMasked) : m.idNumberMasked),
          },
          { title: '健康/残疾', render: (_v, m) => `${m.health} / ${m.disability}` },
          { title: '劳动能力', dataIndex: 'workAbility' },
          { title: '保障', render: (_v, m) => (m.active ? (m.insured ? '是' : '否') : '已减员') },
        ]}
      />
      {d.missingMaterials?.items?.length ? (
        <Alert
          style={{ marginTop: 12 }}
          type={d.missingMaterials.toldOn ? 'warning' : 'info'}
          message={`${t('dibao.panel.missing')}${d.missingMaterials.toldOn ? `（${d.missingMaterials.toldOn} 告知）` : '（登记时未交）'}`}
          description={d.missingMaterials.items.join('、')}
        />
      ) : null}
      {d.checks && (
        <>
          <h3 className="mz-db-h">{t('dibao.panel.checks', { agency: d.checks.agency, on: d.checkedOn ?? '—' })}</h3>
          <DataTable<CheckResult>
            size="small"
            rowKey="source"
            pagination={false}
            dataSource={d.checks.results}
            data-testid="dibao-checks"
            columns={[
              { title: '来源', dataIndex: 'source', width: 90 },
              { title: '结果', dataIndex: 'status', width: 90, render: (v: string) => <Tag color={statusColor[v]}>{v}</Tag> },
              { title: '说明', dataIndex: 'detail' },
            ]}
          />
        </>
      )}
      {d.investigation && (
        <>
          <h3 className="mz-db-h">{t('dibao.panel.investigation')}</h3>
          <ul className="mz-db-steps" data-testid="dibao-investigation">
            {d.investigation.rounds.map((r, i) => (
              <li key={i}>
                {r.date} · 调查人员 {r.staff.join('、')}（{r.staff.length} 人）：{r.findings}
              </li>
            ))}
          </ul>
          {d.appraisal && (
            <p>
              民主评议 {d.appraisal.date}：{d.appraisal.participants} 人参加，{d.appraisal.result}
            </p>
          )}
          {d.townshipOpinion && (
            <p>
              乡镇审核意见（{d.townshipOpinion.on}）：<Tag>{d.townshipOpinion.opinion}</Tag>
              {d.townshipOpinion.text}
            </p>
          )}
        </>
      )}
      {(d.publicity.round > 0 || d.objections.length > 0) && (
        <>
          <h3 className="mz-db-h">{t('dibao.panel.publicity')}</h3>
          <p data-testid="dibao-publicity">
            第 {d.publicity.round} 次公示：{d.publicity.from} 至 {d.publicity.to}
          </p>
          {d.objections.length > 0 && (
            <Alert
              type="warning"
              message={`${t('dibao.panel.objections')}(${d.objections.length})`}
              data-testid="dibao-objections"
              description={
                <ul className="mz-db-steps">
                  {d.objections.map((o) => (
                    <li key={o.id}>
                      {o.on} 第 {o.round} 次公示期间，{o.objector}：{o.content} →{' '}
                      {o.review
                        ? `${o.review.date} 复查（${o.review.staff.join('、')}）：${o.review.result === '属实' ? '异议属实，拟不同意' : '异议不属实，重新公示'}。${o.review.findings}`
                        : '复查中'}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
        </>
      )}
      {e && (
        <>
          <h3 className="mz-db-h">{t('dibao.panel.eligibility', { on: e.onDate })}</h3>
          <ul className="mz-db-steps" data-testid="dibao-eligibility">
            {e.checks.map((k) => (
              <li key={k.rule}>
                <Tag color={k.ok ? 'green' : k.advisory ? 'orange' : 'red'}>{k.ok ? '符合' : k.advisory ? '提示' : '不符合'}</Tag>
                {k.rule}：{k.detail}
                <span className="mz-muted">（{k.basis}）</span>
              </li>
            ))}
          </ul>
          {e.standard && (
            <p className="mz-muted">
              保障标准 {yuan(e.standard.monthlyCents)} 元/人·月，{e.standard.effectiveFrom} 起{e.standard.document ? `，${e.standard.document}` : ''}
              {e.standard.isDemo ? '（演示数据）' : ''}
            </p>
          )}
        </>
      )}
      {(d.benefit || e?.benefit) && (
        <>
          <h3 className="mz-db-h">{t('dibao.panel.benefit')}</h3>
          <ol className="mz-db-steps" data-testid="dibao-benefit">
            {(d.benefit?.steps ?? e!.benefit!.steps).map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ol>
          {d.benefit && (
            <p>
              <strong>核定月保障金 {yuan(d.benefit.amountCents)} 元</strong>，保障 {d.benefit.insuredPersons} 人，自 {d.benefit.benefitFrom} 起发放
            </p>
          )}
        </>
      )}
      {d.notAccepted && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="dibao-not-accepted"
          message={`${d.notAccepted.on} 决定不予受理：${d.notAccepted.code}`}
          description={d.notAccepted.reason}
        />
      )}
      {d.relativeFiling && <CountyVisitCard caseId={c.id} filing={d.relativeFiling} open={!d.decision && !c.terminal} />}
      {c.state === 'confirmed' && <PublishCard caseId={c.id} />}
      {d.notice && (
        <>
          <h3 className="mz-db-h">{t('dibao.panel.notice')}</h3>
          <div className="mz-db-notice" data-testid="dibao-notice">
            {d.notice}
          </div>
        </>
      )}
    </Card>
  );
}
