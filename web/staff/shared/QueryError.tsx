import { Alert, Button } from 'antd';
import { useT } from '../i18n/i18n.tsx';
import { ApiError } from './api.ts';

/** A failed load, with the server's Chinese message and a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const title = error instanceof ApiError ? error.title : t('common.loadFailed');
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      className="mz-gap"
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
