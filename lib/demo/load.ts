import { daysBetween, localDate } from '../dates/local-date';
import { milestonesFor } from '../onboarding';
import type { LensDB } from '../db/db';
import { demoAccounts, demoSnapshots } from './accounts';
import { demoServiceRecords } from './service';
import { guardStorage } from '../db/storage-full';

/** Loads (or refreshes) the demo book, dated from the user's today. Other accounts are untouched. */
export async function loadDemoData(database: LensDB, now: Date): Promise<number> {
  const today = localDate(now);
  const rows = demoAccounts(today, now.toISOString());
  const stamp = now.toISOString();
  // Accounts signed in the last 90 days get their onboarding milestones.
  const milestones = rows
    .filter((a) => a.signedAt && daysBetween(a.signedAt, today) >= 0 && daysBetween(a.signedAt, today) < 90)
    .flatMap((a) => milestonesFor(a.id, a.signedAt!, undefined, a.csm).map((m) => ({ ...m, createdAt: stamp, updatedAt: stamp })));
  const service = demoServiceRecords(rows, today, stamp);
  const tables = [database.accounts, database.snapshots, database.milestones, database.plans, database.visits, database.reports, database.promises, database.notes, database.handovers];
  await guardStorage(database, () => database.transaction('rw', tables, async () => {
    await database.accounts.bulkPut(rows);
    await database.snapshots.bulkPut(demoSnapshots(rows, today, stamp));
    await database.milestones.bulkPut(milestones);
    await database.plans.bulkPut(service.plans);
    await database.visits.bulkPut(service.visits);
    await database.reports.bulkPut(service.reports);
    await database.promises.bulkPut(service.promises);
    await database.notes.bulkPut(service.notes);
    await database.handovers.bulkPut(service.handovers);
  }));
  return rows.length;
}
