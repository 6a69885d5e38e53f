export {
  ClockTimeSchema,
  DEFAULT_REMINDER_SETTINGS,
  QuietHoursSchema,
  ReminderSettingsSchema,
  minutesOf,
  validReminderSettings,
  type ClockTime,
  type QuietHours,
  type ReminderSettings,
} from './settings';
export { REMINDER_KINDS, badgeCount, dueItems, newItems, type BookForReminders, type ReminderItem, type ReminderKind } from './select';
export { checkIsDue, inQuietHours, nextCheckAt, quietUntil } from './schedule';
export { MAX_LIST_ITEMS, notificationFor, type ReminderNotification } from './notify';
