import type { LensDB } from '../db/db';
import { WRITTEN_KINDS, type OutboxEntry, type WrittenKind } from '../model/records';
import type { ApiClient } from './client';
import { ApiError, toApiError, type ApiErrorInfo } from './errors';
import { singleFlight } from './flight';
import { loadIdMap, serverAccountId } from './id-map';
import { applyIncoming, recordTable, syncTables } from './merge';
import { changedFields, sameValue } from './versions';
import { META, type LastOutbox } from './meta';
import type { RecordOf, WrittenRecord } from './schemas';
import { guardStorage } from '../db/storage-full';
import { settleAccountTerms } from '../db/terms';

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
 * Stores a user's record and queues what changed. The edit is the difference
 * between the record given and the stored one (what the panel showed): each
 * changed field is queued with the version its edit started from (the
 * version the panel's copy carried), and the server merges field by field.
 * updatedAt is stamped with `now` for display only: versions order copies.
 *
 * Coalescing: the record's last entry, if it was never sent, is replaced by
 * one with a NEW key (a key names one body forever: same key + other body is
 * a 409) that carries its fields and the new ones. An entry that was sent may
 * be held by the server already, so it is kept, and the new edit queues
 * behind it; its answer then rebases the newer entry (deliver below).
 * A write that changes nothing queues nothing.
 */
export async function writeRecord<K extends WrittenKind>(db: LensDB, kind: K, record: unknown, now: Date, opts: { settleTerms?: boolean } = {}): Promise<RecordOf<K>> {
  const [stored] = await writeRecords(db, [{ kind, record }], now, opts);
  return stored as RecordOf<K>;
}

export interface RecordWrite {
  kind: WrittenKind;
  record: unknown;
}

/**
 * Many records, of one kind or several, written as writeRecord writes each
 * (same versions, coalescing and change feed) in ONE transaction: every
 * record is checked before anything is stored, the outbox is read once
 * rather than once per record, and the rows and entries go in with bulk
 * puts. A failure anywhere stores none of them. Records are applied in the
 * order given, so a record named twice coalesces as two writes would.
 * Returns each record as stored (the stored copy when nothing changed).
 */
export async function writeRecords(db: LensDB, writes: readonly RecordWrite[], now: Date, opts: { settleTerms?: boolean } = {}): Promise<WrittenRecord[]> {
  if (!writes.length) return [];
  const given = writes.map((w) => ({ kind: w.kind, record: WRITTEN_KINDS[w.kind].parse(w.record) as WrittenRecord }));
  const kinds = [...new Set(given.map((g) => g.kind))];
  // A term moves its account's contract end and ARR in the same transaction.
  const tables = [...kinds.map((k) => recordTable(db, k)), db.outbox, ...(kinds.includes('contracts') ? [db.accounts] : [])];
  return guardStorage(db, () => db.transaction('rw', tables, async () => {
    const locals = new Map<string, WrittenRecord>();
    for (const kind of kinds) {
      const ids = [...new Set(given.filter((g) => g.kind === kind).map((g) => g.record.id))];
      const rows = await recordTable(db, kind).bulkGet(ids);
      rows.forEach((r, i) => void (r && locals.set(`${kind}:${ids[i]}`, r)));
    }
    // The queue, read once: each record's entries in order.
    const wanted = new Set(given.map((g) => `${g.kind}:${g.record.id}`));
    const queues = new Map<string, OutboxEntry[]>();
    if (await db.outbox.count()) {
      await db.outbox.each((e) => {
        const rk = `${e.kind}:${e.recordId}`;
        if (wanted.has(rk)) (queues.get(rk) ?? queues.set(rk, []).get(rk)!).push(e);
      });
      for (const q of queues.values()) q.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
    }
    const out: WrittenRecord[] = [];
    const puts = new Map<WrittenKind, Map<string, WrittenRecord>>();
    const replaced = new Set<string>();
    const added = new Map<string, OutboxEntry>();
    for (const { kind, record } of given) {
      const rk = `${kind}:${record.id}`;
      const queued = queues.get(rk) ?? [];
      const step = queueWrite(kind, locals.get(rk), queued, record, now);
      if (!step) {
        out.push(locals.get(rk)!);
        continue;
      }
      locals.set(rk, step.stored);
      (puts.get(kind) ?? puts.set(kind, new Map()).get(kind)!).set(record.id, step.stored);
      if (step.replaces) {
        // An entry this batch added and now replaces was never stored: it is simply not added.
        if (!added.delete(step.replaces.key)) replaced.add(step.replaces.key);
        queued.pop();
      }
      added.set(step.entry.key, step.entry);
      queued.push(step.entry);
      queues.set(rk, queued);
      out.push(step.stored);
    }
    for (const [kind, rows] of puts) await recordTable(db, kind).bulkPut([...rows.values()]);
    if (replaced.size) await db.outbox.where('key').anyOf([...replaced]).delete();
    if (added.size) await db.outbox.bulkAdd([...added.values()]);
    const terms = puts.get('contracts');
    if (terms && opts.settleTerms !== false) await settleAccountTerms(db, [...terms.values()].map((t) => (t as RecordOf<'contracts'>).accountId));
    return out;
  }));
}

/**
 * One write against the record's stored copy and its queued entries: the
 * copy to store, the entry to queue and the open entry it replaces, or
 * undefined when the write changes nothing.
 */
function queueWrite(kind: WrittenKind, local: WrittenRecord | undefined, queued: readonly OutboxEntry[], given: WrittenRecord, now: Date):
  { stored: WrittenRecord; entry: OutboxEntry; replaces?: OutboxEntry } | undefined {
  const stamp = now.toISOString();
  const last = queued.at(-1);
  const open = last && !last.sent ? last : undefined;
  const localVersion = local?.version;
  // The version of the copy the edit was made on: the panel's, when it is older than the stored one.
  const viewVersion = Math.min(given.version ?? Infinity, localVersion ?? 0);
  const edited = changedFields((local ?? {}) as Record<string, unknown>, given as Record<string, unknown>);
  const resolved = settledFields(local, given);
  if (local && edited.length === 0 && resolved.length === 0) return undefined;
  const kept = (local?.conflicts ?? []).filter((c) => !resolved.includes(c.field));
  const { conflicts: _c, version: _v, ...rest } = given;
  const stored = {
    ...rest, updatedAt: stamp,
    ...(localVersion !== undefined ? { version: localVersion } : {}),
    ...(kept.length ? { conflicts: kept } : {}),
  } as WrittenRecord;
  // A field edited again keeps the base of its first unsent edit: the server has not seen it yet.
  const earlier = new Map<string, number>();
  for (const e of queued) for (const [f, v] of Object.entries(e.fields ?? {})) if (!earlier.has(f)) earlier.set(f, v);
  const legacy = open !== undefined && open.fields === undefined;
  const fields: Record<string, number> = { ...(open?.fields ?? {}) };
  for (const f of edited) fields[f] ??= earlier.get(f) ?? viewVersion;
  const settled = [...new Set([...(open?.resolved ?? []), ...resolved])];
  const entry: OutboxEntry = {
    key: crypto.randomUUID(), kind, recordId: stored.id, record: stored, createdAt: stamp, attempts: 0, nextAttemptAt: now.getTime(),
    // An entry queued before versions stays a whole-record write.
    ...(legacy ? {} : { fields }),
    ...(settled.length ? { resolved: settled } : {}),
  };
  return { stored, entry, ...(open ? { replaces: open } : {}) };
}

/** Conflicts the user settled: present in the stored copy, left out of the copy written from the same version. */
function settledFields(local: WrittenRecord | undefined, given: WrittenRecord): string[] {
  if (!local?.conflicts?.length || given.conflicts === undefined || given.version !== local.version) return [];
  const still = new Set(given.conflicts.map((c) => `${c.field}@${c.version}`));
  return [...new Set(local.conflicts.filter((c) => !still.has(`${c.field}@${c.version}`)).map((c) => c.field))];
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
    const base = entry.fields ? { baseVersion: record.version ?? 0, fields: entry.fields, ...(entry.resolved ? { resolved: entry.resolved } : {}) } : undefined;
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
    const mine = e.record as Record<string, unknown>;
    for (const f of Object.keys(done.fields)) {
      if (!(f in fields) || !sameValue(answer[f], sentRecord[f])) continue;
      if (sameValue(mine[f], answer[f])) delete fields[f];
      else fields[f] = Math.max(fields[f]!, version);
    }
    if (Object.keys(fields).length === 0 && !e.resolved?.length) await db.outbox.where('key').equals(e.key).delete();
    else await db.outbox.where('key').equals(e.key).modify((x: OutboxEntry) => void (x.fields = fields));
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
