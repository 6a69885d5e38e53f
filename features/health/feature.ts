import type { FeatureRegistration } from '../../shared/feature';
import { healthCtaRule } from './cta';
import { healthModelItem } from './settings-item';

export const healthFeature = {
  name: 'health',
  ctaRules: [healthCtaRule],
  settings: [healthModelItem],
  records: ['snapshots'],
} satisfies FeatureRegistration<Parameters<typeof healthCtaRule.evaluate>[0]>;
