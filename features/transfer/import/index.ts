import { parseCsv } from './csv';
import { parseJson } from './json';
import { planImport, planImportInChunks } from './plan';
import type { DbView, ImportPlan, ParsedFile } from './types';

export { ImportConflictError, ImportRefusedError, importConflicts, importWrites, type ImportWrites } from './apply';
export { parseCsv } from './csv';
export { parseJson } from './json';
export { planImport, planImportInChunks, snapshotId } from './plan';
export type * from './types';
export { MAX_FILE_BYTES } from '../limits';

/** CSV or JSON by the file name, else by the first character (a JSON file opens with [ or {). */
export function isJsonFile(fileName: string, text: string): boolean {
  const lower = fileName.toLowerCase();
  return lower.endsWith('.json') || (!lower.endsWith('.csv') && /^\uFEFF?\s*[[{]/.test(text));
}

export const parseImportFile = (fileName: string, text: string): ParsedFile => (isJsonFile(fileName, text) ? parseJson(text) : parseCsv(text));

/** Parse and plan against the stored data (read only when the file parsed): everything the preview shows. */
export async function planImportFile(fileName: string, text: string, view: () => Promise<DbView>, now: Date): Promise<ImportPlan> {
  const file = parseImportFile(fileName, text);
  if (file.error) return planImport(file, { accounts: [], snapshots: [] }, now);
  return planImportInChunks(file, await view(), now);
}
