/**
 * Public types of the notification kernel (消息通知). A notification is addressed to one user
 * (个人) or to an org unit (机构: everyone holding a role there); it is stored in
 * core.notification for the in-app inbox and handed to the configured external channels
 * (短信 / 邮件 …) by the 'notify.deliver' job.
 */

/** The job queue that delivers one notification through one channel. */
export const NOTIFY_DELIVER_QUEUE = 'notify.deliver';

export const NOTIFY_ERRORS = {
  NOTIFICATION_NOT_FOUND: '通知',
  NOTIFICATION_BAD_INPUT: '通知参数不正确',
} as const;

export type NotifyInput = {
  /** Addressed to this user only. */
  userId?: string | null;
  /** Addressed to this org unit (when userId is absent): everyone holding a role there sees it. */
  orgUnitId?: string | null;
  caseId?: string | null;
  /** Dotted kind, e.g. 'deadline.remind', 'case.assigned'. */
  kind: string;
  /** Short Chinese text shown in the inbox, at most 200 characters. */
  title: string;
  body?: string | null;
  /** A second notify() with the same key does nothing (e.g. `deadline.remind:${clockId}:${due}`). */
  dedupeKey?: string | null;
};

export type NotifyResult = { id: string; created: boolean };

/** A notification as the inbox API returns it. */
export type NotificationView = {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  caseId: string | null;
  userId: string | null;
  orgUnitId: string | null;
  createdAt: string;
  read: boolean;
  readAt: string | null;
};

export type NotificationPage = { items: NotificationView[]; total: number; page: number; pageSize: number };
