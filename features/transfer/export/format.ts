/** The header of a JSON export: import recognises an export file by it. */
export const EXPORT_FORMAT = 'account-lens-export';
export const EXPORT_VERSION = 1;
