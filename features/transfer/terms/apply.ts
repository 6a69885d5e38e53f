import type { LensDB } from '../../../data/db/db';
import { guardStorage } from '../../../data/db/storage-full';
import { writeRecords, type RecordWrite } from '../../../data/sync/outbox';
import { settleAccountTerms } from '../../../data/db/terms';
import { ImportConflictError, ImportRefusedError } from '../import/apply';
import { parseTermsFile, planTermsImport, type TermsPlan, type TermsView } from './plan';

export async function loadTermsView(database: LensDB): Promise<TermsView> {
  return database.transaction('r', [database.accounts, database.contracts, database.outcomes], async () => ({
    accounts: await database.accounts.toArray(),
    contracts: await database.contracts.toArray(),
    outcomes: await database.outcomes.toArray(),
  }));
}

export async function previewTermsImport(database: LensDB, json: boolean, text: string, now: Date): Promise<TermsPlan> {
  const file = parseTermsFile(json, text);
  return planTermsImport(file, file.error ? { accounts: [], contracts: [], outcomes: [] } : await loadTermsView(database), now);
}

/**
 * Writes a confirmed terms plan, all or nothing, through the outbox (terms
 * and outcomes sync like every written record); each account then follows
 * its current term. Refused when anything it would write changed since the
 * preview.
 */
export async function applyTermsPlan(database: LensDB, plan: TermsPlan, now: Date): Promise<{ created: number; updated: number }> {
  if (!plan.canApply) throw new ImportRefusedError();
  const rows = plan.rows.filter((r) => r.action !== 'unchanged');
  await guardStorage(database, () => database.transaction('rw', [database.accounts, database.contracts, database.outcomes, database.outbox], async () => {
    const terms = await database.contracts.bulkGet(rows.map((r) => r.term.id));
    const outcomes = await database.outcomes.bulkGet(rows.map((r) => r.outcome?.id ?? ''));
    if (rows.some((r, i) => terms[i]?.updatedAt !== r.before.term || (r.outcome && outcomes[i]?.updatedAt !== r.before.outcome))) throw new ImportConflictError();
    if ((await database.accounts.bulkGet([...new Set(rows.map((r) => r.account.id))])).some((a) => !a)) throw new ImportConflictError();
    // Each account follows its current term once, after all its terms are written.
    const writes = rows.flatMap((r): RecordWrite[] => [{ kind: 'contracts', record: r.term }, ...(r.outcome ? [{ kind: 'outcomes' as const, record: r.outcome }] : [])]);
    await writeRecords(database, writes, now, { settleTerms: false });
    await settleAccountTerms(database, rows.map((r) => r.account.id));
  }));
  return { created: plan.counts.create, updated: plan.counts.update };
}
