import type { FeatureRegistration } from '../../shared/feature';

/** Its calls to action (reset, value review) are drafted by the service rhythm's rule, which reads the same notes and timing. */
export const expectationsFeature = {
  name: 'expectations',
  records: ['promises', 'notes'],
} satisfies FeatureRegistration;
