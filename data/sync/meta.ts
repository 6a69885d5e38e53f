import type { LensDB } from '../db/db';
import type { ApiErrorInfo } from './errors';

/** The meta rows the API layer keeps, and their shapes (read by the panel through status.ts). */
export const META = {
  cursor: 'sync:cursor',
  lastSync: 'sync:last',
  /** { at } of the last pull that reached the end of the feed: "as of" for the whole book. */
  lastSyncOk: 'sync:lastOk',
  lastOutbox: 'outbox:last',
  revalidate: (crm: string, recordId: string) => `revalidate:${crm}:${recordId}`,
} as const;

/** Result of the last bulk pull. */
export interface LastSync {
  at: string;
  ok: boolean;
  /** Changes received in that run (all pages). */
  received: number;
  error?: ApiErrorInfo;
}

/** Result of the last outbox run. */
export interface LastOutbox {
  at: string;
  delivered: number;
  error?: ApiErrorInfo;
}

/** Result of the last refresh of one account: the UI shows "as of <at>" and the error if any. */
export interface Revalidation {
  at: string;
  error?: ApiErrorInfo;
}

export async function readMeta<T>(db: LensDB, key: string, valid: (v: unknown) => boolean): Promise<T | undefined> {
  const value = (await db.meta.get(key))?.value;
  return valid(value) ? (value as T) : undefined;
}

/** Meta rows are the API layer's own writes, so a shape check is enough. */
export const hasAt = (v: unknown): boolean => typeof v === 'object' && v !== null && typeof (v as { at?: unknown }).at === 'string';
