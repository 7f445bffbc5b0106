import { App, Typography } from 'antd';
import { useT } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { ApiError } from '../../shared/api.ts';
import type { User } from '../../shared/api-types.ts';
import { useUserAction, type UserAction } from './use-users.ts';

/** Confirm, run and report a user action (停用/启用/解锁/重置密码). */
export function useUserActionsUi() {
  const t = useT();
  const { modal, message } = App.useApp();
  const action = useUserAction();

  const run = (user: User, kind: UserAction) =>
    action.mutate(
      { id: user.id, action: kind },
      {
        onSuccess: (res) => {
          const pw = res.initialPassword;
          if (kind === 'reset-password' && pw) {
            modal.success({
              title: t('common.titled', { a: t('user.tempPassword'), b: user.displayName }),
              content: (
                <div>
                  <Typography.Paragraph copyable={{ text: pw }} className="mz-mono" style={{ fontSize: 18, margin: '12px 0' }}>
                    {pw}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary">{t('user.tempPasswordNote')}</Typography.Text>
                </div>
              ),
            });
          } else {
            message.success(t('user.done'));
          }
        },
        onError: (e) => message.error(e instanceof ApiError ? e.title : String(e)),
      },
    );

  const confirm = (user: User, kind: UserAction) => {
    if (kind === 'disable' || kind === 'reset-password' || kind === 'reset-totp') {
      const [title, content] = {
        disable: ['user.disable', 'user.confirmDisable'],
        'reset-password': ['user.resetPassword', 'user.confirmReset'],
        'reset-totp': ['user.resetTotp', 'user.confirmResetTotp'],
      }[kind] as [MessageKey, MessageKey];
      modal.confirm({
        title: t(title),
        content: t(content, { name: user.displayName }),
        okButtonProps: { danger: kind === 'disable' },
        onOk: () => run(user, kind),
      });
    } else {
      run(user, kind);
    }
  };
  return { confirm, pending: action.isPending };
}
