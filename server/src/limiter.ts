/**
 * Failed authentications per source address, in memory: after `max` failures
 * within `windowMs`, the address is refused (429) until its window ends, so
 * guessing tokens costs time. Memory is bounded: at most `maxAddresses`
 * entries, the oldest forgotten first. Each server counts on its own; with
 * several servers, an attacker gets `max` tries per server per window.
 */
export interface FailureLimiter {
  /** Milliseconds until the address may try again, or 0 when it may now. */
  blockedFor(address: string, now: number): number;
  /** Counts a failed authentication from the address. */
  fail(address: string, now: number): void;
  /** Addresses tracked now (bounded by maxAddresses). */
  readonly size: number;
}

export function failureLimiter({ max = 20, windowMs = 60_000, maxAddresses = 10_000 } = {}): FailureLimiter {
  const seen = new Map<string, { since: number; failures: number }>();
  const current = (address: string, now: number) => {
    const entry = seen.get(address);
    if (entry && now - entry.since >= windowMs) {
      seen.delete(address);
      return undefined;
    }
    return entry;
  };
  return {
    get size() {
      return seen.size;
    },
    blockedFor(address, now) {
      const entry = current(address, now);
      return entry && entry.failures >= max ? entry.since + windowMs - now : 0;
    },
    fail(address, now) {
      const entry = current(address, now);
      if (entry) {
        entry.failures++;
        return;
      }
      // Map keeps insertion order: the first key is the oldest window.
      while (seen.size >= maxAddresses) seen.delete(seen.keys().next().value!);
      seen.set(address, { since: now, failures: 1 });
    },
  };
}
