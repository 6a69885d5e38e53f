export { daysToRenewal, renewalPhrase } from './days';
export * from './settings';
export * from './timeline';
export * from './plan';
export * from './likelihood';
export * from './no-pitch';
export * from './metrics';
export * from './terms';
export * from './can-pitch';
