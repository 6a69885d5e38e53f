import type { Account } from '../../../data/model/account';
import type { HealthSnapshot } from '../../../data/model/records';
import { orgCompatible } from './plan';
import type { ImportPlan } from './types';

/** The data changed between preview and confirm: the preview no longer says what would happen. */
export class ImportConflictError extends Error {
  constructor() {
    super('The data changed since the preview.');
    this.name = 'ImportConflictError';
  }
}

export class ImportRefusedError extends Error {
  constructor() {
    super('This import has bad rows or nothing to change.');
    this.name = 'ImportRefusedError';
  }
}

/** What a confirmed plan writes, and the stored copies it expects to find unchanged. */
export interface ImportWrites {
  accounts: Account[];
  snapshots: HealthSnapshot[];
  /** id → updatedAt seen in the preview (undefined: absent). */
  expected: Map<string, string | undefined>;
  expectedSnaps: Map<string, string | undefined>;
  creates: Account[];
}

/** The writes of a plan that may be applied (else ImportRefusedError). Records carry the plan's timestamps. */
export function importWrites(plan: ImportPlan): ImportWrites {
  if (!plan.canApply) throw new ImportRefusedError();
  const out: ImportWrites = { accounts: [], snapshots: [], expected: new Map(), expectedSnaps: new Map(), creates: [] };
  for (const row of plan.rows) {
    if (row.action === 'unchanged') continue;
    if (row.action === 'create') {
      out.accounts.push(row.account);
      out.creates.push(row.account);
    } else {
      if (row.account !== row.before) out.accounts.push(row.account);
      out.expected.set(row.before.id, row.before.updatedAt);
      for (const s of row.snapshotsBefore) out.expectedSnaps.set(s.id, s.updatedAt);
    }
    for (const s of row.snapshots) {
      out.snapshots.push(s);
      if (!out.expectedSnaps.has(s.id)) out.expectedSnaps.set(s.id, undefined);
    }
  }
  return out;
}

/**
 * Whether the stored data moved since the plan: a record it overwrites changed
 * (or appeared), or someone added one of the accounts it creates meanwhile
 * (the panel, sync), so creating it again would duplicate it. `found` is every
 * stored account with the CRM record of a create.
 */
export function importConflicts(
  writes: ImportWrites,
  now: { accounts: readonly (Account | undefined)[]; snapshots: readonly (HealthSnapshot | undefined)[]; found: readonly Account[] },
): boolean {
  const ids = [...writes.expected.keys()];
  if (now.accounts.some((a, i) => a?.updatedAt !== writes.expected.get(ids[i]!))) return true;
  const snapIds = [...writes.expectedSnaps.keys()];
  if (now.snapshots.some((s, i) => s?.updatedAt !== writes.expectedSnaps.get(snapIds[i]!))) return true;
  return writes.creates.some((a) => now.found.some((f) => f.crm === a.crm && f.recordId === a.recordId && orgCompatible(f.orgKey, a.orgKey)));
}
