/** English strings of the sync screens; merged into the catalogue by en.ts. */
export const enSync = {} as const;
