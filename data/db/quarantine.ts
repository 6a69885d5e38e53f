import type { LensDB } from './db';

/** Why an upgrade kept a row aside instead of keeping it where it was. */
export type KeptAsideReason =
  /** Not an object, or its primary key is not a text id: nothing else about it can be trusted. */
  | 'unreadable'
  /** Its record id is missing, or cannot be read as an id of its CRM (so no page could ever show it). */
  | 'record-id'
  /** Some field does not fit the current account schema (a date, a type, a length). */
  | 'invalid'
  /** The same CRM record as another row (say a 15- and an 18-character Salesforce id): merged into that one. */
  | 'merged';

/**
 * A row an upgrade could not keep as it was. The row is stored exactly as the
 * older database held it, so nothing is lost: the user can export it and
 * decide. `seq` orders the entries; `step` says which upgrade found the row.
 */
export interface QuarantineEntry {
  seq?: number;
  table: string;
  step: string;
  reason: KeptAsideReason;
  /** Plain words for the reason (a schema issue, the error the normaliser raised), at most 500 characters. */
  detail: string;
  /** For a merged row: the account that now holds its data and its records. */
  mergedInto?: string;
  row: unknown;
}

/** The entries, oldest first (the options page watches this). */
export const keptAside = (database: LensDB): Promise<QuarantineEntry[]> => database.quarantine.orderBy('seq').toArray();

/** Forgets one entry for good: the user has looked at it (or exported it) and does not want it. */
export const discardKeptAside = (database: LensDB, seq: number): Promise<void> => database.quarantine.delete(seq);

/** Every entry as a JSON file the user can keep: the rows exactly as stored, with why and when they were set aside. */
export async function keptAsideJsonText(database: LensDB, now: Date): Promise<string> {
  const entries = await keptAside(database);
  return safeJson({ format: 'account-lens-kept-aside', exportedAt: now.toISOString(), entries }, 2);
}

/**
 * JSON of whatever IndexedDB could hold: it stores values JSON cannot say
 * (BigInt, Map, Set, cycles), and a kept-aside row may be any of them.
 */
export function safeJson(value: unknown, space?: number): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(value, function (this: unknown, _key, v: unknown) {
    if (typeof v === 'bigint') return `${v}n`;
    if (v instanceof Map) return { $map: [...v] };
    if (v instanceof Set) return { $set: [...v] };
    if (v && typeof v === 'object') {
      if (seen.has(v)) return '[circular]';
      seen.add(v);
    }
    return v;
  }, space) ?? String(value);
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
/** Control characters (a NUL byte, say) shown as their code, so a row cannot garble the page. */
const visible = (s: string) => s.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * A short line that lets a user recognise the row: its name, CRM and record
 * id when it has them (whatever their type), else the start of its JSON.
 */
export function describeKeptAside(row: unknown): string {
  const show = (v: unknown, max: number) => clip(visible(typeof v === 'string' ? v : safeJson(v)), max);
  if (row === null || typeof row !== 'object' || Array.isArray(row)) return show(row, 120);
  const r = row as Record<string, unknown>;
  const parts = [
    r.name !== undefined ? show(r.name, 80) : undefined,
    r.crm !== undefined || r.recordId !== undefined ? `${show(r.crm ?? '?', 20)} ${show(r.recordId ?? '?', 60)}` : undefined,
    r.id !== undefined ? `(${show(r.id, 40)})` : undefined,
  ].filter((p): p is string => p !== undefined);
  return parts.length ? parts.join(' · ') : show(row, 120);
}
