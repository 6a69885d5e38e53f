import { TimestampSchema } from '../../data/model/common';
import type { Handover, PromiseRecord } from '../../data/model/records';

/** Record ids are at most this long. */
const MAX_ID = 100;
const MAX_TEXT = 2000;
const MAX_PROMISED_BY = 200;

/** A short, stable hash (53-bit, base 36) so long handover ids still give short promise ids. */
export function shortHash(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * The ledger id of the promise at `index` in a handover: the same handover
 * always gives the same ids, so submitting twice never duplicates promises.
 */
export function handoverPromiseId(handoverId: string, index: number): string {
  const plain = `promise:${handoverId}:${index}`;
  return plain.length <= MAX_ID ? plain : `promise:#${shortHash(handoverId)}:${index}`;
}

/** Cut text to `max` characters without splitting a surrogate pair. */
function bounded(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = /[\uD800-\uDBFF]/.test(s.charAt(max - 1)) ? max - 1 : max;
  return s.slice(0, cut).trimEnd();
}

/**
 * The promises sales wrote in a handover, as open records of the account's
 * promise ledger, created when the handover is submitted, not yet assessed. Blank entries are
 * skipped; ids keep the entry's position in the handover's list.
 */
export function promisesFromHandover(h: Handover, at: string, promisedBy?: string): PromiseRecord[] {
  if (!TimestampSchema.safeParse(at).success) throw new RangeError(`Not an ISO timestamp: ${at}`);
  const by = typeof promisedBy === 'string' ? bounded(promisedBy.trim(), MAX_PROMISED_BY) : '';
  const out: PromiseRecord[] = [];
  (h.promises ?? []).forEach((raw, index) => {
    const text = typeof raw === 'string' ? bounded(raw.trim(), MAX_TEXT) : '';
    if (text === '') return;
    out.push({
      id: handoverPromiseId(h.id, index),
      accountId: h.accountId,
      createdAt: at,
      updatedAt: at,
      text,
      ...(by !== '' ? { promisedBy: by } : {}),
      // Sales made the promise; whether it can be delivered is the CSM's to judge.
      deliverable: 'unassessed',
      status: 'open',
    });
  });
  return out;
}
