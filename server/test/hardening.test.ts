// @vitest-environment node
import { ChangesPageSchema } from '../../data/sync/schemas';
import { createApp } from '../src/app';
import { failureLimiter } from '../src/limiter';
import { silentLog } from '../src/log';
import { MIGRATIONS, migrate } from '../src/migrations';
import { cursorOf, seqOf } from '../src/store';
import { fakeAccount } from '../../tests/support/fake-api-data';
import { answerOf, backends, expectError, Harness, sample, useBackend } from './helpers';

/** Per-team feed positions, idempotency keys bound to the request, and the limit on failed authentication. */

describe('the failure limiter', () => {
  it('refuses an address after max failures until its window ends, and forgets the oldest address past its bound', () => {
    const limiter = failureLimiter({ max: 3, windowMs: 60_000, maxAddresses: 100 });
    for (let i = 0; i < 3; i++) {
      expect(limiter.blockedFor('a', 1000 + i)).toBe(0);
      limiter.fail('a', 1000 + i);
    }
    expect(limiter.blockedFor('a', 2000)).toBe(59_000);
    expect(limiter.blockedFor('b', 2000)).toBe(0);
    expect(limiter.blockedFor('a', 61_000)).toBe(0);
    for (let i = 0; i < 1000; i++) limiter.fail(`x${i}`, 62_000);
    expect(limiter.size).toBe(100);
  });
});

describe.each(backends())('server hardening on $name', (backend) => {
  useBackend(backend);

  it('feed cursors count the team\'s own changes: another team\'s writes do not move them', async () => {
    const h = new Harness(await backend.fresh());
    const a = await h.token('team-a', 'ann', 'manager');
    const b = await h.token('team-b', 'bob', 'manager');
    await h.seed('team-a', [fakeAccount(1)]);
    await h.seed('team-b', [fakeAccount(2)]);
    for (let i = 0; i < 3; i++) {
      await h.putOk(a, 'promises', sample.promises(`pa${i}`, 'acct-1'));
      for (let j = 0; j < 10; j++) await h.putOk(b, 'promises', sample.promises(`pb${i}-${j}`, 'acct-2'));
    }
    const pageA = ChangesPageSchema.parse((await h.get(a, '/v1/changes')).json);
    expect(pageA.items).toHaveLength(4);
    expect(pageA.nextCursor).toBe(cursorOf(4));
    expect(seqOf(ChangesPageSchema.parse((await h.get(b, '/v1/changes')).json).nextCursor)).toBe(31);
    // A cursor of the old global count starts again from the beginning rather than skipping anything.
    const old = Buffer.from('seq:9999').toString('base64url');
    const again = ChangesPageSchema.parse((await h.get(a, `/v1/changes?since=${old}`)).json);
    expect(again.items.map((i) => i.record.id)).toEqual(pageA.items.map((i) => i.record.id));
  });

  it('the per-team feed migration renumbers stored feed positions per team, keeping their order', async () => {
    const { sql } = await backend.open();
    await sql.exec(`create table schema_migrations (version int primary key, name text not null, applied_at timestamptz not null default now())`);
    await sql.exec(MIGRATIONS[0]!.sql);
    await sql.query(`insert into schema_migrations (version, name) values (1, 'v1')`);
    await sql.exec(`insert into teams (id, name) values ('a', 'a'), ('b', 'b')`);
    // Global positions, teams interleaved.
    const rows = [['a', 'x1', 3], ['b', 'y1', 5], ['a', 'x2', 8], ['b', 'y2', 9], ['a', 'x3', 12]] as const;
    for (const [team, id, seq] of rows) {
      await sql.query(`insert into items (team_id, kind, id, account_id, data, seq) values ($1, 'promises', $2, 'acct', '{}', $3)`, [team, id, seq]);
    }
    expect(await migrate(sql)).toEqual(MIGRATIONS.slice(1).map((m) => m.version));
    const after = await sql.query<{ team_id: string; id: string; seq: string | number }>('select team_id, id, seq from items order by team_id, seq');
    expect(after.rows.map((r) => [r.team_id, r.id, Number(r.seq)])).toEqual([['a', 'x1', 1], ['a', 'x2', 2], ['a', 'x3', 3], ['b', 'y1', 1], ['b', 'y2', 2]]);
    // The next write of team a follows its last position.
    const next = await sql.query<{ n: string | number }>(`select next_team_seq('a') as n`);
    expect(Number(next.rows[0]!.n)).toBe(4);
  });

  it('an idempotency key names one request: reused for another record or kind it is a conflict, not a replay', async () => {
    const h = new Harness(await backend.fresh());
    const token = await h.token('team-a', 'dana', 'csm');
    await h.seed('team-a', [fakeAccount(1)]);
    const body = sample.promises('p1', 'acct-1');
    await h.putOk(token, 'promises', body, 'key-1');
    // The same key, body and path: the first answer again.
    expect((await h.put(token, 'promises', 'p1', body, 'key-1')).status).toBe(200);
    // The same key for another record, or for another kind at the same id.
    expectError(await h.put(token, 'promises', 'p2', { ...body, id: 'p2' }, 'key-1'), 409, 'idempotency_conflict');
    expectError(await h.put(token, 'notes', 'p1', sample.notes('p1', 'acct-1'), 'key-1'), 409, 'idempotency_conflict');
    expect(await h.count(`kind <> 'accounts'`)).toBe(1);
  });

  it('failed authentication is limited per address: 429 with Retry-After, other addresses unaffected, then allowed again', async () => {
    let clock = new Date('2026-11-23T10:00:00.000Z');
    const sql = await backend.fresh();
    const h = new Harness(sql);
    const token = await h.token('team-a', 'dana', 'csm');
    const app = createApp({ sql, log: silentLog, now: () => clock, limiter: failureLimiter({ max: 3, windowMs: 60_000 }), trustProxy: true });
    const from = async (address: string, auth: string) =>
      answerOf(await app.request('/v1/changes', { headers: { Authorization: `Bearer ${auth}`, 'X-Forwarded-For': `10.0.0.9, ${address}` } }));
    const wrong = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (let i = 0; i < 3; i++) expectError(await from('1.1.1.1', wrong), 401, 'unauthorized');
    const limited = await from('1.1.1.1', wrong);
    expectError(limited, 429, 'rate_limited');
    expect(limited.headers.get('retry-after')).toBe('60');
    // The address waits, even with a good token; another address does not.
    expectError(await from('1.1.1.1', token), 429, 'rate_limited');
    expect((await from('2.2.2.2', token)).status).toBe(200);
    clock = new Date(clock.getTime() + 30_000);
    expect((await from('1.1.1.1', wrong)).headers.get('retry-after')).toBe('30');
    clock = new Date(clock.getTime() + 30_000);
    expect((await from('1.1.1.1', token)).status).toBe(200);

    // Without trustProxy, X-Forwarded-For is the client's own words and is not used.
    const direct = createApp({ sql, log: silentLog, now: () => clock, limiter: failureLimiter({ max: 1, windowMs: 60_000 }) });
    const call = async (address: string) => answerOf(await direct.request('/v1/changes', { headers: { Authorization: `Bearer ${wrong}`, 'X-Forwarded-For': address } }));
    expectError(await call('3.3.3.3'), 401, 'unauthorized');
    expectError(await call('4.4.4.4'), 429, 'rate_limited');
  });
});
