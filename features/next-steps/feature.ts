import type { FeatureRegistration } from '../../shared/feature';

/** The list of calls to action: it owns the records every CTA rule raises. */
export const nextStepsFeature = {
  name: 'next-steps',
  records: ['ctas'],
} satisfies FeatureRegistration;
