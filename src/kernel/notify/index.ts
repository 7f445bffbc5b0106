export { notify } from './notify.ts';
export { registerNotificationRoutes } from './routes.ts';
export { registerNotificationChannel, logChannel, type NotificationChannel, type NotificationMessage, type NotificationRecipient } from './channels.ts';
export { NOTIFY_DELIVER_QUEUE, NOTIFY_ERRORS, type NotifyInput, type NotifyResult, type NotificationView } from './contract.ts';
