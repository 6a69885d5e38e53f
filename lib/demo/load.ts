import { localDate } from '../dates/local-date';
import type { LensDB } from '../db/db';
import { demoAccounts } from './accounts';

/** Loads (or refreshes) the demo book, dated from the user's today. Other accounts are untouched. */
export async function loadDemoData(database: LensDB, now: Date): Promise<number> {
  const rows = demoAccounts(localDate(now), now.toISOString());
  await database.accounts.bulkPut(rows);
  return rows.length;
}
