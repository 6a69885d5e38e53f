export { bandOf, DEFAULT_CUTOFFS } from './band';
export * from './model';
export { BAND_RANK, type Cap, type Contribution } from './rate';
export * from './next-band';
export * from './score';
export * from './trend';
export * from '../../shared/dates/week';
