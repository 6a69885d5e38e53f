import type { LensDB } from '../db/db';
import type { OutboxEntry, WrittenKind } from '../model/records';
import type { ApiErrorInfo } from './errors';
import { hasAt, META, readMeta, type LastOutbox, type LastSync } from './meta';
import { readIdentity, type Identity } from './identity';
import { entryError, FAILED_AT, outboxStatus, type OutboxStatus } from './delivery';

export { readRevalidation } from './cache';

/** What the panel shows about sync: everything comes from IndexedDB, so liveQuery keeps it current. */
export interface SyncStatus extends OutboxStatus {
  /** Last successful bulk pull (ISO), for "as of …". */
  lastSyncAt?: string;
  lastSync?: LastSync;
  lastOutbox?: LastOutbox;
  /** The most recent error of either direction, if the latest run of that direction failed. */
  lastError?: ApiErrorInfo & { at: string };
  /** The oldest writes the server refused (at most REFUSED_SHOWN), each with the server's reason. */
  refused: FailedWrite[];
  /** Who the token stands for, from the server's /v1/me, once known. */
  identity?: Identity;
}

/** How many refused writes the panel lists by name; the count covers the rest. */
export const REFUSED_SHOWN = 5;

export async function readSyncStatus(db: LensDB): Promise<SyncStatus> {
  const [outbox, lastSync, lastOutbox, lastGood, refused, identity] = await Promise.all([
    outboxStatus(db),
    readMeta<LastSync>(db, META.lastSync, hasAt),
    readMeta<LastOutbox>(db, META.lastOutbox, hasAt),
    readMeta<{ at: string }>(db, META.lastSyncOk, hasAt),
    failedWrites(db, REFUSED_SHOWN),
    readIdentity(db),
  ]);
  const errors = [
    lastSync?.error ? { ...lastSync.error, at: lastSync.at } : undefined,
    lastOutbox?.error ? { ...lastOutbox.error, at: lastOutbox.at } : undefined,
  ].filter((e) => e !== undefined).sort((a, b) => (a.at < b.at ? 1 : -1));
  return {
    ...outbox,
    ...(lastGood ? { lastSyncAt: lastGood.at } : {}),
    ...(lastSync ? { lastSync } : {}),
    ...(lastOutbox ? { lastOutbox } : {}),
    ...(errors[0] ? { lastError: errors[0] } : {}),
    refused,
    ...(identity ? { identity } : {}),
  };
}

export interface FailedWrite {
  key: string;
  kind: WrittenKind;
  recordId: string;
  createdAt: string;
  attempts: number;
  error?: ApiErrorInfo;
}

/** Writes the server refused, oldest first: shown to the user with Retry and Discard (retryEntry, discardEntry). */
export async function failedWrites(db: LensDB, limit = Infinity): Promise<FailedWrite[]> {
  const rows: OutboxEntry[] = (await db.outbox.where('nextAttemptAt').equals(FAILED_AT).sortBy('seq')).slice(0, limit);
  return rows.map((e) => {
    const error = entryError(e);
    return { key: e.key, kind: e.kind, recordId: e.recordId, createdAt: e.createdAt, attempts: e.attempts, ...(error ? { error } : {}) };
  });
}

/** The i18n key of an error kind (platform/pages/strings.en.ts). */
export const errorMessageKey = (kind: ApiErrorInfo['kind']) => `sync.error.${kind}` as const;
