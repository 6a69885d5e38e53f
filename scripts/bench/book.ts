import { addDays, localDate } from '../../shared/dates/local-date';
import { demoAccounts, readingFor } from '../../platform/demo/accounts';

/**
 * A large book for the Chromium benchmarks: `n` accounts cycling the demo
 * book's shapes (new ids and record ids), each with 13 weekly readings.
 */
export function generatedBook(n: number) {
  const today = localDate(new Date());
  const stamp = new Date().toISOString();
  const base = demoAccounts(today, stamp);
  const accounts = Array.from({ length: n }, (_, i) => {
    const a = base[i % base.length]!;
    return { ...a, id: `bench-${i}`, name: `${a.name} ${i}`, recordId: `${a.recordId}-${i}`, source: 'local' as const };
  });
  const snapshots = accounts.flatMap((a, i) =>
    Array.from({ length: 13 }, (_, w) => ({
      id: `${a.id}-w${w}`, accountId: a.id, createdAt: stamp, updatedAt: stamp, asOf: addDays(today, -7 * (12 - w)), inputs: readingFor(20 + ((i * 7 + w * 3) % 75), i),
    })),
  );
  return { accounts, snapshots };
}

/** Page-side source (functions do not survive the script runner): writes a book into the extension's IndexedDB. */
export const seedSource = (data: string) => `new Promise((resolve, reject) => {
  const { accounts, snapshots } = JSON.parse(${JSON.stringify(data)});
  const open = indexedDB.open('account-lens');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const tx = db.transaction(['accounts', 'snapshots'], 'readwrite');
    for (const a of accounts) tx.objectStore('accounts').put(a);
    for (const s of snapshots) tx.objectStore('snapshots').put(s);
    tx.oncomplete = () => { db.close(); resolve(accounts.length); };
    tx.onerror = () => reject(tx.error);
  };
})`;
