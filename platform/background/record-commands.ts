import type { LensDB } from '../../data/db/db';
import type { WrittenKind } from '../../data/model/records';
import { recordTable } from '../../data/sync/merge';

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
  const base = typeof stored.version === 'number' && version !== undefined ? Math.min(version, stored.version) : stored.version;
  return { ...stored, ...without(patch, KEPT), updatedAt: now.toISOString(), ...(base !== undefined ? { version: base } : {}) };
}
