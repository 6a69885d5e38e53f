import type { LensDB } from '../../data/db/db';
import { demoBook } from './book';
import { guardStorage } from '../../data/db/storage-full';

/** Loads (or refreshes) the demo book, dated from the user's today. Other accounts are untouched. */
export async function loadDemoData(database: LensDB, now: Date): Promise<number> {
  const book = demoBook(now);
  const tables = [database.accounts, database.snapshots, database.milestones, database.plans, database.visits, database.reports, database.promises, database.notes, database.handovers, database.outcomes];
  await guardStorage(database, () => database.transaction('rw', tables, async () => {
    await database.accounts.bulkPut(book.accounts);
    await database.snapshots.bulkPut(book.snapshots);
    await database.milestones.bulkPut(book.milestones);
    await database.plans.bulkPut(book.plans);
    await database.visits.bulkPut(book.visits);
    await database.reports.bulkPut(book.reports);
    await database.promises.bulkPut(book.promises);
    await database.notes.bulkPut(book.notes);
    await database.handovers.bulkPut(book.handovers);
    await database.outcomes.bulkPut(book.outcomes);
  }));
  return book.accounts.length;
}
