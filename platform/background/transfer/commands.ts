import type { LensDB } from '../../../data/db/db';
import { discardKeptAside, keptAsideJsonText } from '../../../data/db/quarantine';
import { isStorageFull, isStorageUnavailable } from '../../../data/db/storage-full';
import type { AnyPlan, Answer, ApplyAnswer, DemoAnswer, PreviewAnswer, TextAnswer, TransferErrorCode } from '../../../features/transfer/answers';
import { planFingerprint } from '../../../features/transfer/fingerprint';
import { ImportConflictError, ImportRefusedError, isJsonFile } from '../../../features/transfer/import';
import { isTermsFile } from '../../../features/transfer/terms/plan';
import { loadDemoData } from '../../demo/load';
import { applyPlan, exportAccountsCsv, exportJsonText, previewImport } from './accounts';
import { applyTermsPlan, exportTermsCsv, previewTermsImport } from './terms';

const codeOf = (err: unknown): TransferErrorCode =>
  err instanceof ImportConflictError ? 'conflict' : isStorageFull(err) ? 'quotaFull' : isStorageUnavailable(err) ? 'storageUnavailable' : err instanceof ImportRefusedError ? 'refused' : 'failed';

/** Runs a command; its failure becomes a code the page words (a message channel carries no error classes). */
async function answer<T extends object>(run: () => Promise<T>): Promise<Answer<T>> {
  try {
    return { ok: true, ...(await run()) };
  } catch (err) {
    return { ok: false, code: codeOf(err), reason: err instanceof Error ? err.message : String(err) };
  }
}

/** A terms file (past contract terms with their outcomes) names term_end; anything else is an accounts file. */
function planFile(database: LensDB, fileName: string, text: string, now: Date): Promise<AnyPlan> {
  const json = isJsonFile(fileName, text);
  return isTermsFile(json, text) ? previewTermsImport(database, json, text, now) : previewImport(database, fileName, text, now);
}

export const previewTransfer = (database: LensDB, fileName: string, text: string, now: Date): Promise<PreviewAnswer> =>
  answer(async () => {
    const plan = await planFile(database, fileName, text, now);
    return { plan, fingerprint: await planFingerprint(plan, text) };
  });

/**
 * Plans the same text again and writes it only if the plan is the one the
 * page previewed (same fingerprint); otherwise the data changed meanwhile and
 * nothing is written. `changed` follows a successful write (the book, badge, launchers).
 */
export const applyTransfer = (database: LensDB, msg: { fileName: string; text: string; fingerprint: string }, now: Date, changed: () => Promise<void>): Promise<ApplyAnswer> =>
  answer(async () => {
    const plan = await planFile(database, msg.fileName, msg.text, now);
    if ((await planFingerprint(plan, msg.text)) !== msg.fingerprint) throw new ImportConflictError();
    const done = plan.kind === 'terms' ? await applyTermsPlan(database, plan, now) : await applyPlan(database, plan);
    await changed().catch(() => undefined);
    return { kind: plan.kind === 'terms' ? ('terms' as const) : ('accounts' as const), ...done };
  });

export const exportTransfer = (database: LensDB, kind: 'json' | 'csv' | 'terms', now: Date): Promise<TextAnswer> =>
  answer(async () => ({ text: kind === 'json' ? await exportJsonText(database, now) : kind === 'csv' ? await exportAccountsCsv(database) : await exportTermsCsv(database) }));

export const loadDemo = (database: LensDB, now: Date, changed: () => Promise<void>): Promise<DemoAnswer> =>
  answer(async () => {
    const accounts = await loadDemoData(database, now);
    await changed().catch(() => undefined);
    return { accounts };
  });

export const exportKept = (database: LensDB, now: Date): Promise<TextAnswer> => answer(async () => ({ text: await keptAsideJsonText(database, now) }));

export const discardKept = (database: LensDB, seq: number): Promise<Answer<object>> => answer(async () => (await discardKeptAside(database, seq), {}));
