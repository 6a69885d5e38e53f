import type { FeatureRegistration } from '../../shared/feature';

export const transferFeature = { name: 'transfer' } satisfies FeatureRegistration;
