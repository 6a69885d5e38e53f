export * from './draft';
export * from './evaluate';
