import 'fake-indexeddb/auto';
import { pathToFileURL } from 'node:url';
import { createApiClient } from '../../data/sync/client';
import { syncChanges } from '../../data/sync/sync';
import { LensDB } from '../../data/db/db';
import { startFakeApi } from '../../tests/support/fake-api';
import { fakeAccounts } from '../../tests/support/fake-api-data';

export interface SyncBench {
  accounts: number;
  /** syncChanges, pages of 1000: each page validated and written in one transaction (bulkPut + cursor). */
  bulkMs: number;
  /** The same pages fetched and validated the same way, each row then put in its own transaction. */
  perRowMs: number;
  /** perRowMs / bulkMs: how much the bulk path saves. */
  ratio: number;
  /** Measured runs (medians reported), after one warm-up. */
  runs: number;
}

/**
 * A full pull of N accounts from the fake team API into IndexedDB
 * (fake-indexeddb), bulk versus per-row writes. Both include the network and
 * the validation, so the ratio is what the write strategy alone changes.
 */
export async function benchSync(accounts = 10_000, runs = 3): Promise<SyncBench> {
  await measure(Math.min(accounts, 1000)); // warm-up: JIT and fake-indexeddb, so neither path pays it alone
  const all: SyncBench[] = [];
  for (let i = 0; i < runs; i++) all.push(await measure(accounts));
  // Medians: a shared machine makes single runs noisy.
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const bulkMs = median(all.map((r) => r.bulkMs));
  const perRowMs = median(all.map((r) => r.perRowMs));
  return { accounts, bulkMs, perRowMs, ratio: Math.round((perRowMs / bulkMs) * 10) / 10, runs };
}

async function measure(accounts: number): Promise<SyncBench> {
  const api = await startFakeApi({ accounts: fakeAccounts(accounts), token: 'bench-token' });
  const client = createApiClient({ baseUrl: api.url, token: 'bench-token', timeoutMs: 120_000 });
  const run = Date.now();
  const bulkDb = new LensDB(`bench-sync-bulk-${run}`);
  const rowDb = new LensDB(`bench-sync-rows-${run}`);
  try {
    let t = performance.now();
    const res = await syncChanges(bulkDb, client, { now: new Date(), pageLimit: 1000 });
    const bulkMs = performance.now() - t;
    if (!res.ok || (await bulkDb.accounts.count()) !== accounts) throw new Error(`bulk sync incomplete: ${res.error?.message ?? ''}`);

    t = performance.now();
    const syncedAt = new Date().toISOString();
    let cursor: string | undefined;
    for (;;) {
      const page = await client.changes(cursor, 1000);
      for (const item of page.items) {
        if (item.kind !== 'accounts') continue;
        await rowDb.transaction('rw', rowDb.accounts, () => rowDb.accounts.put({ ...item.record, source: 'api', syncedAt }));
      }
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    const perRowMs = performance.now() - t;
    if ((await rowDb.accounts.count()) !== accounts) throw new Error('per-row sync incomplete');
    const round = (x: number) => Math.round(x * 10) / 10;
    return { accounts, bulkMs: round(bulkMs), perRowMs: round(perRowMs), ratio: round(perRowMs / bulkMs), runs: 1 };
  } finally {
    await Promise.all([bulkDb.delete(), rowDb.delete()]);
    await api.stop();
  }
}

// npx tsx scripts/bench/sync.ts [accounts]
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await benchSync(Number(process.argv[2] ?? 10_000)));
}
