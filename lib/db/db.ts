import Dexie, { type EntityTable } from 'dexie';
import type { Account } from '../model/account';

/**
 * The extension's local store. Only extension pages and the service worker
 * open it (IndexedDB of the extension origin); content scripts never do.
 * Every schema change adds a version with an upgrade; earlier versions stay listed.
 */
export class LensDB extends Dexie {
  accounts!: EntityTable<Account, 'id'>;

  constructor(name = 'account-lens') {
    super(name);
    this.version(1).stores({
      // [crm+recordId] finds the record a page shows, across org keys;
      // the rest serve the portfolio's sorts and sync.
      accounts: 'id, [crm+recordId], contractEnd, owner, csm, updatedAt',
    });
  }
}

let shared: LensDB | undefined;
/** The database of this extension context, opened on first use. */
export function db(): LensDB {
  shared ??= new LensDB();
  return shared;
}
