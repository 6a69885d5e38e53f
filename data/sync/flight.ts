import type { LensDB } from '../db/db';

/**
 * One run at a time per database and key: an alarm and a message asking for
 * the same sync share the run in progress instead of racing it (two runs would
 * send the same outbox entry twice and step the cursor back and forth).
 */
const running = new WeakMap<LensDB, Map<string, Promise<unknown>>>();

export function singleFlight<T>(db: LensDB, key: string, run: () => Promise<T>): Promise<T> {
  let byKey = running.get(db);
  if (!byKey) running.set(db, (byKey = new Map()));
  const current = byKey.get(key);
  if (current) return current as Promise<T>;
  const p = run().finally(() => byKey.delete(key));
  byKey.set(key, p);
  return p;
}
