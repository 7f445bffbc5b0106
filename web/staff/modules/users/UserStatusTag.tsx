import { Tag } from 'antd';
import { useT } from '../../i18n/i18n.tsx';
import type { User } from '../../shared/api-types.ts';

export function UserStatusTag({ user }: { user: User }) {
  const t = useT();
  if (user.status === 'disabled') return <Tag color="default">{t('user.status.disabled')}</Tag>;
  if (user.locked) return <Tag color="error">{t('user.status.locked')}</Tag>;
  return <Tag color="success">{t('user.status.active')}</Tag>;
}
