import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { toSalesforceId18 } from '../../crm/salesforce-id';

/**
 * A Salesforce account stored under a 15-character id is the same record as
 * one under its 18-character form, and two rows of one record are two accounts
 * in every list. So every write to the accounts table stores the 18-character
 * form, whichever path it came by (a page, an import, the team server, a
 * future one), and the repair step of v4 merges the pairs older versions made.
 */
export function withSalesforceId18<T>(value: T): T {
  if (!value || typeof value !== 'object') return value;
  const row = value as { crm?: unknown; recordId?: unknown };
  if (row.crm !== 'salesforce' || typeof row.recordId !== 'string') return value;
  const id18 = toSalesforceId18(row.recordId);
  return id18 && id18 !== row.recordId ? { ...value, recordId: id18 } : value;
}

export const salesforceIds18: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'salesforce-id-18',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      if (name !== 'accounts') return table;
      return {
        ...table,
        mutate: (req: DBCoreMutateRequest) =>
          table.mutate(req.type === 'add' || req.type === 'put' ? { ...req, values: req.values.map(withSalesforceId18) } : req),
      };
    },
  }),
};
