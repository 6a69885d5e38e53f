import type { LensDB } from '../db/db';
import { WRITTEN_KINDS, type OutboxEntry, type WrittenKind } from '../model/records';
import type { ApiClient } from './client';
import { ApiError, toApiError, type ApiErrorInfo } from './errors';
import { singleFlight } from './flight';
import { loadIdMap, serverAccountId } from './id-map';
import { applyIncoming, recordTable, syncTables } from './merge';
import { META, type LastOutbox } from './meta';
import type { RecordOf, WrittenRecord } from './schemas';
import { guardStorage } from '../db/storage-full';

/**
 * The outbox: every user write is stored locally and queued in the same
 * transaction, then delivered at least once; the idempotency key makes the
 * server apply it exactly once.
 */

/** nextAttemptAt of an entry the server refused: never due, kept and shown until the user retries or discards it. */
export const FAILED_AT = Number.MAX_SAFE_INTEGER;
export const BACKOFF = { baseMs: 2_000, factor: 2, capMs: 30 * 60_000 } as const;

/** Full jitter: uniform in [0, min(cap, base·factor^(attempts-1))), attempts counting this failure. */
export function backoffMs(attempts: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF.capMs, BACKOFF.baseMs * BACKOFF.factor ** Math.max(0, attempts - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Stores a user's record and queues it. updatedAt is stamped with `now`: the
 * merge rule trusts it. Coalescing: an entry already queued for the same
 * record is replaced by one with a NEW key, in the same transaction. A key
 * names one body forever (same key + other body is a 409), and a PUT carries
 * the whole record, so the newest body alone is enough; if the old entry was
 * in flight, its answer finds no entry to delete and loses the merge to the
 * newer local record, and the new entry follows it.
 */
export async function writeRecord<K extends WrittenKind>(db: LensDB, kind: K, record: unknown, now: Date): Promise<RecordOf<K>> {
  const stamp = now.toISOString();
  const stored = { ...(WRITTEN_KINDS[kind].parse(record) as RecordOf<K>), updatedAt: stamp };
  await guardStorage(db, () => db.transaction('rw', [recordTable(db, kind), db.outbox], async () => {
    await db.outbox.filter((e) => e.kind === kind && e.recordId === stored.id).delete();
    await recordTable(db, kind).put(stored);
    await db.outbox.add({
      key: crypto.randomUUID(), kind, recordId: stored.id, record: stored, createdAt: stamp, attempts: 0, nextAttemptAt: now.getTime(),
    });
  }));
  return stored;
}

export interface OutboxStatus {
  /** Entries waiting to be delivered (due now or later). */
  pending: number;
  /** Entries the server refused, kept for the user. */
  failed: number;
  /** When the earliest pending entry is due (ms since epoch). */
  nextDueAt?: number;
}

export async function outboxStatus(db: LensDB): Promise<OutboxStatus> {
  const [total, failed, first] = await Promise.all([
    db.outbox.count(),
    db.outbox.where('nextAttemptAt').equals(FAILED_AT).count(),
    db.outbox.where('nextAttemptAt').below(FAILED_AT).first(),
  ]);
  return { pending: total - failed, failed, ...(first ? { nextDueAt: first.nextAttemptAt } : {}) };
}

export interface DeliverOptions {
  now: Date;
  random?: () => number;
  maxBatch?: number;
}

export interface DeliverResult extends OutboxStatus {
  delivered: number;
  /** Failed in this run and rescheduled with backoff. */
  retried: number;
  /** Refused in this run and flagged (counted in failed). */
  refused: number;
  /** What ended the run early: unauthorized (nothing more is sent), offline or timeout. */
  stoppedBy?: ApiError;
}

export function deliverOutbox(db: LensDB, client: ApiClient, opts: DeliverOptions): Promise<DeliverResult> {
  return singleFlight(db, 'outbox', () => deliver(db, client, opts));
}

async function deliver(db: LensDB, client: ApiClient, { now, random = Math.random, maxBatch = 50 }: DeliverOptions): Promise<DeliverResult> {
  const t = now.getTime();
  const due = (await db.outbox.where('nextAttemptAt').belowOrEqual(t).toArray())
    .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))
    .slice(0, maxBatch);
  const map = await loadIdMap(db);
  let delivered = 0, retried = 0, refused = 0;
  let stoppedBy: ApiError | undefined, lastError: ApiError | undefined, resumeAt: number | undefined;
  for (const entry of due) {
    const { kind } = entry;
    const record = entry.record as WrittenRecord;
    const body = { ...record, accountId: serverAccountId(map, record.accountId) };
    const sent = await client.putRecord(kind, body, entry.key).then(
      (stored) => ({ stored }),
      (err: unknown) => ({ error: toApiError(err) }),
    );
    if ('stored' in sent) {
      // Not under the catch: a database failure is not the server's. It propagates, and the
      // entry, still queued, is replayed under the same key next time (no second write).
      await guardStorage(db, () => db.transaction('rw', syncTables(db), async () => {
        await db.outbox.where('key').equals(entry.key).delete();
        await applyIncoming(db, { accounts: [], records: [{ kind, record: sent.stored }] }, now);
      }));
      delivered++;
      continue;
    }
    lastError = sent.error;
    // A refused token refuses every entry: stop without spending their attempts.
    if (lastError.kind === 'unauthorized') {
      stoppedBy = lastError;
      break;
    }
    const refusedNow = lastError.kind === 'rejected' || lastError.kind === 'not_found';
    const next = t + Math.max(backoffMs(entry.attempts + 1, random), lastError.retryAfterMs ?? 0);
    const info = lastError.info();
    const rekey = lastError.kind === 'conflict';
    // modify by key: if the entry was coalesced away meanwhile, there is nothing to update.
    await db.outbox.where('key').equals(entry.key).modify((e: OutboxEntry) => {
      e.attempts += 1;
      e.lastError = JSON.stringify(info);
      e.nextAttemptAt = refusedNow ? FAILED_AT : next;
      // 409: the server holds another body under this key; this body needs a key of its own.
      if (rekey) e.key = crypto.randomUUID();
    });
    if (refusedNow) refused++;
    else retried++;
    // The network is shared: the other entries would fail the same way, so they wait for this one.
    if (lastError.kind === 'offline' || lastError.kind === 'timeout') {
      stoppedBy = lastError;
      resumeAt = next;
      break;
    }
  }
  if (due.length > 0) {
    const last: LastOutbox = { at: now.toISOString(), delivered, ...(lastError ? { error: lastError.info() } : {}) };
    await db.meta.put({ key: META.lastOutbox, value: last });
  }
  const status = await outboxStatus(db);
  const { nextDueAt: _n, ...counts } = status;
  const nextDueAt = stoppedBy?.kind === 'unauthorized' ? undefined : (resumeAt ?? status.nextDueAt);
  return { ...counts, delivered, retried, refused, ...(nextDueAt !== undefined ? { nextDueAt } : {}), ...(stoppedBy ? { stoppedBy } : {}) };
}

/** The error kept on an entry, or undefined for one never tried. */
export function entryError(entry: Pick<OutboxEntry, 'lastError'>): ApiErrorInfo | undefined {
  if (!entry.lastError) return undefined;
  try {
    const v = JSON.parse(entry.lastError) as ApiErrorInfo;
    return typeof v.kind === 'string' && typeof v.message === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The user asks to send a refused (or waiting) entry again now. */
export async function retryEntry(db: LensDB, key: string, now: Date): Promise<void> {
  await db.outbox.where('key').equals(key).modify((e: OutboxEntry) => void (e.nextAttemptAt = now.getTime()));
}

/** The user gives up on an entry: the local record stays as written, the server never gets it. */
export async function discardEntry(db: LensDB, key: string): Promise<void> {
  await db.outbox.where('key').equals(key).delete();
}
