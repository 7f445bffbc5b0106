import { Alert, Modal, Result, Statistic, Table } from 'antd';
import { useT } from '../../i18n/i18n.tsx';
import type { AuditProblem, AuditVerifyResult } from '../../shared/api-types.ts';

/** What 校验审计链 found: counts, the head hash, and any breaks in the chain. */
export function VerifyResultModal({ result, onClose }: { result: AuditVerifyResult; onClose: () => void }) {
  const t = useT();
  return (
    <Modal open title={t('audit.verifyTitle')} onCancel={onClose} onOk={onClose} cancelButtonProps={{ style: { display: 'none' } }} width={720}>
      <Result
        status={result.ok ? 'success' : 'error'}
        title={result.ok ? t('audit.verifyOk') : t('audit.verifyBad', { n: result.problems.length })}
        style={{ padding: '16px 0' }}
        extra={
          <div className="mz-import-stats" data-testid="verify-result">
            <Statistic title={t('audit.events')} value={result.events} />
            <Statistic title={t('audit.chains')} value={result.chains} />
            {result.checkpoints !== undefined && <Statistic title={t('audit.checkpoints')} value={result.checkpoints} />}
            <Statistic title={t('audit.problemCount')} value={result.problems.length} />
          </div>
        }
      />
      {result.truncated && <Alert type="warning" showIcon title={t('audit.truncated')} style={{ marginBottom: 12 }} />}
      <div className="mz-verify-hash">
        <span className="mz-muted">{t('audit.headHash')}</span>
        <code className="mz-mono">{result.headHash ?? '—'}</code>
      </div>
      {result.problems.length > 0 && (
        <Table<AuditProblem>
          className="mz-gap"
          size="small"
          rowKey={(p) => `${p.chainId}-${p.seq}-${p.kind}`}
          dataSource={result.problems}
          pagination={result.problems.length > 10 ? { pageSize: 10 } : false}
          columns={[
            { title: t('audit.kind'), dataIndex: 'kind', width: 130, render: (v) => <code>{v}</code> },
            { title: t('audit.chain'), key: 'c', width: 100, render: (_, p) => `${p.chainId} / ${p.seq ?? '—'}` },
            { title: t('import.message'), dataIndex: 'message' },
          ]}
        />
      )}
    </Modal>
  );
}
