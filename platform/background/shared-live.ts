import { liveQuery, type Subscription } from 'dexie';
import type { LensDB } from '../../data/db/db';

/** How long a shared computation stays live after its last watcher leaves: reopening is instant. */
export const SHARED_KEEP_MS = 5 * 60_000;

export interface SharedListener<T> {
  next: (v: T) => void;
  error: (e: unknown) => void;
}

interface Shared {
  sub: Subscription;
  value?: unknown;
  has: boolean;
  listeners: Set<SharedListener<unknown>>;
  idle?: ReturnType<typeof setTimeout>;
}
const computations = new WeakMap<LensDB, Map<string, Shared>>();

/**
 * One live computation per database and key, shared by every watcher and
 * kept SHARED_KEEP_MS after the last one leaves: a watcher arriving while it
 * is live gets the current value at once, without reading or computing
 * anything. Recomputed on every change of the tables `read` reads.
 */
export function watchShared<T>(database: LensDB, key: string, read: () => Promise<T>, listener: SharedListener<T>): () => void {
  let byKey = computations.get(database);
  if (!byKey) computations.set(database, (byKey = new Map()));
  const all = byKey;
  let shared = all.get(key);
  if (!shared) {
    const created: Shared = { listeners: new Set(), has: false, sub: undefined as unknown as Subscription };
    created.sub = liveQuery(read).subscribe({
      next: (v) => {
        created.value = v;
        created.has = true;
        created.listeners.forEach((l) => l.next(v));
      },
      error: (e: unknown) => {
        created.listeners.forEach((l) => l.error(e));
        if (all.get(key) === created) all.delete(key);
      },
    });
    all.set(key, created);
    shared = created;
  }
  clearTimeout(shared.idle);
  const l = listener as SharedListener<unknown>;
  shared.listeners.add(l);
  if (shared.has) l.next(shared.value);
  const s = shared;
  return () => {
    s.listeners.delete(l);
    if (s.listeners.size > 0) return;
    clearTimeout(s.idle);
    s.idle = setTimeout(() => {
      if (s.listeners.size > 0) return;
      s.sub.unsubscribe();
      if (all.get(key) === s) all.delete(key);
    }, SHARED_KEEP_MS);
    (s.idle as { unref?: () => void }).unref?.();
  };
}

/** Starts (or keeps) a shared computation with nobody watching yet, so the first watcher finds it computed. */
export function warmShared<T>(database: LensDB, key: string, read: () => Promise<T>): void {
  watchShared(database, key, read, { next: () => undefined, error: () => undefined })();
}
