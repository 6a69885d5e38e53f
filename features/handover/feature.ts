import type { FeatureRegistration } from '../../shared/feature';

export const handoverFeature = {
  name: 'handover',
  records: ['handovers'],
} satisfies FeatureRegistration;
