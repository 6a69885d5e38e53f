import type { LensDB } from '../db/db';
import type { ApiClient } from './client';
import { ApiError, toApiError } from './errors';
import { singleFlight } from './flight';
import { applyIncoming, syncTables, type Incoming } from './merge';
import { META, type LastSync } from './meta';
import { DEFAULT_PAGE_LIMIT, type ChangesPage } from './schemas';
import { guardStorage } from '../db/storage-full';

export interface SyncOptions {
  now: Date;
  /** Changes asked for per page (1..1000). */
  pageLimit?: number;
  /** Pages per run at most; the rest waits for the next run, resuming from the cursor. */
  maxPages?: number;
}

export interface SyncResult {
  ok: boolean;
  /** Changes received and committed in this run. */
  received: number;
  /** Rows whose stored data actually changed. */
  changed: number;
  pages: number;
  /** True when maxPages ended the run with more to fetch. */
  more: boolean;
  error?: ApiError;
}

export async function readCursor(db: LensDB): Promise<string | undefined> {
  const v = (await db.meta.get(META.cursor))?.value;
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/**
 * Pulls the change feed from the stored cursor until the server has no more.
 * Each page is validated by the client, then written with its cursor in one
 * transaction (bulk writes), so a failure or a crash between pages resumes
 * after the last committed page and never skips or half-applies one.
 */
export function syncChanges(db: LensDB, client: ApiClient, opts: SyncOptions): Promise<SyncResult> {
  return singleFlight(db, 'sync', () => pull(db, client, opts));
}

async function pull(db: LensDB, client: ApiClient, { now, pageLimit = DEFAULT_PAGE_LIMIT, maxPages = 10_000 }: SyncOptions) {
  const result: SyncResult = { ok: true, received: 0, changed: 0, pages: 0, more: false };
  let cursor = await readCursor(db);
  for (;;) {
    let page: ChangesPage;
    try {
      page = await client.changes(cursor, pageLimit);
      if (page.hasMore && page.nextCursor === cursor) throw new ApiError('malformed', 'The team server did not move the change cursor forward.');
    } catch (err) {
      result.ok = false;
      result.error = toApiError(err);
      break;
    }
    const next = page.nextCursor;
    result.changed += await guardStorage(db, () => db.transaction('rw', syncTables(db), async () => {
      const n = await applyIncoming(db, splitItems(page.items), now);
      await db.meta.put({ key: META.cursor, value: next });
      return n;
    }));
    cursor = next;
    result.received += page.items.length;
    result.pages++;
    if (!page.hasMore) break;
    if (result.pages >= maxPages) {
      result.more = true;
      break;
    }
  }
  const last: LastSync = { at: now.toISOString(), ok: result.ok, received: result.received, ...(result.error ? { error: result.error.info() } : {}) };
  await db.meta.put({ key: META.lastSync, value: last });
  if (result.ok && !result.more) await db.meta.put({ key: META.lastSyncOk, value: { at: last.at } });
  return result;
}

function splitItems(items: ChangesPage['items']): Incoming {
  const incoming: Incoming = { accounts: [], records: [] };
  for (const item of items) {
    if (item.kind === 'accounts') incoming.accounts.push(item.record);
    else incoming.records.push({ kind: item.kind, record: item.record });
  }
  return incoming;
}
