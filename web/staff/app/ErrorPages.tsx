import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../i18n/i18n.tsx';

/**
 * The console's error pages. antd's Result carries its illustrations (about 11 KB gzip), so these
 * load in their own chunk when one is shown (guards.tsx), not with the first page after sign-in.
 */
export function LoadFailed({ message, retry }: { message: string; retry: () => void }) {
  const t = useT();
  return (
    <Result
      status="500"
      title={t('common.loadFailed')}
      subTitle={message}
      extra={
        <Button type="primary" onClick={retry}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}

export function Forbidden() {
  const t = useT();
  const navigate = useNavigate();
  return <Result status="403" title="403" subTitle={t('error.403')} extra={<Button onClick={() => navigate('/')}>{t('error.back')}</Button>} />;
}

export function NotFound() {
  const t = useT();
  const navigate = useNavigate();
  return <Result status="404" title="404" subTitle={t('error.404')} extra={<Button onClick={() => navigate('/')}>{t('error.back')}</Button>} />;
}
