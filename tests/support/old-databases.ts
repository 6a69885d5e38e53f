import Dexie from 'dexie';

/** The schema exactly as version 1 shipped it. */
export async function seedV1(dbName: string, rows: object[]) {
  const v1 = new Dexie(dbName);
  v1.version(1).stores({ accounts: 'id, [crm+recordId], contractEnd, owner, csm, updatedAt' });
  await v1.table('accounts').bulkAdd(rows);
  v1.close();
}

/** Versions 1 to 3 exactly as they shipped, with no upgrades (the rows are written as a v3 database holds them). */
export function declareV3(d: Dexie): void {
  d.version(1).stores({ accounts: 'id, [crm+recordId], contractEnd, owner, csm, updatedAt' });
  d.version(2).stores({
    accounts: 'id, [crm+recordId], contractEnd, health.band, owner, csm, segment, updatedAt',
    contracts: 'id, accountId, end, updatedAt',
    snapshots: 'id, [accountId+asOf], updatedAt',
    promises: 'id, accountId, status, dueDate, updatedAt',
    notes: 'id, accountId, kind, dueDate, updatedAt',
    visits: 'id, [accountId+date], date, updatedAt',
    handovers: 'id, accountId, status, updatedAt',
    milestones: 'id, accountId, dueDate, updatedAt',
    ctas: 'id, accountId, &cause, status, dueDate, updatedAt',
    outcomes: 'id, accountId, date, updatedAt',
    outbox: '++seq, &key, nextAttemptAt',
    meta: 'key',
  });
  d.version(3).stores({ plans: 'id, accountId, updatedAt', reports: 'id, [accountId+month], month, updatedAt' });
}
