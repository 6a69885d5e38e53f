import { createApiClient, type ApiClient } from './client';
import { LensDB } from '../db/db';
import { startFakeApi, type FakeApi, type FakeApiOptions } from '../../tests/support/fake-api';

export const NOW = new Date('2026-11-23T10:00:00.000Z');
export const TOKEN = 'test-token';
export const later = (ms: number, from = NOW) => new Date(from.getTime() + ms);

let n = 0;
export const freshDb = (prefix: string) => new LensDB(`${prefix}-${++n}`);

/** A seeded PRNG (mulberry32): the same seed gives the same jitter every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Starts a fake server for each test of the calling describe block and stops it after. */
export function useFakeApi(opts: FakeApiOptions = {}) {
  const ctx = {} as { api: FakeApi; client: ApiClient };
  beforeEach(async () => {
    ctx.api = await startFakeApi(opts);
    ctx.client = createApiClient({ baseUrl: ctx.api.url, token: TOKEN, timeoutMs: 5000 });
  });
  afterEach(async () => {
    await ctx.api.stop();
  });
  return ctx;
}

/** Every row of every table: to prove a failed call wrote nothing. */
export async function dump(db: LensDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}
