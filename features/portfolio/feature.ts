import type { FeatureRegistration } from '../../shared/feature';

export const portfolioFeature = { name: 'portfolio' } satisfies FeatureRegistration;
