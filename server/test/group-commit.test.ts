// @vitest-environment node
import { ChangesPageSchema } from '../../data/sync/schemas';
import { fakeAccount } from '../../tests/support/fake-api-data';
import { backends, expectError, Harness, sample, useBackend } from './helpers';

/**
 * A team's writes that arrive together share one transaction (store/queue.ts):
 * each still gets its own answer, a refused write leaves nothing behind (its
 * key included), a repeated key finds the first answer, two writes of one
 * record in one batch merge like two in a row, and the feed stays complete
 * and in order.
 */
describe.each(backends())('writes committed together on $name', (backend) => {
  useBackend(backend);

  async function setup() {
    let t = Date.parse('2026-11-23T10:00:00.000Z');
    const h = new Harness(await backend.fresh(), () => new Date((t += 1000)));
    const dana = await h.token('team-a', 'Dana', 'csm');
    const sam = await h.token('team-a', 'Sam', 'sales');
    const other = await h.token('team-b', 'Olga', 'csm');
    await h.seed('team-a', [fakeAccount(1), fakeAccount(2)]);
    await h.seed('team-b', [fakeAccount(1)]);
    return { h, dana, sam, other };
  }
  /** The transactions that wrote the team's history rows (a row's xmin names the transaction that inserted it). */
  const transactions = async (h: Harness) => {
    const { rows } = await h.sql.query<{ n: string }>("select count(distinct xmin::text)::text as n from record_history where team_id = 'team-a'");
    return Number(rows[0]!.n);
  };

  it('answers each write of a burst as if it came alone, refusals and repeats included', async () => {
    const { h, dana, sam, other } = await setup();
    const notes = Array.from({ length: 40 }, (_, i) => sample.notes(`n${i}`, i % 2 ? 'acct-1' : 'acct-2'));
    const p = sample.promises('p1', 'acct-1');
    const answers = await Promise.all([
      ...notes.map((n) => h.put(dana, 'notes', n.id, n, `key-${n.id}`)),
      h.put(dana, 'notes', 'lost', sample.notes('lost', 'acct-nowhere'), 'key-lost'),
      h.put(sam, 'visits', 'v1', sample.visits('v1', 'acct-1'), 'key-visit'),
      // The same key twice at once with one body, and once more with another body.
      h.put(dana, 'notes', 'n0', notes[0], 'key-n0'),
      h.put(dana, 'notes', 'n1', { ...notes[1], text: 'other words' }, 'key-n1'),
      h.put(dana, 'promises', 'p1', p, 'key-p1'),
      h.put(other, 'notes', 'n0', sample.notes('n0', 'acct-1'), 'key-n0'),
    ]);
    for (const a of answers.slice(0, 40)) expect(a.status, a.text).toBe(200);
    expectError(answers[40]!, 404, 'not_found');
    expectError(answers[41]!, 403, 'forbidden');
    expect(answers[42]!.status).toBe(200);
    expect(answers[42]!.json).toEqual(answers[0]!.json);
    expectError(answers[43]!, 409, 'idempotency_conflict');
    expect(answers[44]!.status).toBe(200);
    // Another team's key of the same name is its own.
    expect(answers[45]!.status).toBe(200);

    expect(await h.count("team_id = 'team-a' and kind = 'notes'")).toBe(40);
    expect(await h.count("kind = 'visits'")).toBe(0);
    const keys = (await h.sql.query<{ key: string }>("select key from idempotency where team_id = 'team-a' and key in ('key-lost', 'key-visit')")).rows;
    expect(keys).toEqual([]);
    const history = (await h.sql.query<{ n: string }>("select count(*)::text as n from record_history where team_id = 'team-a'")).rows[0]!.n;
    expect(Number(history)).toBe(41);

    // The feed: every accepted write once, positions rising.
    const feed = ChangesPageSchema.parse((await h.get(dana, '/v1/changes?limit=1000')).json).items.filter((i) => i.kind !== 'accounts');
    expect(feed.map((i) => i.record.id).sort()).toEqual([...notes.map((n) => n.id), 'p1'].sort());
    // The 41 stored writes shared transactions.
    expect(await transactions(h)).toBeLessThan(20);
  });

  it('merges two writes of one record in one burst like two in a row', async () => {
    const { h, dana } = await setup();
    const p = sample.promises('p1', 'acct-1');
    await h.putOk(dana, 'promises', p);
    const base = (field: string) => ({ baseVersion: 1, baseVersions: { [field]: 1 } });
    const [a, b] = await Promise.all([
      h.put(dana, 'promises', 'p1', { ...p, status: 'kept', ...base('status') }),
      h.put(dana, 'promises', 'p1', { ...p, notes: 'call Friday', ...base('notes') }),
    ]);
    expect([a!.status, b!.status]).toEqual([200, 200]);
    const stored = (await h.sql.query<{ data: Record<string, unknown> }>("select data from items where kind = 'promises' and id = 'p1'")).rows[0]!.data;
    expect(stored).toMatchObject({ version: 3, status: 'kept', notes: 'call Friday' });
    expect(stored.conflicts).toBeUndefined();
  });

  it('a write refused for its account keeps nothing: the same key works once the account exists', async () => {
    const { h, dana } = await setup();
    const n = sample.notes('late', 'acct-3');
    const [refused, fine] = await Promise.all([h.put(dana, 'notes', 'late', n, 'key-late'), h.put(dana, 'notes', 'ok', sample.notes('ok', 'acct-1'))]);
    expectError(refused!, 404, 'not_found');
    expect(fine!.status).toBe(200);
    await h.seed('team-a', [fakeAccount(3)]);
    expect((await h.put(dana, 'notes', 'late', n, 'key-late')).status).toBe(200);
    expect(await h.count("kind = 'notes' and id = 'late'")).toBe(1);
  });
});
