import { liveQuery, type Subscription } from 'dexie';
import { findAccount } from '../db/accounts';
import type { LensDB } from '../db/db';
import { PortRequestSchema, type PortResult } from '../messaging/protocol';

/** The parts of a runtime.Port the data port uses (a fake one in tests). */
export interface PortLike {
  postMessage(msg: PortResult): void;
  onMessage: { addListener(cb: (msg: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
}

/**
 * Serves live queries to one connected panel: each watch streams the current
 * value and every later change; all end when the panel goes away.
 */
export function serveDataPort(port: PortLike, database: LensDB): void {
  const subs = new Map<number, Subscription>();
  const stop = (id: number) => {
    subs.get(id)?.unsubscribe();
    subs.delete(id);
  };
  port.onMessage.addListener((raw) => {
    const req = PortRequestSchema.safeParse(raw);
    if (!req.success) return;
    const msg = req.data;
    stop(msg.id);
    if (msg.type === 'unwatch') return;
    subs.set(
      msg.id,
      liveQuery(() => findAccount(database, msg.ref)).subscribe({
        next: (value) => port.postMessage({ type: 'result', id: msg.id, value: value ?? null }),
        error: (err: unknown) => port.postMessage({ type: 'error', id: msg.id, message: String(err) }),
      }),
    );
  });
  port.onDisconnect.addListener(() => [...subs.keys()].forEach(stop));
}
