import type { Ts } from './columns.ts';

/** Row types of in-app notifications. */
/** In-app notification to a user or to every member of an org unit. */
export interface NotificationTable {
  id: string;
  user_id: string | null;
  org_unit_id: string | null;
  case_id: string | null;
  kind: string;
  title: string;
  body: string | null;
  created_at: Ts;
  dedupe_key: string | null;
}

export interface NotificationReadTable {
  notification_id: string;
  user_id: string;
  read_at: Ts;
}
