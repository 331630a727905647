// The finding and notification types are the model's; this keeps the engine's older import path.
export type { Finding, Notification, NotificationCode } from '../model/finding.js';
