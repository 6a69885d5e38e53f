import type { FeatureRegistration } from '../../shared/feature';
import { healthCtaRule } from './cta';

export const healthFeature = {
  name: 'health',
  ctaRules: [healthCtaRule],
  records: ['snapshots'],
} satisfies FeatureRegistration<Parameters<typeof healthCtaRule.evaluate>[0]>;
