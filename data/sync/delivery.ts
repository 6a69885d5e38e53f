import type { LensDB } from '../db/db';
import type { OutboxEntry } from '../model/records';
import type { ApiClient } from './client';
import { ApiError, toApiError, type ApiErrorInfo } from './errors';
import { singleFlight } from './flight';
import { loadIdMap, serverAccountId } from './id-map';
import { applyIncoming, syncTables } from './merge';
import { emptyElements, isElementList } from './list-merge';
import { sameValue } from './versions';
import { META, type LastOutbox } from './meta';
import type { WrittenRecord } from './schemas';
import { guardStorage } from '../db/storage-full';

/**
 * The outbox, delivering side: due entries go to the team server in order,
 * each at least once (its idempotency key makes the server apply it exactly
 * once); a failure waits with jittered backoff, a refusal is kept for the
 * person to retry or discard. Entries are written by outbox.ts.
 */

/** nextAttemptAt of an entry the server refused: never due, kept and shown until the user retries or discards it. */
export const FAILED_AT = Number.MAX_SAFE_INTEGER;
export const BACKOFF = { baseMs: 2_000, factor: 2, capMs: 30 * 60_000 } as const;

/** Full jitter: uniform in [0, min(cap, base·factor^(attempts-1))), attempts counting this failure. */
export function backoffMs(attempts: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF.capMs, BACKOFF.baseMs * BACKOFF.factor ** Math.max(0, attempts - 1));
  return Math.floor(random() * ceiling);
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
  const queued = (await db.outbox.toArray()).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  const map = await loadIdMap(db);
  let delivered = 0, retried = 0, refused = 0, sentCount = 0;
  let stoppedBy: ApiError | undefined, lastError: ApiError | undefined, resumeAt: number | undefined;
  // A record's writes go in order: one waiting (out a backoff, or behind a failure in this run)
  // holds the later ones back, so an older body never lands after a newer one.
  const held = new Set<string>();
  for (const listed of queued) {
    const { kind } = listed;
    const rk = `${kind}:${listed.recordId}`;
    if (held.has(rk)) continue;
    if (listed.nextAttemptAt > t) {
      if (listed.nextAttemptAt !== FAILED_AT) held.add(rk);
      continue;
    }
    if (sentCount >= maxBatch) break;
    // Read again and marked sent in one transaction: from here the server may hold this body, so a
    // later edit queues behind it instead of replacing it (and an entry replaced or rebased
    // since the list was read is sent as it now is, or not at all).
    const entry = await guardStorage(db, () => db.transaction('rw', db.outbox, async () => {
      const now = await db.outbox.where('key').equals(listed.key).first();
      if (now && !now.sent) await db.outbox.where('key').equals(listed.key).modify((e: OutboxEntry) => void (e.sent = true));
      return now;
    }));
    if (!entry) continue;
    sentCount++;
    const record = entry.record as WrittenRecord;
    const body = { ...record, accountId: serverAccountId(map, record.accountId) };
    const base = entry.fields
      ? { baseVersion: record.version ?? 0, fields: entry.fields, ...(entry.resolved ? { resolved: entry.resolved } : {}), ...(entry.bases ? { values: entry.bases } : {}) }
      : undefined;
    const sent = await client.putRecord(kind, body, entry.key, base).then(
      (stored) => ({ stored }),
      (err: unknown) => ({ error: toApiError(err) }),
    );
    if ('stored' in sent) {
      // Not under the catch: a database failure is not the server's. It propagates, and the
      // entry, still queued, is replayed under the same key next time (no second write).
      await guardStorage(db, () => db.transaction('rw', syncTables(db), async () => {
        await db.outbox.where('key').equals(entry.key).delete();
        await rebaseLater(db, entry, sent.stored);
        await applyIncoming(db, { accounts: [], records: [{ kind, record: sent.stored }] }, now);
      }));
      delivered++;
      continue;
    }
    held.add(rk);
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
  if (sentCount > 0) {
    const last: LastOutbox = { at: now.toISOString(), delivered, ...(lastError ? { error: lastError.info() } : {}) };
    await db.meta.put({ key: META.lastOutbox, value: last });
  }
  const status = await outboxStatus(db);
  const { nextDueAt: _n, ...counts } = status;
  const nextDueAt = stoppedBy?.kind === 'unauthorized' ? undefined : (resumeAt ?? status.nextDueAt);
  return { ...counts, delivered, retried, refused, ...(nextDueAt !== undefined ? { nextDueAt } : {}), ...(stoppedBy ? { stoppedBy } : {}) };
}

/**
 * The answer to an entry moves the record's later entries onto its version:
 * a field the later entry carries with the value just stored has nothing new
 * to say and leaves it (so it cannot displace a colleague's newer value); a
 * field edited again now starts from the answer's version, so the server does
 * not take this device's own earlier edit for someone else's.
 */
async function rebaseLater(db: LensDB, done: OutboxEntry, stored: WrittenRecord): Promise<void> {
  if (!done.fields || stored.version === undefined) return;
  const version = stored.version;
  const sentRecord = done.record as Record<string, unknown>;
  const answer = stored as Record<string, unknown>;
  const later = await db.outbox.filter((e) => e.kind === done.kind && e.recordId === done.recordId && !e.sent && e.fields !== undefined).toArray();
  for (const e of later) {
    const fields = { ...e.fields };
    const bases = { ...e.bases };
    const mine = e.record as Record<string, unknown>;
    for (const f of Object.keys(done.fields)) {
      if (!(f in fields) || !sameValue(answer[f], sentRecord[f])) continue;
      delete bases[f];
      if (sameValue(mine[f], answer[f])) delete fields[f];
      else {
        fields[f] = Math.max(fields[f]!, version);
        // It now starts from the answer: an element list's base moves with it.
        if (isElementList(f)) bases[f] = answer[f] ?? emptyElements(f);
      }
    }
    if (Object.keys(fields).length === 0 && !e.resolved?.length) await db.outbox.where('key').equals(e.key).delete();
    else {
      await db.outbox.where('key').equals(e.key).modify((x: OutboxEntry) => {
        x.fields = fields;
        if (Object.keys(bases).length) x.bases = bases;
        else delete x.bases;
      });
    }
  }
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
