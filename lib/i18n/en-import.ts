/** English strings of the import screens; merged into the catalogue by en.ts. */
export const enImport = {} as const;
