export * from './completeness';
export * from './involvement';
export * from './intro';
export * from './intro-chat';
export * from './promises';
export * from './form';
