import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, Grid, Popover, Spin } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import type { AppNotification } from '../../shared/api-types.ts';
import { formatDateTime } from '../../shared/format.ts';
import { LazyDrawer } from '../../shared/LazyDrawer.tsx';

export const NOTIFICATIONS_KEY = ['notifications'] as const;

/** Header bell: unread count (polled every minute and after every change), the latest ten, 全部已读. */
export function NotificationBell() {
  const t = useT();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const mobile = Grid.useBreakpoint().md === false;
  const count = useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'count'],
    queryFn: async () => (await api.unreadCount()).count,
    refetchInterval: 60_000,
    refetchIntervalInBackground: false,
    staleTime: 10_000,
  });
  const list = useQuery({ queryKey: [...NOTIFICATIONS_KEY, 'list'], queryFn: () => api.notifications(1, 10), enabled: open, staleTime: 0 });
  const invalidate = () => qc.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
  const markRead = useMutation({ mutationFn: api.markRead, onSettled: invalidate });
  const readAll = useMutation({ mutationFn: api.markAllRead, onSettled: invalidate });
  const n = count.data ?? 0;

  const pick = (item: AppNotification) => {
    if (!item.read) markRead.mutate(item.id);
    setOpen(false);
    if (item.caseId) navigate(`/cases/${item.caseId}`);
  };

  const head = (
    <div className="mz-notify-head">
      <strong>{t('notify.title')}</strong>
      <span className="mz-muted">{n ? t('notify.unread', { n }) : t('notify.allRead')}</span>
      <Button type="link" size="small" disabled={!n} loading={readAll.isPending} onClick={() => readAll.mutate()}>
        {t('notify.readAll')}
      </Button>
    </div>
  );
  const panel = (
    <div className="mz-notify" data-testid="notification-panel">
      {head}
      {list.isPending ? (
        <div className="mz-center" style={{ padding: 24 }}>
          <Spin />
        </div>
      ) : !list.data?.items.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notify.empty')} />
      ) : (
        <ul className="mz-notify-list">
          {list.data.items.map((item) => (
            <li key={item.id}>
              <button type="button" className={`mz-notify-item${item.read ? '' : ' mz-notify-unread'}`} onClick={() => pick(item)}>
                <span className="mz-notify-dot" aria-hidden="true" />
                <span className="mz-notify-body">
                  <span className="mz-notify-title">{item.title}</span>
                  {item.body && <span className="mz-notify-text">{item.body}</span>}
                  <span className="mz-notify-time" title={formatDateTime(item.createdAt)}>
                    {relative(item.createdAt, t)}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );

  const bell = (
    <Button
      type="text"
      className="mz-header-icon mz-bell"
      aria-label={t('notify.bell', { n })}
      data-testid="notification-bell"
      onClick={mobile ? () => setOpen(true) : undefined}
    >
      <Badge count={n} size="small" overflowCount={99} offset={[2, -2]}>
        <BellOutlined className="mz-bell-icon" />
      </Badge>
    </Button>
  );

  // On a phone the list gets the whole width in a drawer; a popover would run off the screen.
  if (mobile) {
    return (
      <>
        {bell}
        <LazyDrawer
          open={open}
          onClose={() => setOpen(false)}
          placement="right"
          size="100%"
          title={null}
          closable={false}
          styles={{ body: { padding: 0 } }}
          className="mz-notify-drawer"
        >
          {panel}
          <div className="mz-notify-foot">
            <Button block onClick={() => setOpen(false)}>
              {t('common.close')}
            </Button>
          </div>
        </LazyDrawer>
      </>
    );
  }

  return (
    <Popover
      content={panel}
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      arrow={false}
      classNames={{ root: 'mz-notify-popover' }}
    >
      {bell}
    </Popover>
  );
}

function relative(at: string, t: ReturnType<typeof useT>): string {
  const mins = dayjs().diff(dayjs(at), 'minute');
  if (mins < 1) return t('notify.justNow');
  if (mins < 60) return t('notify.minutesAgo', { n: mins });
  if (mins < 24 * 60) return t('notify.hoursAgo', { n: Math.floor(mins / 60) });
  return formatDateTime(at).slice(0, 16);
}
