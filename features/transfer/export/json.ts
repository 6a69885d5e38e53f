import { EXPORT_FORMAT, EXPORT_VERSION } from './format';

/**
 * Delivery state, not data: the outbox is rebuilt by writes and meta holds sync cursors. Rows an
 * upgrade kept aside have their own export (Options → Kept aside during an upgrade): they may hold
 * values JSON cannot carry, and an import could not take them back anyway.
 */
export const NOT_EXPORTED: readonly string[] = ['outbox', 'meta', 'quarantine'];

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  /** Every other table of the database by name (tables added later are exported without a change here). */
  tables: Record<string, unknown[]>;
}

/** The export file of a consistent copy of the tables (tombstones included). */
export const exportFile = (tables: Record<string, unknown[]>, now: Date): ExportFile => ({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), tables });

export const exportFileText = (file: ExportFile): string => JSON.stringify(file, null, 2);
