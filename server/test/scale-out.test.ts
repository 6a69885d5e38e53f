// @vitest-environment node
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ChangesPageSchema } from '../../data/sync/schemas';
import { createToken, ensureUser } from '../src/auth';
import { openPostgres, type Sql } from '../src/db';
import { migrate } from '../src/migrations';
import { storeAccounts } from '../src/store';
import { fakeAccount } from '../../tests/support/fake-api-data';
import { freePort, postgresUnavailable, startPostgres, type TempPostgres } from '../../tests/support/postgres';
import { sample } from './helpers';

/**
 * Scale-out, proven: two team server processes (`npm run server`, each its
 * own Node process on its own port) on one PostgreSQL database, as behind a
 * load balancer (docs/scale-out.md). Every write is sent to both at once
 * with the same Idempotency-Key; readers page the change feed through
 * either process while the writes land. There is no PGlite variant: a
 * PGlite folder is one process's.
 */
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TEAM = 'scale-team';

interface Child {
  url: string;
  process: ChildProcess;
  output: () => string;
}

/** `npm run server` as a child process on its own port; resolves once it logs that it listens. */
async function startChild(databaseUrl: string): Promise<Child> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LENS_PG_POOL: '5' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server on port ${port} did not start in 90 s:\n${out}`)), 90_000);
    const check = () => {
      if (out.includes('"msg":"listening"')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server on port ${port} exited with ${code} before listening:\n${out}`));
    });
  });
  return { url: `http://127.0.0.1:${port}`, process: child, output: () => out };
}

async function stopChild(child: Child): Promise<void> {
  if (child.process.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.process.once('exit', () => resolve());
    child.process.kill('SIGTERM');
  });
}

const put = async (url: string, token: string, id: string, body: unknown, key: string) => {
  const res = await fetch(`${url}/v1/records/notes/${id}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
};

/** One client's view of the feed: every item in the order the pages gave them, its cursor. */
interface Reader {
  token: string;
  cursor?: string;
  seen: string[];
}

/** Reads one page through `url` from the reader's cursor; answers whether more pages remain. */
async function pull(url: string, reader: Reader, limit: number): Promise<boolean> {
  const since = reader.cursor ? `&since=${reader.cursor}` : '';
  const res = await fetch(`${url}/v1/changes?limit=${limit}${since}`, { headers: { Authorization: `Bearer ${reader.token}` } });
  if (res.status !== 200) throw new Error(`GET /v1/changes through ${url}: ${res.status} ${await res.text()}`);
  const page = ChangesPageSchema.parse(await res.json());
  reader.seen.push(...page.items.map((i) => `${i.kind}/${i.record.id}`));
  reader.cursor = page.nextCursor;
  return page.hasMore;
}

describe('two server processes on one PostgreSQL', () => {
  let cluster: TempPostgres | undefined;
  let sql: Sql | undefined;
  let url = '';
  const children: Child[] = [];

  beforeAll(async () => {
    const why = postgresUnavailable();
    // No skipping: scale-out is proven on PostgreSQL or this test fails and says why.
    if (why) throw new Error(`PostgreSQL cannot be started, so scale-out is not proven: ${why}`);
    cluster = await startPostgres();
    const admin = await openPostgres(cluster.url, 1);
    const db = `lens_scale_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await admin.query(`create database ${db}`);
    await admin.close();
    const u = new URL(cluster.url);
    u.pathname = `/${db}`;
    url = u.toString();
    // Both processes start at once on an empty database: the migrations run once, under their lock.
    children.push(...(await Promise.all([startChild(url), startChild(url)])));
    sql = await openPostgres(url, 2);
  });

  afterEach((ctx) => {
    // A failure says what the processes said (an exit, an error in the log).
    if (ctx.task.result?.state === 'fail') for (const c of children) console.error(`--- ${c.url} (exit ${c.process.exitCode}):\n${c.output().slice(-4000)}`);
  });

  afterAll(async () => {
    await Promise.all(children.map(stopChild));
    await sql?.close();
    await cluster?.stop();
  });

  it('migrate once; the same writes to both at once are stored once each; every client reads the whole feed in order through either', async () => {
    const db = sql!;
    const [a, b] = children as [Child, Child];
    const versions = (await db.query<{ version: number }>('select version from schema_migrations order by version')).rows.map((r) => Number(r.version));
    expect(versions).toEqual([...new Set(versions)]);
    expect(await migrate(db)).toEqual([]); // nothing left to apply
    expect(['A', 'B'].map((_, i) => (children[i]!.output().match(/"msg":"migrated"/g) ?? []).length).reduce((x, y) => x + y)).toBe(1);

    const tokens: string[] = [];
    for (const name of ['kim', 'lou', 'max']) tokens.push((await createToken(db, (await ensureUser(db, TEAM, name, 'csm')).userId)).token);
    const accounts = Array.from({ length: 5 }, (_, i) => fakeAccount(i + 1));
    await storeAccounts(db, TEAM, accounts, []);
    const readers: Reader[] = tokens.map((token) => ({ token, seen: [] }));
    // Each client first catches up with what is there (the accounts), alternating between the processes.
    for (const [i, r] of readers.entries()) while (await pull(i % 2 ? b.url : a.url, r, 2));

    const N = 120;
    const writes = Array.from({ length: N }, (_, i) => ({
      id: `scale-note-${i}`,
      key: `scale-key-${i}`,
      token: tokens[i % tokens.length]!,
      body: sample.notes(`scale-note-${i}`, accounts[i % accounts.length]!.id),
    }));
    let writing = true;
    // Readers page through the feed while the writes land, each alternating between the two processes.
    const reading = Promise.all(readers.map(async (r, i) => {
      let n = i;
      while (writing) {
        await pull(n++ % 2 ? b.url : a.url, r, 7);
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
    }));
    // Each write goes to both processes at once, twice to one of them: four concurrent requests, one key.
    const answers = await Promise.all(writes.map((w) => Promise.all([a, b, a, b].map((c) => put(c.url, w.token, w.id, w.body, w.key)))));
    writing = false;
    await reading;

    for (const [i, group] of answers.entries()) {
      for (const r of group) expect(r.status, `${writes[i]!.id}: ${r.text}`).toBe(200);
      // Whichever process answered, the same answer: the first write's stored version.
      for (const r of group) expect(JSON.parse(r.text)).toEqual(JSON.parse(group[0]!.text));
    }
    // Stored exactly once: one row, one history entry, one feed position each.
    const rows = await db.query<{ id: string; n: string }>(`select id, count(*)::text as n from items where team_id = $1 and kind = 'notes' group by id`, [TEAM]);
    expect(rows.rows).toHaveLength(N);
    expect(rows.rows.every((r) => r.n === '1')).toBe(true);
    const history = await db.query<{ id: string; n: string }>(`select id, count(*)::text as n from record_history where team_id = $1 and kind = 'notes' group by id`, [TEAM]);
    expect(history.rows).toHaveLength(N);
    expect(history.rows.every((r) => r.n === '1')).toBe(true);
    const feed = await db.query<{ kind: string; id: string; position: string }>(`select kind, id, seq::text as position from items where team_id = $1 order by items.seq`, [TEAM]);
    expect(feed.rows.map((r) => Number(r.position))).toEqual(Array.from({ length: accounts.length + N }, (_, i) => i + 1));

    // Every client, having read while the writes landed and then to the end, saw the whole feed in its order:
    // nothing skipped (a write committing late behind a later one), nothing twice.
    const order = feed.rows.map((r) => `${r.kind}/${r.id}`);
    for (const [i, r] of readers.entries()) {
      while (await pull(i % 2 ? a.url : b.url, r, 50));
      expect(r.seen).toEqual(order);
    }
    // Both processes served; neither logged an error.
    for (const c of children) {
      expect(c.output()).toContain('"path":"/v1/records/notes/');
      expect(c.output()).not.toContain('"level":"error"');
    }
  });
});
