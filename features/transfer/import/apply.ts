import type { LensDB } from '../../../data/db/db';
import type { Account } from '../../../data/model/account';
import type { HealthSnapshot } from '../../../data/model/records';
import { orgCompatible } from './plan';
import type { DbView, ImportPlan } from './types';
import { guardStorage } from '../../../data/db/storage-full';

/** The data a preview is computed against. */
export async function loadDbView(database: LensDB): Promise<DbView> {
  return database.transaction('r', database.accounts, database.snapshots, async () => ({
    accounts: await database.accounts.toArray(),
    snapshots: await database.snapshots.toArray(),
  }));
}

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

/**
 * Writes a confirmed plan, all or nothing: one transaction over accounts and
 * snapshots, so a failure anywhere (or a bad row in the plan) leaves the data
 * exactly as it was. Records carry the preview's timestamps. Before writing,
 * it checks nothing it would overwrite or create changed since the preview.
 */
export async function applyPlan(database: LensDB, plan: ImportPlan): Promise<{ created: number; updated: number }> {
  if (!plan.canApply) throw new ImportRefusedError();
  const accounts: Account[] = [];
  const snapshots: HealthSnapshot[] = [];
  const expected = new Map<string, string | undefined>(); // id → updatedAt seen in the preview (undefined: absent)
  const expectedSnaps = new Map<string, string | undefined>();
  for (const row of plan.rows) {
    if (row.action === 'unchanged') continue;
    if (row.action === 'create') accounts.push(row.account);
    else {
      if (row.account !== row.before) accounts.push(row.account);
      expected.set(row.before.id, row.before.updatedAt);
      for (const s of row.snapshotsBefore) expectedSnaps.set(s.id, s.updatedAt);
    }
    for (const s of row.snapshots) {
      snapshots.push(s);
      if (!expectedSnaps.has(s.id)) expectedSnaps.set(s.id, undefined);
    }
  }
  const creates = plan.rows.filter((r) => r.action === 'create').map((r) => r.account);

  await guardStorage(database, () => database.transaction('rw', database.accounts, database.snapshots, async () => {
    const ids = [...expected.keys()];
    const now = await database.accounts.bulkGet(ids);
    if (now.some((a, i) => a?.updatedAt !== expected.get(ids[i]!))) throw new ImportConflictError();
    const snapIds = [...expectedSnaps.keys()];
    const snapsNow = await database.snapshots.bulkGet(snapIds);
    if (snapsNow.some((s, i) => s?.updatedAt !== expectedSnaps.get(snapIds[i]!))) throw new ImportConflictError();
    if (creates.length) {
      // Someone added one of these records meanwhile (the panel, sync): creating it again would duplicate it.
      const found = await database.accounts.where('[crm+recordId]').anyOf(creates.map((a) => [a.crm, a.recordId])).toArray();
      const clash = creates.some((a) => found.some((f) => f.crm === a.crm && f.recordId === a.recordId && orgCompatible(f.orgKey, a.orgKey)));
      if (clash) throw new ImportConflictError();
    }
    await database.accounts.bulkPut(accounts);
    await database.snapshots.bulkPut(snapshots);
  }));
  return { created: plan.counts.create, updated: plan.counts.update };
}
