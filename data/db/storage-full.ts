/**
 * The browser's storage for the extension is full: its quota is reached, or
 * the disk itself is. Chromium reports the first as QuotaExceededError and the
 * second as an UnknownError naming FILE_ERROR_NO_SPACE, which aborts the
 * transaction and closes the connection. Dexie wraps either (a BulkError of
 * AbortErrors, say) and the cause is often only on the aborted transaction.
 */
export class StorageFullError extends Error {
  override name = 'QuotaExceededError';
  constructor(readonly detail?: string) {
    super(`QuotaExceededError: the browser’s storage for Account Lens is full${detail ? ` (${detail.slice(0, 200)})` : ''}`);
  }
}

/**
 * The database cannot be opened at all. Chromium says so with an UnknownError
 * ("Internal error opening backing store") when the disk is full at the time;
 * Dexie then fails every later call with DatabaseClosedError.
 */
export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
  constructor(readonly detail?: string) {
    super(`StorageUnavailableError: the browser could not open the storage of Account Lens${detail ? ` (${detail.slice(0, 200)})` : ''}`);
  }
}

const FULL = /QuotaExceeded|FILE_ERROR_NO_SPACE|No space left on device|full disk/i;
const UNAVAILABLE = /StorageUnavailable|OpenFailedError|DatabaseClosedError|opening backing store/i;

function mentions(err: unknown, pattern: RegExp, depth = 0): boolean {
  if (err == null || depth > 4) return false;
  if (typeof err === 'string') return pattern.test(err);
  if (typeof err !== 'object') return false;
  const e = err as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown; failures?: unknown; failuresByPos?: unknown };
  if (typeof e.name === 'string' && pattern.test(e.name)) return true;
  if (typeof e.message === 'string' && pattern.test(e.message)) return true;
  const wrapped = [e.inner, e.cause, ...(Array.isArray(e.failures) ? e.failures.slice(0, 20) : [])];
  if (e.failuresByPos && typeof e.failuresByPos === 'object') wrapped.push(...Object.values(e.failuresByPos).slice(0, 20));
  return wrapped.some((w) => w !== err && mentions(w, pattern, depth + 1));
}

/** True when an error (or any error it wraps, or its text after crossing a message channel) says storage is full. */
export const isStorageFull = (err: unknown): boolean => mentions(err, FULL);

/** True when the database could not be opened (and storage is not known to be full). */
export const isStorageUnavailable = (err: unknown): boolean => !isStorageFull(err) && mentions(err, UNAVAILABLE);

/** Counts transactions the browser aborted because storage was full; see `guardStorage`. */
export interface StorageWatch {
  storageFullAborts: number;
  lastStorageFullCause?: string;
}

/**
 * Runs a write; when it fails because storage is full (said by the error, or
 * by a transaction of this database aborted for that reason meanwhile), it
 * fails with a StorageFullError instead, which every form words plainly.
 */
export async function guardStorage<T>(watch: StorageWatch, run: () => Promise<T>): Promise<T> {
  const before = watch.storageFullAborts;
  try {
    return await run();
  } catch (err) {
    if (err instanceof StorageFullError || err instanceof StorageUnavailableError) throw err;
    const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    if (isStorageFull(err)) throw new StorageFullError(text);
    if (isStorageUnavailable(err)) throw new StorageUnavailableError(text);
    // An aborted write's own error can settle before the browser reports why it aborted the
    // transaction: wait for that a little, for abort-like errors only (not, say, an import conflict).
    const aborted = mentions(err, /AbortError|BulkError|UnknownError/);
    for (let i = 0; aborted && i < 10 && watch.storageFullAborts === before; i++) await new Promise((r) => setTimeout(r, 10));
    if (watch.storageFullAborts > before) throw new StorageFullError(watch.lastStorageFullCause);
    throw err;
  }
}
