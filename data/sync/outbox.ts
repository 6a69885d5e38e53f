import type { LensDB } from '../db/db';
import { WRITTEN_KINDS, type OutboxEntry, type WrittenKind } from '../model/records';
import { recordTable } from './merge';
import { changedFields } from './versions';
import { emptyElements, isElementList } from './list-merge';
import type { RecordOf, WrittenRecord } from './schemas';
import { guardStorage } from '../db/storage-full';
import { settleAccountTerms } from '../db/terms';

/**
 * The outbox, writing side: every user write is stored locally and queued in
 * the same transaction, with only the fields it changed. Delivery (at least
 * once; the idempotency key makes the server apply it exactly once) is in
 * delivery.ts.
 */

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
 * behind it; its answer then rebases the newer entry (delivery.ts).
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
  const bases = legacy ? {} : listBases(edited, local, given, queued, open);
  const settled = [...new Set([...(open?.resolved ?? []), ...resolved])];
  const entry: OutboxEntry = {
    key: crypto.randomUUID(), kind, recordId: stored.id, record: stored, createdAt: stamp, attempts: 0, nextAttemptAt: now.getTime(),
    // An entry queued before versions stays a whole-record write.
    ...(legacy ? {} : { fields }),
    ...(Object.keys(bases).length ? { bases } : {}),
    ...(settled.length ? { resolved: settled } : {}),
  };
  return { stored, entry, ...(open ? { replaces: open } : {}) };
}

/**
 * The value each edited list field started from, for the server's element-wise
 * merge: kept from the field's first queued edit, else the stored copy's, when
 * the edit was made on that copy. An edit made on an older panel copy sends
 * none, and meets others' edits as a whole field.
 */
function listBases(edited: readonly string[], local: WrittenRecord | undefined, given: WrittenRecord, queued: readonly OutboxEntry[], open: OutboxEntry | undefined): Record<string, unknown> {
  const bases: Record<string, unknown> = { ...(open?.bases ?? {}) };
  for (const f of edited) {
    if (!isElementList(f) || (open?.fields && f in open.fields)) continue;
    const first = queued.find((e) => e.fields && f in e.fields);
    const base = first ? first.bases?.[f] : given.version === local?.version ? ((local as Record<string, unknown> | undefined)?.[f] ?? emptyElements(f)) : undefined;
    if (base !== undefined) bases[f] = base;
  }
  return bases;
}

/** Conflicts the user settled: present in the stored copy, left out of the copy written from the same version. */
function settledFields(local: WrittenRecord | undefined, given: WrittenRecord): string[] {
  if (!local?.conflicts?.length || given.conflicts === undefined || given.version !== local.version) return [];
  const still = new Set(given.conflicts.map((c) => `${c.field}@${c.version}`));
  return [...new Set(local.conflicts.filter((c) => !still.has(`${c.field}@${c.version}`)).map((c) => c.field))];
}
