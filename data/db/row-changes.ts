import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';

/** Accounts whose rows a write touched, or 'all' when a write cannot say (a delete by key or range). */
export type RowChange = { table: string; accounts: ReadonlySet<string> | 'all' };
export type RowChangeListener = (change: RowChange) => void;

/** The account a row belongs to: accounts are their own, every other book row names its account. */
const accountOf = (table: string, row: unknown): string | undefined => {
  const r = row as { id?: unknown; accountId?: unknown } | null;
  const id = table === 'accounts' ? r?.id : r?.accountId;
  return typeof id === 'string' ? id : undefined;
};

function accountsOf(table: string, req: DBCoreMutateRequest): RowChange['accounts'] {
  if (req.type !== 'add' && req.type !== 'put') return 'all';
  const ids = new Set<string>();
  for (const v of req.values) {
    const id = accountOf(table, v);
    if (id === undefined) return 'all';
    ids.add(id);
  }
  return ids;
}

/**
 * A change feed of the book: after each successful write to one of `tables`,
 * every listener hears which accounts' rows it touched. The background uses it
 * to evaluate only the accounts that changed, without reading or hashing the
 * rest of the book. A write whose accounts are not known (a delete by key)
 * reports 'all', which costs one full evaluation, never a missed one.
 */
export function rowChangeFeed(tables: readonly string[]): { middleware: Middleware<DBCore>; listen(fn: RowChangeListener): () => void } {
  const listeners = new Set<RowChangeListener>();
  const watched = new Set(tables);
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'row-changes',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (!watched.has(name)) return table;
        return {
          ...table,
          mutate: async (req) => {
            const result = await table.mutate(req);
            if (listeners.size) {
              const change = { table: name, accounts: accountsOf(name, req) };
              for (const fn of listeners) fn(change);
            }
            return result;
          },
        };
      },
    }),
  };
  return {
    middleware,
    listen(fn) {
      listeners.add(fn);
      return () => void listeners.delete(fn);
    },
  };
}
