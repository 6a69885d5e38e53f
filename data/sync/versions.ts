import { MAX_CONFLICTS, type Conflict } from '../model/common';
import { stableStringify } from './json';
import { isElementList, mergeList } from './list-merge';

/**
 * The ordering rule of the team API, shared by the server, the fake server
 * and the client so all three agree (docs/api.md, "Versions and conflicts").
 * Order comes from versions the server assigns, never from a device's clock:
 * each write names, per field it changes, the version its edit started from,
 * and the server merges field by field.
 */

/** Fields the server sets on every write: never merged field by field, never a user's edit. */
export const SERVER_FIELDS: ReadonlySet<string> = new Set(['id', 'updatedAt', 'author', 'version', 'conflicts', 'decidedBy', 'decidedAt']);
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_FIELDS = 200;

type Data = Record<string, unknown>;

/** Equal as JSON; absence is a value of its own (a cleared field). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  return stableStringify(a) === stableStringify(b);
}

/** The fields of one or more copies that users write (server fields left out). */
export function userFields(...copies: Data[]): string[] {
  const out = new Set<string>();
  for (const c of copies) for (const k of Object.keys(c)) if (!SERVER_FIELDS.has(k) && !FORBIDDEN.has(k)) out.add(k);
  return [...out];
}

/** The user fields whose values differ between two copies. */
export const changedFields = (a: Data, b: Data): string[] => userFields(a, b).filter((f) => !sameValue(a[f], b[f]));

export const versionOf = (r: { version?: unknown } | undefined): number =>
  typeof r?.version === 'number' && Number.isSafeInteger(r.version) && r.version >= 0 ? r.version : 0;

/**
 * What a write says about where it started. On the wire: `baseVersion` (the
 * record version the sender held), `baseVersions` (for each field it
 * changes, the version that field's edit started from) and `resolved`
 * (fields whose conflicts the sender settled); for list fields merged
 * element by element (list-merge.ts), `baseValues` holds the value the edit
 * started from. A write without them is a whole record, stored as it comes
 * (clients that predate versions).
 */
export interface WriteBase {
  baseVersion: number;
  fields: Record<string, number>;
  resolved?: string[];
  values?: Record<string, unknown>;
}

export const wireBase = (b: WriteBase) => ({
  baseVersion: b.baseVersion, baseVersions: b.fields,
  ...(b.resolved?.length ? { resolved: b.resolved } : {}),
  ...(b.values && Object.keys(b.values).length ? { baseValues: b.values } : {}),
});

const isVersion = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isField = (f: string) => f.length > 0 && f.length <= 100 && !FORBIDDEN.has(f);

/** Reads the write base out of a PUT body: undefined when it has none, an error when it is malformed. */
export function readWriteBase(body: unknown): WriteBase | undefined | { error: string } {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Data;
  if (b.baseVersions === undefined && b.baseVersion === undefined) return undefined;
  if (!isVersion(b.baseVersion)) return { error: 'baseVersion: must be a whole number from 0' };
  const raw = b.baseVersions;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { error: 'baseVersions: must be an object of field: version' };
  const entries = Object.entries(raw as Data);
  if (entries.length > MAX_FIELDS) return { error: `baseVersions: at most ${MAX_FIELDS} fields` };
  const fields: Record<string, number> = {};
  for (const [f, v] of entries) {
    if (!isField(f) || !isVersion(v)) return { error: `baseVersions.${f.slice(0, 100)}: must be a whole number from 0` };
    fields[f] = v;
  }
  const resolved = b.resolved;
  if (resolved !== undefined && (!Array.isArray(resolved) || resolved.length > MAX_FIELDS || !resolved.every((f) => typeof f === 'string' && isField(f)))) {
    return { error: 'resolved: must be a list of field names' };
  }
  const values = b.baseValues;
  if (values !== undefined) {
    if (!values || typeof values !== 'object' || Array.isArray(values)) return { error: 'baseValues: must be an object of field: value' };
    const named = Object.keys(values);
    const stray = named.find((f) => !isElementList(f) || !(f in fields));
    if (stray !== undefined) return { error: `baseValues.${stray.slice(0, 100)}: only a list field named in baseVersions may carry its base value` };
  }
  return {
    baseVersion: b.baseVersion, fields,
    ...(resolved ? { resolved: resolved as string[] } : {}),
    ...(values !== undefined ? { values: values as Record<string, unknown> } : {}),
  };
}

/** When and by whom the server last changed a field (kept beside the record, not sent). */
export interface FieldMark {
  v: number;
  by?: string;
  at: string;
}
export type FieldMarks = Record<string, FieldMark>;

export interface MergedWrite {
  /** The record's user fields, `version` and `conflicts` (the caller adds author, updatedAt, signatures). */
  data: Data;
  marks: FieldMarks;
  version: number;
  /** False when the write changed nothing: nothing needs storing, and the feed needs no new item. */
  changed: boolean;
}

/**
 * Merges one write into the stored record, field by field:
 * - a field the write does not name keeps the stored value;
 * - a field it names takes the written value; if someone else changed that
 *   field after the version the edit started from (and to another value),
 *   the two met: the later-arriving write wins, and the displaced value is
 *   kept in `conflicts` with who wrote it, so nothing typed disappears;
 * - a write whose edit of a field started at or after a conflict on it, or
 *   that lists the field in `resolved`, settles that conflict.
 * Without a base (an older client), every field is taken from the body.
 */
export function mergeWrite(before: { data: Data; marks: FieldMarks } | undefined, body: Data, base: WriteBase | undefined, who: { by: string; at: string }): MergedWrite {
  const prev = before?.data ?? {};
  const prevVersion = versionOf(prev);
  const version = prevVersion + 1;
  const marks: FieldMarks = { ...(before?.marks ?? {}) };
  const data: Data = { id: body.id ?? prev.id };
  for (const f of userFields(prev)) data[f] = prev[f];
  const prevConflicts = Array.isArray(prev.conflicts) ? (prev.conflicts as Conflict[]) : [];
  let conflicts = [...prevConflicts];
  let changed = !before;
  for (const f of base ? Object.keys(base.fields) : userFields(prev, body)) {
    if (SERVER_FIELDS.has(f) || FORBIDDEN.has(f)) continue;
    const seen = base?.fields[f];
    if (seen !== undefined) conflicts = conflicts.filter((c) => !(c.field === f && c.version <= seen));
    let mine = body[f];
    const theirs = prev[f];
    if (sameValue(mine, theirs)) continue;
    const mark = marks[f];
    const met = before !== undefined && seen !== undefined && (mark?.v ?? 0) > seen;
    // A list merged element by element collides only where both edits touched one element.
    const list = met && base?.values && f in base.values ? mergeList(f, base.values[f], mine, theirs) : undefined;
    if (list) {
      mine = list.value;
      if (sameValue(mine, theirs)) continue;
    }
    if (met && (!list || list.collided)) {
      conflicts.push({
        field: f, ...(theirs !== undefined ? { value: theirs } : {}), ...(mark?.by ? { by: mark.by } : {}),
        at: mark?.at ?? who.at, keptBy: who.by, version,
      });
    }
    if (mine === undefined) delete data[f];
    else data[f] = mine;
    marks[f] = { v: version, by: who.by, at: who.at };
    changed = true;
  }
  for (const f of base?.resolved ?? []) conflicts = conflicts.filter((c) => !(c.field === f && c.version <= base!.baseVersion));
  conflicts = conflicts.slice(-MAX_CONFLICTS);
  if (!sameValue(conflicts, prevConflicts)) changed = true;
  if (!changed) return { data: prev, marks: before?.marks ?? {}, version: prevVersion, changed: false };
  return { data: { ...data, version, ...(conflicts.length ? { conflicts } : {}) }, marks, version, changed: true };
}

/**
 * The record to write when the user settles a conflict: 'theirs' puts the
 * displaced value back (the kept one is then the one replaced, knowingly),
 * 'mine' keeps the current value. Either way that field's conflicts go.
 */
export function settleConflict<T extends { conflicts?: Conflict[] }>(record: T, field: string, choice: 'theirs' | 'mine', at?: Conflict): T {
  const rest = (record.conflicts ?? []).filter((c) => c.field !== field);
  const next: Data = { ...record, conflicts: rest };
  if (choice === 'theirs') {
    const pick = at ?? (record.conflicts ?? []).filter((c) => c.field === field).at(-1);
    if (pick) {
      if (pick.value === undefined) delete next[field];
      else next[field] = pick.value;
    }
  }
  return next as T;
}
