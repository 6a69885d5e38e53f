import type { LensDB } from '../db/db';

/**
 * Server account id → local account id, for accounts the user tracked before
 * the server knew them: the local id is kept (records point at it), and
 * records cross the wire with the server's id. Stored as pairs in one meta
 * row, never as a plain object, so no id (not even "__proto__") is special.
 */
export type IdMap = Map<string, string>;
const KEY = 'sync:accountIds';

export async function loadIdMap(db: LensDB): Promise<IdMap> {
  const value = (await db.meta.get(KEY))?.value;
  const pairs = Array.isArray(value) ? value : [];
  return new Map(
    pairs.filter((p): p is [string, string] => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'string'),
  );
}

export async function saveIdMap(db: LensDB, map: IdMap): Promise<void> {
  await db.meta.put({ key: KEY, value: [...map] });
}

/** The id the server knows a local account by (the same id unless it was matched). */
export function serverAccountId(map: IdMap, localId: string): string {
  for (const [server, local] of map) if (local === localId) return server;
  return localId;
}
