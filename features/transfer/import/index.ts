import type { LensDB } from '../../../data/db/db';
import { loadDbView } from './apply';
import { parseCsv } from './csv';
import { parseJson } from './json';
import { planImport, planImportInChunks } from './plan';
import type { ImportPlan, ParsedFile } from './types';

export { applyPlan, ImportConflictError, ImportRefusedError, loadDbView } from './apply';
export { parseCsv } from './csv';
export { parseJson } from './json';
export { planImport, planImportInChunks, snapshotId } from './plan';
export type * from './types';

/** Larger files are refused before parsing: 10,000 accounts are about 2 MB. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** CSV or JSON by the file name, else by the first character (a JSON file opens with [ or {). */
export function parseImportFile(fileName: string, text: string): ParsedFile {
  const lower = fileName.toLowerCase();
  const json = lower.endsWith('.json') || (!lower.endsWith('.csv') && /^\uFEFF?\s*[[{]/.test(text));
  return json ? parseJson(text) : parseCsv(text);
}

/** Parse, read the stored data and plan: everything the preview shows. */
export async function previewImport(database: LensDB, fileName: string, text: string, now: Date): Promise<ImportPlan> {
  const file = parseImportFile(fileName, text);
  if (file.error) return planImport(file, { accounts: [], snapshots: [] }, now);
  return planImportInChunks(file, await loadDbView(database), now);
}
