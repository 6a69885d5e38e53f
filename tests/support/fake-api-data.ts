import type { ApiAccount } from '../../data/sync/schemas';
import type { PromiseRecord } from '../../data/model/records';

/**
 * Seed data for the fake team API: valid accounts and records, deterministic
 * so tests and the bench see the same rows every run.
 */
const SEGMENTS = ['enterprise', 'mid_market', 'smb', 'self_serve'] as const;
const BANDS = ['green', 'yellow', 'red'] as const;

/** The i-th account: HubSpot, numeric record id 100000+i, server id acct-i. */
export function fakeAccount(i: number, overrides: Partial<ApiAccount> = {}): ApiAccount {
  const month = String((i % 12) + 1).padStart(2, '0');
  return {
    id: `acct-${i}`,
    crm: 'hubspot',
    recordId: String(100_000 + i),
    name: `Account ${i}`,
    owner: `Owner ${i % 7}`,
    csm: `CSM ${i % 5}`,
    segment: SEGMENTS[i % SEGMENTS.length]!,
    arr: 10_000 + (i % 90) * 1000,
    currency: 'USD',
    contractStart: `2026-${month}-01`,
    contractEnd: `2027-${month}-01`,
    health: { score: (i * 37) % 101, band: BANDS[i % BANDS.length]!, asOf: '2026-11-01' },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

export const fakeAccounts = (n: number, from = 0): ApiAccount[] => Array.from({ length: n }, (_, k) => fakeAccount(from + k));

/** A promise record of an account, open, with the given id and updatedAt. */
export function fakePromise(id: string, accountId: string, updatedAt = '2026-11-01T00:00:00.000Z', text = `Promise ${id}`): PromiseRecord {
  return { id, accountId, createdAt: '2026-10-01T00:00:00.000Z', updatedAt, text, deliverable: 'yes', status: 'open' };
}
