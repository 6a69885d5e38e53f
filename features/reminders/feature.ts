import type { FeatureRegistration } from '../../shared/feature';

export const remindersFeature = {
  name: 'reminders',
} satisfies FeatureRegistration;
