import type { LensDB } from './db';
import { withCurrentTerm } from '../model/terms';

/**
 * Makes each account row follow its current term (data/model/terms.ts): a
 * recorded renewal moves the contract end, start, ARR and currency the rest
 * of the extension reads. Run inside the transaction that wrote the terms or
 * the account (sync, import, a recorded renewal), so a server copy of an
 * account that predates the renewal never moves the end back. The row's
 * updatedAt stays: it is the server's (or the import's) stamp, not an edit.
 * Returns how many rows changed.
 */
const TERM_FIELDS = ['contractEnd', 'contractStart', 'arr', 'currency'] as const;

export async function settleAccountTerms(db: LensDB, accountIds: Iterable<string>): Promise<number> {
  const ids = [...new Set(accountIds)];
  if (!ids.length) return 0;
  const [accounts, contracts] = await Promise.all([db.accounts.bulkGet(ids), db.contracts.where('accountId').anyOf(ids).toArray()]);
  const changed = accounts.flatMap((a) => {
    if (!a) return [];
    const next = withCurrentTerm(a, contracts);
    return next !== a && TERM_FIELDS.some((f) => next[f] !== a[f]) ? [next] : [];
  });
  if (changed.length) await db.accounts.bulkPut(changed);
  return changed.length;
}
