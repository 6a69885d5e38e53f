import type { AccountRef } from '../../crm/types';
import { AccountSchema, NewAccountInputSchema, type Account, type CrmRef } from '../model/account';
import type { LensDB } from './db';
import { withSalesforceId18 } from './salesforce-ids';
import { guardStorage } from './storage-full';

/**
 * The stored account a CRM page shows. Ids are globally unique for most CRMs,
 * but numeric ids repeat across tenants, so an account stored with another
 * org key never stands in for this one; one stored without an org key does.
 */
export async function findAccount(database: LensDB, given: CrmRef): Promise<Account | undefined> {
  const ref = withSalesforceId18(given); // stored in that form, so a 15-character id finds its account
  const rows = await database.accounts.where('[crm+recordId]').equals([ref.crm, ref.recordId]).toArray();
  return (
    rows.find((a) => a.orgKey !== undefined && a.orgKey === ref.orgKey) ??
    rows.find((a) => a.orgKey === undefined || ref.orgKey === undefined)
  );
}

/** Starts tracking the account open in the CRM from a name and a contract end. */
export async function addAccountFromPage(
  database: LensDB,
  ref: AccountRef,
  input: unknown,
  now: Date,
): Promise<Account> {
  const parsed = NewAccountInputSchema.parse(input);
  const stamp = now.toISOString();
  const account = AccountSchema.parse({
    id: crypto.randomUUID(),
    crm: ref.crm,
    recordId: ref.recordId,
    ...(ref.orgKey ? { orgKey: ref.orgKey } : {}),
    name: parsed.name,
    contractEnd: parsed.contractEnd,
    createdAt: stamp,
    updatedAt: stamp,
  });
  await guardStorage(database, () => database.transaction('rw', database.accounts, async () => {
    if (await findAccount(database, ref)) throw new Error('This account is already in your data.');
    await database.accounts.add(account);
  }));
  return account;
}
