import { Alert, Button, Card, Result, Tag } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import type { RegisterResult } from './api.ts';

/** After 登记: the reference, the server's 重信重访/越级/终结 findings and any failed uploads. */
export function RegisterResultView({ result, uploadErrors, onAnother }: { result: RegisterResult; uploadErrors: string[]; onAnother: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <div className="mz-page">
      <Card className="mz-card mz-pt-result" data-testid="petition-registered">
        <Result
          status={result.flags.finalMatch || result.flags.repeat || result.flags.skipLevel ? 'warning' : 'success'}
          title={t('petitions.done.title', { ref: result.refNo })}
          subTitle={
            <span className="mz-pt-flags">
              {result.flags.repeat && <Tag color="orange">{t('petitions.flag.repeat')}</Tag>}
              {result.flags.skipLevel && <Tag color="red">{t('petitions.flag.skipLevel')}</Tag>}
              {result.flags.firstTime && <Tag>{t('petitions.flag.firstTime')}</Tag>}
              {result.suggestions.some((x) => x.startsWith('重大紧急')) && <Tag color="red">{t('petitions.done.urgent')}</Tag>}
            </span>
          }
          extra={[
            <Button key="open" type="primary" onClick={() => navigate(`/cases/${result.id}`)}>
              {t('petitions.done.open')}
            </Button>,
            <Button key="again" onClick={onAnother}>
              {t('petitions.done.another')}
            </Button>,
          ]}
        >
          <div className="mz-pt-suggestions" data-testid="petition-flags">
            {result.flags.finalMatch && (
              <Alert
                type="warning"
                showIcon
                data-testid="final-match"
                title={t('petitions.done.finalMatch', { ref: result.flags.finalMatch.refNo, sim: result.flags.finalMatch.similarity })}
                description={
                  <span>
                    {t('petitions.done.finalMatchDetail')} <Link to={`/cases/${result.flags.finalMatch.caseId}`}>{result.flags.finalMatch.refNo}</Link>
                  </span>
                }
              />
            )}
            {result.flags.repeat && (
              <Alert
                type="warning"
                showIcon
                title={t('petitions.done.repeat', { ref: result.flags.repeat.refNo, sim: result.flags.repeat.similarity })}
                description={
                  <span>
                    {t('petitions.done.earlier')}：
                    <Link to={`/cases/${result.flags.repeat.caseId}`} data-testid="repeat-link">
                      {result.flags.repeat.refNo}
                    </Link>
                  </span>
                }
              />
            )}
            {result.suggestions.map((s) => (
              <Alert key={s} type="info" showIcon title={s} />
            ))}
            {!result.flags.repeat && !result.flags.skipLevel && result.suggestions.length === 0 && (
              <Alert type="success" showIcon title={t('petitions.done.noFlags')} />
            )}
            {uploadErrors.map((s) => (
              <Alert key={s} type="error" showIcon title={s} />
            ))}
          </div>
        </Result>
      </Card>
    </div>
  );
}
