import type { FeatureRegistration } from '../../shared/feature';
import { reminderSettingsItem } from './settings-item';

export const remindersFeature = {
  name: 'reminders',
  settings: [reminderSettingsItem],
} satisfies FeatureRegistration;
