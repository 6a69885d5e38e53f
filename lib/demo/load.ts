import { daysBetween, localDate } from '../dates/local-date';
import { milestonesFor } from '../onboarding';
import type { LensDB } from '../db/db';
import { demoAccounts, demoSnapshots } from './accounts';

/** Loads (or refreshes) the demo book, dated from the user's today. Other accounts are untouched. */
export async function loadDemoData(database: LensDB, now: Date): Promise<number> {
  const today = localDate(now);
  const rows = demoAccounts(today, now.toISOString());
  const stamp = now.toISOString();
  // Accounts signed in the last 90 days get their onboarding milestones.
  const milestones = rows
    .filter((a) => a.signedAt && daysBetween(a.signedAt, today) >= 0 && daysBetween(a.signedAt, today) < 90)
    .flatMap((a) => milestonesFor(a.id, a.signedAt!, undefined, a.csm).map((m) => ({ ...m, createdAt: stamp, updatedAt: stamp })));
  await database.transaction('rw', database.accounts, database.snapshots, database.milestones, async () => {
    await database.accounts.bulkPut(rows);
    await database.snapshots.bulkPut(demoSnapshots(rows, today, stamp));
    await database.milestones.bulkPut(milestones);
  });
  return rows.length;
}
