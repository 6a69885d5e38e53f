/**
 * The team server's one dependency on a database: parameterised SQL and
 * transactions. Two implementations with the same PostgreSQL dialect:
 * PGlite (PostgreSQL compiled to WebAssembly, data in a local folder, the
 * default) and a PostgreSQL server through `pg` (DATABASE_URL).
 */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<{ rows: T[] }>;
  /** Several statements, no parameters (migrations). */
  exec(text: string): Promise<void>;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** For logs and the health answer. */
  readonly kind: 'pglite' | 'postgres';
}

/** PGlite in `dir` (a folder, created when missing), or in memory when `dir` is undefined. */
export async function openPglite(dir?: string): Promise<Sql> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = dir ? await PGlite.create(dir) : await PGlite.create();
  // PGlite runs one statement at a time: a transaction holds it, so statements queue behind it.
  const wrap = (q: { query: typeof db.query; exec: typeof db.exec }): Sql => ({
    kind: 'pglite',
    query: async <T>(text: string, params: readonly unknown[] = []) => ({ rows: (await q.query<T>(text, params as unknown[])).rows }),
    exec: async (text: string) => void (await q.exec(text)),
    transaction: <T>(fn: (tx: Sql) => Promise<T>) => db.transaction((tx) => fn(wrap(tx))),
    close: () => db.close(),
  });
  return wrap(db);
}

/** A pool of connections to a PostgreSQL server. */
export async function openPostgres(url: string, max = 10): Promise<Sql> {
  const { default: pg } = await import('pg');
  // Timestamps and bigints come back as text: the server writes them into JSON as they are.
  const pool = new pg.Pool({ connectionString: url, max });
  await pool.query('select 1');
  const fromClient = (client: { query: (t: string, p?: unknown[]) => Promise<{ rows: unknown[] }> }): Sql => ({
    kind: 'postgres',
    query: async <T>(text: string, params: readonly unknown[] = []) => ({ rows: (await client.query(text, params as unknown[])).rows as T[] }),
    exec: async (text: string) => void (await client.query(text)),
    transaction: () => Promise.reject(new Error('nested transactions are not used')),
    close: async () => undefined,
  });
  return {
    kind: 'postgres',
    query: async <T>(text: string, params: readonly unknown[] = []) => ({ rows: (await pool.query(text, params as unknown[])).rows as T[] }),
    exec: async (text: string) => void (await pool.query(text)),
    async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn(fromClient(client));
        await client.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** The database the environment names: DATABASE_URL for PostgreSQL, else PGlite in LENS_DATA_DIR (default ./server-data). */
export function openFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<Sql> {
  return env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openPglite(env.LENS_DATA_DIR ?? 'server-data');
}
