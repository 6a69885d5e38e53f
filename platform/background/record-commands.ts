import type { LensDB } from '../../data/db/db';
import type { WrittenKind } from '../../data/model/records';
import type { Conflict } from '../../data/model/common';
import type { Handover } from '../../data/model/handover';
import { writeRecords } from '../../data/sync/outbox';
import { promisesFromHandover } from '../../features/handover/promises';
import { recordTable } from '../../data/sync/merge';
import { settleConflict } from '../../data/sync/versions';

/**
 * The panel's two plain writes, named by what they do, so no page assembles
 * a stored record: `record/create` (the background mints the id and the
 * timestamps) and `record/update` (the stored copy with the fields the person
 * changed on top, based on the version the panel showed). The outbox then
 * queues only what changed (data/sync/outbox.ts).
 */
const MINTED = ['id', 'createdAt', 'updatedAt', 'version', 'conflicts', 'author', 'updatedBy', 'deleted'] as const;
const KEPT = ['id', 'accountId', 'createdAt', 'updatedAt', 'version', 'author', 'updatedBy', 'deleted'] as const;

const without = (fields: Record<string, unknown>, keys: readonly string[]) =>
  Object.fromEntries(Object.entries(fields).filter(([k]) => !keys.includes(k)));

/** The version an edit is based on: the copy the person saw, never newer than the stored one. */
const baseVersion = (stored: Record<string, unknown>, version: number | undefined) =>
  typeof stored.version === 'number' && version !== undefined ? Math.min(version, stored.version) : stored.version;

/** A new record of `kind` from what the person typed; whatever the page sent for the minted fields is ignored. */
export function newRecord(kind: WrittenKind, fields: Record<string, unknown>, now: Date, newId: () => string = () => crypto.randomUUID()): Record<string, unknown> {
  const stamp = now.toISOString();
  const id = newId();
  // A next step a person adds is its own cause: `manual:<its id>`, so no rule ever closes or repeats it.
  const cause = kind === 'ctas' && fields.source === 'manual' ? { cause: `manual:${id}` } : {};
  return { ...without(fields, MINTED), ...cause, id, createdAt: stamp, updatedAt: stamp };
}

/**
 * The stored record with `patch` on top. The patch cannot move a record to
 * another account or rewrite who made it; `version` is the version of the copy
 * the person edited (absent: the stored one), so an edit made on an older copy
 * is merged as one (a true conflict is kept, not overwritten).
 */
export async function patchedRecord(db: LensDB, kind: WrittenKind, id: string, patch: Record<string, unknown>, version: number | undefined, now: Date): Promise<Record<string, unknown>> {
  const stored = (await recordTable(db, kind).get(id)) as Record<string, unknown> | undefined;
  if (!stored || stored.deleted) throw new Error(`no ${kind} record ${id} to change`);
  const base = baseVersion(stored, version);
  return { ...stored, ...without(patch, KEPT), updatedAt: now.toISOString(), ...(base !== undefined ? { version: base } : {}) };
}

export type PutInput = {
  id: string;
  accountId: string;
  fields: Record<string, unknown>;
  /** Fields the form owns and left empty: removed from the stored copy. */
  unset?: readonly string[];
  /** Fields set to this moment (a handover's `submittedAt`, a decision's `decidedAt`). */
  stamp?: readonly string[];
  version?: number;
};

/**
 * The record at a fixed id (an account's handover or service plan, a month's
 * report, a milestone tick): created there, or the stored copy changed in
 * place. A removed record at that id comes back. The id cannot name another
 * account's record.
 */
export async function putRecord(db: LensDB, kind: WrittenKind, input: PutInput, now: Date): Promise<Record<string, unknown>> {
  const at = now.toISOString();
  const stored = (await recordTable(db, kind).get(input.id)) as Record<string, unknown> | undefined;
  if (stored && stored.accountId !== input.accountId) throw new Error(`${kind} record ${input.id} belongs to another account`);
  const base = stored
    ? { ...stored, ...(stored.deleted ? { deleted: false } : {}) }
    : { id: input.id, accountId: input.accountId, createdAt: at };
  const next: Record<string, unknown> = { ...base, ...without(input.fields, KEPT) };
  for (const key of input.unset ?? []) if (!KEPT.includes(key as (typeof KEPT)[number])) delete next[key];
  for (const key of input.stamp ?? []) if (!KEPT.includes(key as (typeof KEPT)[number])) next[key] = at;
  next.updatedAt = at;
  const version = stored ? baseVersion(stored, input.version) : undefined;
  if (version !== undefined) next.version = version;
  return next;
}

/** A stored record marked removed (kept as a tombstone so the removal reaches the team server). */
export async function removedRecord(db: LensDB, kind: WrittenKind, id: string, version: number | undefined, now: Date): Promise<Record<string, unknown>> {
  const stored = (await recordTable(db, kind).get(id)) as Record<string, unknown> | undefined;
  if (!stored) throw new Error(`no ${kind} record ${id} to remove`);
  const base = baseVersion(stored, version);
  return { ...stored, deleted: true, updatedAt: now.toISOString(), ...(base !== undefined ? { version: base } : {}) };
}

/**
 * One conflict on a stored record settled: `theirs` puts the other person's
 * value back (the conflict of that field and version), `mine` keeps the
 * current one. Either way the field's conflict is gone.
 */
export async function settledRecord(
  db: LensDB, kind: WrittenKind, id: string, field: string, choice: 'theirs' | 'mine', conflictVersion: number | undefined, now: Date,
): Promise<Record<string, unknown>> {
  const stored = (await recordTable(db, kind).get(id)) as (Record<string, unknown> & { conflicts?: Conflict[] }) | undefined;
  if (!stored) throw new Error(`no ${kind} record ${id} to settle`);
  const pick = (stored.conflicts ?? []).find((c) => c.field === field && (conflictVersion === undefined || c.version === conflictVersion));
  if (!pick) throw new Error(`no conflict on ${field} of ${kind} record ${id}`);
  return { ...settleConflict(stored, field, choice, pick), updatedAt: now.toISOString() };
}

/**
 * A handover just submitted puts its promises into the ledger, once: a
 * promise already there (a CSM may have edited it since) stays as it is.
 */
export async function promisesOfSubmission(db: LensDB, before: Handover | undefined, id: string, now: Date): Promise<number> {
  const handover = await db.handovers.get(id);
  if (!handover || handover.status !== 'submitted' || before?.status === 'submitted') return 0;
  const account = await db.accounts.get(handover.accountId);
  const fresh = [];
  for (const p of promisesFromHandover(handover, now.toISOString(), account?.owner)) if (!(await db.promises.get(p.id))) fresh.push({ kind: 'promises' as const, record: p });
  if (fresh.length) await writeRecords(db, fresh, now);
  return fresh.length;
}
