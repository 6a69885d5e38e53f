import { localDate } from '../dates/local-date';
import type { LensDB } from '../db/db';
import { demoAccounts, demoSnapshots } from './accounts';

/** Loads (or refreshes) the demo book, dated from the user's today. Other accounts are untouched. */
export async function loadDemoData(database: LensDB, now: Date): Promise<number> {
  const today = localDate(now);
  const rows = demoAccounts(today, now.toISOString());
  await database.transaction('rw', database.accounts, database.snapshots, async () => {
    await database.accounts.bulkPut(rows);
    await database.snapshots.bulkPut(demoSnapshots(rows, today, now.toISOString()));
  });
  return rows.length;
}
