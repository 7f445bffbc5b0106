import { Button, Space, Tag, Tooltip } from 'antd';
import { useT } from '../../i18n/i18n.tsx';
import { useCan, useSession } from '../../app/session.ts';

const COLOR: Record<string, string> = { pending: 'orange', approved: 'green', rejected: 'red' };

/**
 * 谁录入、谁审核: the status column and the reviewer's 通过 / 退回 for an entry awaiting review (互联网+监管
 * 监管事项 and 检查行为); the person who entered it sees that it waits for someone else.
 */
export function useReviewColumns(o: { selfReviewTip: string; actionWidth: number; onApprove: (id: string) => void; onReturn: (id: string) => void }) {
  const t = useT();
  const can = useCan();
  const me = useSession();
  return [
    {
      title: t('catalogue.col.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: string) => <Tag color={COLOR[s]}>{t(`catalogue.status.${s}` as never)}</Tag>,
    },
    {
      title: '',
      width: o.actionWidth,
      render: (_: unknown, r: any) =>
        can('catalogue.supervise_review') && r.status === 'pending' ? (
          r.enteredById === me.user.id ? (
            <Tooltip title={o.selfReviewTip}>
              <Tag>{t('catalogue.supervision.awaitOther')}</Tag>
            </Tooltip>
          ) : (
            <Space>
              <Button size="small" type="primary" onClick={() => o.onApprove(r.id)}>
                {t('catalogue.supervision.approve')}
              </Button>
              <Button size="small" danger onClick={() => o.onReturn(r.id)}>
                {t('catalogue.reject')}
              </Button>
            </Space>
          )
        ) : null,
    },
  ];
}
