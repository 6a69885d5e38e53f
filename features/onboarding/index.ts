export * from './template';
export * from './status';
