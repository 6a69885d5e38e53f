import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Account } from '../model/account';
import type { QuarantineEntry } from './quarantine';
import { UPGRADED_FROM, upgradeToV4 } from './repair';
import { rowChangeFeed } from './row-changes';
import { salesforceIds18 } from './salesforce-ids';
import { isStorageFull, type StorageWatch } from './storage-full';
import type {
  Contract, Cta, ExpectationNote, Handover, HealthSnapshot, Milestone, MonthlyReport, OutboxEntry, PromiseRecord, RenewalOutcome,
  ServicePlan, ServiceVisit,
} from '../model/records';

/** Small key-value facts the extension keeps beside the data (sync cursor, last sync). */
export interface MetaRow {
  key: string;
  value: unknown;
}

/** The tables an account's evaluation reads: a write to any of them makes the account due again. */
export const BOOK_TABLES = ['accounts', 'contracts', 'snapshots', 'milestones', 'outcomes', 'ctas', 'visits', 'notes', 'plans', 'reports', 'handovers'] as const;

/**
 * The extension's local store. Only extension pages and the service worker
 * open it (IndexedDB of the extension origin); content scripts never do, and
 * the framed panel reads through the background. Every schema change adds a
 * version with an upgrade; earlier versions stay listed so any older database
 * opens and upgrades in order.
 */
export class LensDB extends Dexie implements StorageWatch {
  accounts!: EntityTable<Account, 'id'>;
  contracts!: EntityTable<Contract, 'id'>;
  snapshots!: EntityTable<HealthSnapshot, 'id'>;
  promises!: EntityTable<PromiseRecord, 'id'>;
  notes!: EntityTable<ExpectationNote, 'id'>;
  visits!: EntityTable<ServiceVisit, 'id'>;
  handovers!: EntityTable<Handover, 'id'>;
  milestones!: EntityTable<Milestone, 'id'>;
  ctas!: EntityTable<Cta, 'id'>;
  outcomes!: EntityTable<RenewalOutcome, 'id'>;
  plans!: EntityTable<ServicePlan, 'id'>;
  reports!: EntityTable<MonthlyReport, 'id'>;
  outbox!: Table<OutboxEntry, number>;
  meta!: EntityTable<MetaRow, 'key'>;
  quarantine!: Table<QuarantineEntry, number>;
  storageFullAborts = 0;
  lastStorageFullCause?: string;
  /** Which accounts each write touched (see row-changes.ts): what the book evaluates again. */
  readonly rowChanges = rowChangeFeed(BOOK_TABLES);

  constructor(name = 'account-lens') {
    super(name);
    // Notes every transaction the browser aborts for lack of space: Dexie's own error often hides that cause.
    this.use({
      stack: 'dbcore',
      name: 'storage-full-watch',
      create: (down) => ({
        ...down,
        transaction: (stores, mode, options) => {
          const tx = down.transaction(stores, mode, options);
          if (mode === 'readwrite' && typeof (tx as Partial<IDBTransaction>).addEventListener === 'function') {
            const idb = tx as IDBTransaction;
            idb.addEventListener('abort', () => {
              if (!isStorageFull(idb.error)) return;
              this.storageFullAborts++;
              this.lastStorageFullCause = `${idb.error?.name}: ${idb.error?.message}`;
            });
          }
          return tx;
        },
      }),
    });
    this.use(salesforceIds18);
    this.use(this.rowChanges.middleware);
    this.version(1).stores({
      accounts: 'id, [crm+recordId], contractEnd, owner, csm, updatedAt',
    });
    this.version(2)
      .stores({
        // [crm+recordId] finds the record a page shows, across org keys; the
        // others serve the portfolio's sorts and filters, and sync.
        accounts: 'id, [crm+recordId], contractEnd, health.band, owner, csm, segment, updatedAt',
        contracts: 'id, accountId, end, updatedAt',
        snapshots: 'id, [accountId+asOf], updatedAt',
        promises: 'id, accountId, status, dueDate, updatedAt',
        notes: 'id, accountId, kind, dueDate, updatedAt',
        visits: 'id, [accountId+date], date, updatedAt',
        handovers: 'id, accountId, status, updatedAt',
        milestones: 'id, accountId, dueDate, updatedAt',
        ctas: 'id, accountId, &cause, status, dueDate, updatedAt',
        outcomes: 'id, accountId, date, updatedAt',
        outbox: '++seq, &key, nextAttemptAt',
        meta: 'key',
      })
      .upgrade(upgradeToV2);
    // v3 adds tables only (service plans and sent monthly reports): nothing to migrate.
    this.version(3).stores({
      plans: 'id, accountId, updatedAt',
      reports: 'id, [accountId+month], month, updatedAt',
    });
    // v4 checks every account row again: rows that cannot be accounts are kept
    // aside (never dropped), and rows that are the same CRM record are merged.
    this.version(4)
      .stores({ quarantine: '++seq, reason' })
      .upgrade(upgradeToV4);
  }
}

/**
 * v1 → v2: v1 stored record ids as it was given them. Normalising them (and
 * saying where each row came from) is left to the v4 repair step, which runs
 * in this same upgrade transaction and can keep a row aside: the v2 schema has
 * no quarantine, and a row kept aside must be the row exactly as v1 stored it.
 * Here the step only notes where the database came from.
 */
export async function upgradeToV2(tx: { table(name: string): Table }): Promise<void> {
  await tx.table('meta').put({ key: UPGRADED_FROM, value: 1 });
}

let shared: LensDB | undefined;
/** The database of this extension context, opened on first use. */
export function db(): LensDB {
  shared ??= new LensDB();
  // The browser closes the connection when the disk fills, and Dexie's own reopen fails while it is
  // full; once it failed, try again on the next use, so the extension recovers when space is freed.
  if (shared.hasFailed() && !shared.isOpen()) void shared.open().catch(() => undefined);
  return shared;
}
