import 'fake-indexeddb/auto';
import { findAccount } from '../../data/db/accounts';
import { LensDB } from '../../data/db/db';
import { demoAccounts } from '../../platform/demo/accounts';
import { toSalesforceId18 } from '../../crm/salesforce-id';

/**
 * The panel's lookup of the record a CRM page shows, with 10,000 accounts
 * stored (IndexedDB in memory, so this is the query's cost, not the disk's).
 */
export async function benchLookup(accounts = 10_000, lookups = 500): Promise<number[]> {
  const db = new LensDB(`bench-lookup-${Date.now()}`);
  const template = demoAccounts('2026-11-23')[0]!;
  const rows = Array.from({ length: accounts }, (_, i) => ({
    ...template,
    id: `acc-${i}`,
    recordId: toSalesforceId18(`001Bm${String(i).padStart(10, '0')}`)!,
    name: `Account ${i}`,
  }));
  await db.accounts.bulkPut(rows);
  const times: number[] = [];
  for (let k = 0; k < lookups; k++) {
    const row = rows[(k * 7919) % rows.length]!;
    const t = performance.now();
    const found = await findAccount(db, { crm: 'salesforce', recordId: row.recordId, orgKey: row.orgKey });
    times.push(performance.now() - t);
    if (found?.id !== row.id) throw new Error(`lookup returned ${found?.id} for ${row.id}`);
  }
  db.close();
  return times;
}
