import type { LensDB } from '../../../data/db/db';
import { guardStorage } from '../../../data/db/storage-full';
import { accountsToCsv } from '../../../features/transfer/export/csv';
import { exportFile, exportFileText, NOT_EXPORTED, type ExportFile } from '../../../features/transfer/export/json';
import { ImportConflictError, importConflicts, importWrites, planImportFile, type DbView, type ImportPlan } from '../../../features/transfer/import';

/** The data an accounts preview is computed against. */
export async function loadDbView(database: LensDB): Promise<DbView> {
  return database.transaction('r', database.accounts, database.snapshots, async () => ({
    accounts: await database.accounts.toArray(),
    snapshots: await database.snapshots.toArray(),
  }));
}

/** Parse, read the stored data and plan: everything the preview shows. */
export const previewImport = (database: LensDB, fileName: string, text: string, now: Date): Promise<ImportPlan> =>
  planImportFile(fileName, text, () => loadDbView(database), now);

/**
 * Writes a confirmed plan, all or nothing: one transaction over accounts and
 * snapshots, so a failure anywhere (or a bad row in the plan) leaves the data
 * exactly as it was. Records carry the plan's timestamps. Before writing,
 * it checks nothing it would overwrite or create changed since the plan.
 */
export async function applyPlan(database: LensDB, plan: ImportPlan): Promise<{ created: number; updated: number }> {
  const writes = importWrites(plan);
  await guardStorage(database, () => database.transaction('rw', database.accounts, database.snapshots, async () => {
    const [accounts, snapshots, found] = await Promise.all([
      database.accounts.bulkGet([...writes.expected.keys()]),
      database.snapshots.bulkGet([...writes.expectedSnaps.keys()]),
      writes.creates.length ? database.accounts.where('[crm+recordId]').anyOf(writes.creates.map((a) => [a.crm, a.recordId])).toArray() : [],
    ]);
    if (importConflicts(writes, { accounts, snapshots, found })) throw new ImportConflictError();
    await database.accounts.bulkPut(writes.accounts);
    await database.snapshots.bulkPut(writes.snapshots);
  }));
  return { created: plan.counts.create, updated: plan.counts.update };
}

/** A consistent copy of all data (one read transaction), tombstones included. */
export async function exportAll(database: LensDB, now: Date): Promise<ExportFile> {
  const tables = database.tables.filter((t) => !NOT_EXPORTED.includes(t.name));
  return database.transaction('r', tables, async () => {
    const entries = await Promise.all(tables.map(async (t) => [t.name, await t.toArray()] as const));
    return exportFile(Object.fromEntries(entries), now);
  });
}

export const exportJsonText = async (database: LensDB, now: Date): Promise<string> => exportFileText(await exportAll(database, now));

export async function exportAccountsCsv(database: LensDB): Promise<string> {
  const [accounts, snapshots] = await database.transaction('r', database.accounts, database.snapshots, () =>
    Promise.all([database.accounts.toArray(), database.snapshots.toArray()]),
  );
  return accountsToCsv(accounts, snapshots);
}
