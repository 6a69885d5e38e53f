export * from './people';
export * from './cta';
