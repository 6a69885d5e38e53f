export * from './template';
export * from './status';
export * from './activation';
