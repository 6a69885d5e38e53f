import type { LensDB } from '../../../data/db/db';
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
  /** Every other table of LensDB by name (tables added later are exported without a change here). */
  tables: Record<string, unknown[]>;
}

/** A consistent copy of all data (one read transaction), tombstones included. */
export async function exportAll(database: LensDB, now: Date): Promise<ExportFile> {
  const tables = database.tables.filter((t) => !NOT_EXPORTED.includes(t.name));
  return database.transaction('r', tables, async () => {
    const entries = await Promise.all(tables.map(async (t) => [t.name, await t.toArray()] as const));
    return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), tables: Object.fromEntries(entries) };
  });
}

export const exportJsonText = async (database: LensDB, now: Date): Promise<string> => JSON.stringify(await exportAll(database, now), null, 2);
