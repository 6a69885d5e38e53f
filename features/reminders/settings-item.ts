import { storage } from 'wxt/utils/storage';
import type { ReminderSettings } from './settings';

/** The user's reminder settings (options page): null means the defaults. */
export const reminderSettingsItem = storage.defineItem<ReminderSettings | null>('local:reminderSettings', { fallback: null, version: 1 });
