/**
 * The team server's one dependency on a database: parameterised SQL and
 * transactions. Two implementations with the same PostgreSQL dialect:
 * PGlite (PostgreSQL compiled to WebAssembly, data in a local folder, the
 * default) and a PostgreSQL server through `pg` (DATABASE_URL).
 */
/**
 * A statement of the hot path, by name: on PostgreSQL each connection parses
 * and plans it once (a prepared statement), then only binds parameters. Its
 * text names its columns (no `select *`), so a later migration that adds a
 * column leaves the prepared plan valid.
 */
export interface Named {
  name: string;
  text: string;
}

export interface Sql {
  query<T = Record<string, unknown>>(text: string | Named, params?: readonly unknown[]): Promise<{ rows: T[] }>;
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
    query: async <T>(text: string | Named, params: readonly unknown[] = []) => ({ rows: (await q.query<T>(typeof text === 'string' ? text : text.text, params as unknown[])).rows }),
    exec: async (text: string) => void (await q.exec(text)),
    transaction: <T>(fn: (tx: Sql) => Promise<T>) => db.transaction((tx) => fn(wrap(tx))),
    close: () => db.close(),
  });
  return wrap(db);
}

/** Connections per server process unless LENS_PG_POOL says otherwise (docs/scale-out.md). */
export const DEFAULT_POOL = 10;

export function poolSize(text: string | undefined): number {
  if (text === undefined || text === '') return DEFAULT_POOL;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new Error(`LENS_PG_POOL must be a whole number from 1 to 1000, not "${text}"`);
  return n;
}

type PgQuery = (q: { text: string; name?: string; values?: unknown[] }) => Promise<{ rows: unknown[] }>;
const asConfig = (text: string | Named, params: readonly unknown[]) =>
  typeof text === 'string' ? { text, values: params as unknown[] } : { name: text.name, text: text.text, values: params as unknown[] };

/** A pool of connections to a PostgreSQL server. */
export async function openPostgres(url: string, max = DEFAULT_POOL): Promise<Sql> {
  const { default: pg } = await import('pg');
  // Timestamps and bigints come back as text: the server writes them into JSON as they are.
  const pool = new pg.Pool({ connectionString: url, max });
  await pool.query('select 1');
  const fromClient = (client: { query: PgQuery & ((t: string) => Promise<unknown>) }): Sql => ({
    kind: 'postgres',
    query: async <T>(text: string | Named, params: readonly unknown[] = []) => ({ rows: (await client.query(asConfig(text, params))).rows as T[] }),
    exec: async (text: string) => void (await client.query(text)),
    transaction: () => Promise.reject(new Error('nested transactions are not used')),
    close: async () => undefined,
  });
  return {
    kind: 'postgres',
    query: async <T>(text: string | Named, params: readonly unknown[] = []) => ({ rows: (await pool.query(asConfig(text, params))).rows as T[] }),
    exec: async (text: string) => void (await pool.query(text)),
    async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn(fromClient(client as never));
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

/** The database the environment names: DATABASE_URL for PostgreSQL (LENS_PG_POOL connections), else PGlite in LENS_DATA_DIR (default ./server-data). */
export function openFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<Sql> {
  return env.DATABASE_URL ? openPostgres(env.DATABASE_URL, poolSize(env.LENS_PG_POOL)) : openPglite(env.LENS_DATA_DIR ?? 'server-data');
}
