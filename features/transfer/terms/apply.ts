import type { Contract, RenewalOutcome } from '../../../data/model/records';
import { ImportRefusedError } from '../import/apply';
import { parseTermsFile, planTermsImport, type PlannedTerm, type TermsPlan, type TermsView } from './plan';

/** Parse and plan a terms file against the stored data (read only when the file parsed). */
export async function planTermsFile(json: boolean, text: string, view: () => Promise<TermsView>, now: Date): Promise<TermsPlan> {
  const file = parseTermsFile(json, text);
  return planTermsImport(file, file.error ? { accounts: [], contracts: [], outcomes: [] } : await view(), now);
}

/** The rows a confirmed terms plan writes (else ImportRefusedError). */
export function termsWrites(plan: TermsPlan): PlannedTerm[] {
  if (!plan.canApply) throw new ImportRefusedError();
  return plan.rows.filter((r) => r.action !== 'unchanged');
}

/**
 * Whether anything the rows write changed since the plan (a term or outcome
 * updated or added meanwhile), or an account they belong to is gone.
 * `terms`, `outcomes` are the stored copies by row, `accountsFound` whether each account is still there.
 */
export function termsConflict(rows: readonly PlannedTerm[], terms: readonly (Contract | undefined)[], outcomes: readonly (RenewalOutcome | undefined)[], accountsFound: readonly boolean[]): boolean {
  if (rows.some((r, i) => terms[i]?.updatedAt !== r.before.term || (r.outcome && outcomes[i]?.updatedAt !== r.before.outcome))) return true;
  return accountsFound.some((found) => !found);
}
