import type { Account } from '../../../data/model/account';
import type { HealthInputs, HealthSnapshot } from '../../../data/model/records';
import { HEALTH_COLUMNS, type ColumnKey } from './columns';
import { isBad, readRow } from './row';
import type { BadRow, DbView, FieldChange, ImportedFields, ImportPlan, ImportRow, ParsedFile, PlannedRow, Reading } from './types';

/** Account fields an import sets, and the column each comes from. */
const FIELD_COLUMNS: [keyof ImportedFields, ColumnKey][] = [
  ['orgKey', 'org_key'], ['name', 'name'], ['owner', 'owner'], ['csm', 'csm'], ['segment', 'segment'], ['arr', 'arr'],
  ['currency', 'currency'], ['contractStart', 'contract_start'], ['contractEnd', 'contract_end'], ['signedAt', 'signed_at'],
];
const INPUT_COLUMNS = Object.entries(HEALTH_COLUMNS).map(([c, s]) => [s.field, c as ColumnKey] as const);

const refKey = (crm: string, recordId: string) => `${crm}\u0000${recordId}`;
/** As findAccount: an org key on one side only still matches; two different ones never do. */
export const orgCompatible = (a: string | undefined, b: string | undefined) => a === undefined || b === undefined || a === b;

/** Deterministic, so importing the same reading again finds it instead of adding another. */
export const snapshotId = (accountId: string, asOf: string) => `${accountId}:${asOf}`;

/**
 * The preview: what importing `file` into the data in `view` would do to each
 * row. Pure; `now` stamps new and changed records, `newId` names new accounts.
 * Empty cells never erase stored values: they leave the field as it is.
 */
export function planImport(file: ParsedFile, view: DbView, now: Date, newId: NewId = randomId): ImportPlan {
  const steps = planSteps(file, view, now, newId);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** The same plan, pausing every 1,000 rows so the page stays responsive over a 10,000-row file. */
export async function planImportInChunks(file: ParsedFile, view: DbView, now: Date, newId: NewId = randomId, pause = nextTask): Promise<ImportPlan> {
  const steps = planSteps(file, view, now, newId);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await pause();
  }
}

type NewId = () => string;
const randomId: NewId = () => crypto.randomUUID();
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const CHUNK = 1000;

function* planSteps(file: ParsedFile, view: DbView, now: Date, newId: NewId): Generator<void, ImportPlan> {
  const plan: ImportPlan = { kind: file.kind, rows: [], bad: [], warnings: file.warnings, counts: { create: 0, update: 0, unchanged: 0, bad: 0 }, canApply: false };
  if (file.error) return { ...plan, error: file.error };

  const stored = new Map<string, Account[]>();
  for (const a of view.accounts) stored.set(refKey(a.crm, a.recordId), [...(stored.get(refKey(a.crm, a.recordId)) ?? []), a]);
  const snaps = new Map<string, HealthSnapshot>();
  for (const s of view.snapshots) snaps.set(refKey(s.accountId, s.asOf), s);
  const inFile = new Map<string, { orgKey?: string; line: number }[]>();
  const claimed = new Map<string, number>(); // stored account id → line that updates it
  const stamp = now.toISOString();
  const json = file.kind !== 'csv';
  const format = { csv: !json, semicolon: file.delimiter === ';' };

  let done = 0;
  for (const src of file.rows) {
    if (++done % CHUNK === 0) yield;
    const row = readRow(src, file.labels, format);
    if (isBad(row)) {
      plan.bad.push(row);
      continue;
    }
    const key = refKey(row.crm, row.recordId);
    const orgKey = row.fields.orgKey;
    const earlier = inFile.get(key) ?? [];
    const first = earlier.find((e) => orgCompatible(e.orgKey, orgKey));
    if (first) {
      plan.bad.push({ line: row.line, problems: [{ key: json ? 'import.reason.duplicateItem' : 'import.reason.duplicate', params: { line: first.line } }] });
      continue;
    }
    inFile.set(key, [...earlier, { orgKey, line: row.line }]);

    const candidates = stored.get(key) ?? [];
    const match = candidates.find((a) => a.orgKey !== undefined && a.orgKey === orgKey) ?? candidates.find((a) => orgCompatible(a.orgKey, orgKey));
    if (match) {
      const by = claimed.get(match.id);
      if (by !== undefined) {
        plan.bad.push({ line: row.line, problems: [{ key: json ? 'import.reason.sameAccountItem' : 'import.reason.sameAccount', params: { line: by } }] });
        continue;
      }
      claimed.set(match.id, row.line);
    }
    // The cell readers enforce AccountSchema's rules (tests hold them to it), so no second validation per row.
    plan.rows.push(match ? planUpdate(row, match, snaps, stamp) : planCreate(row, newId(), stamp));
  }

  for (const r of plan.rows) plan.counts[r.action]++;
  plan.counts.bad = plan.bad.length;
  plan.bad.sort((a, b) => a.line - b.line);
  plan.canApply = plan.bad.length === 0 && plan.counts.create + plan.counts.update > 0;
  return plan;
}

/** Readings of one date are one snapshot: later cells for that date win. */
function byDate(readings: Reading[]): Map<string, HealthInputs> {
  const out = new Map<string, HealthInputs>();
  for (const r of readings) out.set(r.asOf, { ...out.get(r.asOf), ...r.inputs });
  return out;
}

function planCreate(row: ImportRow, id: string, stamp: string): PlannedRow {
  const account: Account = { id, crm: row.crm, recordId: row.recordId, ...row.fields, source: 'import', createdAt: stamp, updatedAt: stamp };
  const snapshots = [...byDate(row.readings)].map(([asOf, inputs]): HealthSnapshot => (
    { id: snapshotId(id, asOf), accountId: id, asOf, inputs, createdAt: stamp, updatedAt: stamp }
  ));
  return { line: row.line, action: 'create', account, snapshots };
}

function planUpdate(row: ImportRow, before: Account, snaps: Map<string, HealthSnapshot>, stamp: string): PlannedRow {
  const changes: FieldChange[] = [];
  const next: Account = { ...before };
  for (const [field, column] of FIELD_COLUMNS) {
    const to = row.fields[field];
    if (to === undefined || to === before[field]) continue;
    changes.push({ column, ...(before[field] !== undefined ? { from: before[field] } : {}), to });
    Object.assign(next, { [field]: to });
  }
  const account = changes.length ? { ...next, updatedAt: stamp } : before;

  const snapshots: HealthSnapshot[] = [];
  const snapshotsBefore: HealthSnapshot[] = [];
  for (const [asOf, inputs] of byDate(row.readings)) {
    const old = snaps.get(refKey(before.id, asOf));
    if (!old || old.deleted) {
      // A new reading, or one deleted earlier that the file brings back with its own values.
      changes.push({ column: 'health_as_of', to: asOf });
      const base = old ? withoutTombstone(old) : { id: snapshotId(before.id, asOf), accountId: before.id, asOf, createdAt: stamp };
      snapshots.push({ ...base, inputs, updatedAt: stamp });
      if (old) snapshotsBefore.push(old);
      continue;
    }
    const merged: HealthInputs = { ...old.inputs, ...inputs };
    const diff = INPUT_COLUMNS.filter(([f]) => merged[f] !== old.inputs[f]);
    if (!diff.length) continue;
    for (const [f, column] of diff) changes.push({ column, asOf, ...(old.inputs[f] !== undefined ? { from: old.inputs[f] } : {}), to: merged[f] ?? '' });
    snapshots.push({ ...old, inputs: merged, updatedAt: stamp });
    snapshotsBefore.push(old);
  }
  if (!changes.length) return { line: row.line, action: 'unchanged', account: before };
  return { line: row.line, action: 'update', account, before, changes, snapshots, snapshotsBefore };
}

function withoutTombstone(s: HealthSnapshot): Omit<HealthSnapshot, 'deleted' | 'inputs' | 'updatedAt'> {
  const { deleted: _deleted, inputs: _inputs, updatedAt: _updatedAt, ...rest } = s;
  return rest;
}
