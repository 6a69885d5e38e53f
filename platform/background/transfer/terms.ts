import type { LensDB } from '../../../data/db/db';
import { guardStorage } from '../../../data/db/storage-full';
import { settleAccountTerms } from '../../../data/db/terms';
import { writeRecords, type RecordWrite } from '../../../data/sync/outbox';
import { ImportConflictError } from '../../../features/transfer/import';
import { planTermsFile, termsConflict, termsWrites } from '../../../features/transfer/terms/apply';
import { termsToCsv } from '../../../features/transfer/terms/export';
import type { TermsPlan, TermsView } from '../../../features/transfer/terms/plan';

export async function loadTermsView(database: LensDB): Promise<TermsView> {
  return database.transaction('r', [database.accounts, database.contracts, database.outcomes], async () => ({
    accounts: await database.accounts.toArray(),
    contracts: await database.contracts.toArray(),
    outcomes: await database.outcomes.toArray(),
  }));
}

export const previewTermsImport = (database: LensDB, json: boolean, text: string, now: Date): Promise<TermsPlan> =>
  planTermsFile(json, text, () => loadTermsView(database), now);

/**
 * Writes a confirmed terms plan, all or nothing, through the outbox (terms
 * and outcomes sync like every written record); each account then follows
 * its current term. Refused when anything it would write changed since the
 * plan.
 */
export async function applyTermsPlan(database: LensDB, plan: TermsPlan, now: Date): Promise<{ created: number; updated: number }> {
  const rows = termsWrites(plan);
  await guardStorage(database, () => database.transaction('rw', [database.accounts, database.contracts, database.outbox, database.outcomes], async () => {
    const terms = await database.contracts.bulkGet(rows.map((r) => r.term.id));
    const outcomes = await database.outcomes.bulkGet(rows.map((r) => r.outcome?.id ?? ''));
    const accounts = await database.accounts.bulkGet([...new Set(rows.map((r) => r.account.id))]);
    if (termsConflict(rows, terms, outcomes, accounts.map((a) => !!a))) throw new ImportConflictError();
    // Each account follows its current term once, after all its terms are written.
    const writes = rows.flatMap((r): RecordWrite[] => [{ kind: 'contracts', record: r.term }, ...(r.outcome ? [{ kind: 'outcomes' as const, record: r.outcome }] : [])]);
    await writeRecords(database, writes, now, { settleTerms: false });
    await settleAccountTerms(database, rows.map((r) => r.account.id));
  }));
  return { created: plan.counts.create, updated: plan.counts.update };
}

export async function exportTermsCsv(database: LensDB): Promise<string> {
  const [accounts, contracts, outcomes] = await database.transaction('r', [database.accounts, database.contracts, database.outcomes], () =>
    Promise.all([database.accounts.toArray(), database.contracts.toArray(), database.outcomes.toArray()]),
  );
  return termsToCsv(accounts, contracts, outcomes);
}
