// @vitest-environment node
import { ChangesPageSchema } from '../../data/sync/schemas';
import { migrate } from '../src/migrations';
import { fakeAccount } from '../../tests/support/fake-api-data';
import { backends, expectError, Harness, sample, useBackend } from './helpers';

/**
 * Server-assigned versions and the field-wise merge (docs/api.md, "Versions
 * and conflicts"), on both databases: order comes from the server, never from
 * the clocks in the bodies.
 */
describe.each(backends())('record versions on $name', (backend) => {
  useBackend(backend);

  async function setup() {
    let t = Date.parse('2026-11-23T10:00:00.000Z');
    const h = new Harness(await backend.fresh(), () => new Date((t += 1000)));
    const dana = await h.token('team-a', 'Dana', 'csm');
    const lee = await h.token('team-a', 'Lee', 'csm');
    await h.seed('team-a', [fakeAccount(1)]);
    return { h, dana, lee };
  }
  const base = (baseVersion: number, fields: Record<string, number>, resolved?: string[]) => ({ baseVersion, baseVersions: fields, ...(resolved ? { resolved } : {}) });

  it('counts each record\'s writes, whatever the clocks in the bodies say, and a write that changes nothing adds no version', async () => {
    const { h, dana } = await setup();
    const p = sample.promises('p1', 'acct-1');
    expect((await h.putOk(dana, 'promises', p)).version).toBe(1);
    // A body stamped far in the past still makes the next version.
    const second = await h.putOk(dana, 'promises', { ...p, status: 'kept', updatedAt: '2001-01-01T00:00:00.000Z', ...base(1, { status: 1 }) });
    expect(second).toMatchObject({ version: 2, status: 'kept' });
    const seq = await h.maxSeq();
    expect((await h.putOk(dana, 'promises', { ...p, status: 'kept', ...base(2, { status: 2 }) })).version).toBe(2);
    expect(await h.maxSeq()).toBe(seq);
  });

  it('merges edits of different fields from two people, each based on the same version', async () => {
    const { h, dana, lee } = await setup();
    const p = sample.promises('p1', 'acct-1');
    await h.putOk(dana, 'promises', p);
    await h.putOk(dana, 'promises', { ...p, status: 'kept', ...base(1, { status: 1 }) });
    // Lee's copy is version 1 (status open): he changes the notes only.
    const merged = await h.putOk(lee, 'promises', { ...p, notes: 'call Friday', ...base(1, { notes: 1 }) });
    expect(merged).toMatchObject({ version: 3, status: 'kept', notes: 'call Friday' });
    expect(merged.conflicts).toBeUndefined();
  });

  it('a same-field clash: the later write wins, the displaced value is kept with who wrote it; settling clears it', async () => {
    const { h, dana, lee } = await setup();
    const p = sample.promises('p1', 'acct-1');
    await h.putOk(dana, 'promises', p);
    await h.putOk(dana, 'promises', { ...p, text: "Dana's wording", ...base(1, { text: 1 }) });
    const clash = await h.putOk(lee, 'promises', { ...p, text: "Lee's wording", ...base(1, { text: 1 }) });
    expect(clash).toMatchObject({ version: 3, text: "Lee's wording" });
    expect(clash.conflicts).toEqual([{ field: 'text', value: "Dana's wording", by: 'Dana', keptBy: 'Lee', at: expect.any(String), version: 3 }]);
    // The feed carries the record with its conflict.
    const feed = ChangesPageSchema.parse((await h.get(dana, '/v1/changes?limit=1000')).json);
    expect(feed.items.at(-1)).toMatchObject({ kind: 'promises', record: { version: 3, conflicts: [{ field: 'text', value: "Dana's wording" }] } });
    // Dana, having seen it (base 3), puts her value back: the conflict is settled, nothing new is displaced.
    const swapped = await h.putOk(dana, 'promises', { ...p, text: "Dana's wording", ...base(3, { text: 3 }) });
    expect(swapped).toMatchObject({ version: 4, text: "Dana's wording" });
    expect(swapped.conflicts).toBeUndefined();
  });

  it('a clash with a cleared field keeps "no value" as the displaced one, and "keep mine" settles without changing the field', async () => {
    const { h, dana, lee } = await setup();
    const p = { ...sample.promises('p1', 'acct-1'), notes: 'first' };
    await h.putOk(dana, 'promises', p);
    const { notes: _n, ...cleared } = p;
    await h.putOk(dana, 'promises', { ...cleared, ...base(1, { notes: 1 }) });
    const clash = await h.putOk(lee, 'promises', { ...p, notes: 'second', ...base(1, { notes: 1 }) });
    expect(clash.conflicts).toEqual([expect.objectContaining({ field: 'notes', by: 'Dana', keptBy: 'Lee' })]);
    expect(clash.conflicts![0]).not.toHaveProperty('value');
    const kept = await h.putOk(lee, 'promises', { ...p, notes: 'second', ...base(3, {}, ['notes']) });
    expect(kept).toMatchObject({ version: 4, notes: 'second' });
    expect(kept.conflicts).toBeUndefined();
  });

  it('a write without a base (an older client) replaces the whole record, as before versions', async () => {
    const { h, dana, lee } = await setup();
    const p = { ...sample.promises('p1', 'acct-1'), notes: 'n' };
    await h.putOk(dana, 'promises', p);
    const { notes: _n, ...rest } = p;
    const whole = await h.putOk(lee, 'promises', { ...rest, status: 'broken' });
    expect(whole).toMatchObject({ version: 2, status: 'broken' });
    expect(whole).not.toHaveProperty('notes');
  });

  it('merges two edits of the key people person by person when the later one carries its base list', async () => {
    const { h, dana, lee } = await setup();
    const wang = { id: 'p-wang', role: 'boss', name: 'Wang Fang' };
    const li = { id: 'p-li', role: 'champion', name: 'Li Lei' };
    const zhao = { id: 'p-zhao', role: 'user', name: 'Zhao Min' };
    const ho = { ...sample.handovers('h1', 'acct-1'), keyPeople: [wang, li] };
    await h.putOk(dana, 'handovers', ho);
    await h.putOk(dana, 'handovers', { ...ho, keyPeople: [wang, { ...li, leftAt: '2026-11-30' }], ...base(1, { keyPeople: 1 }) });
    const merged = await h.putOk(lee, 'handovers', { ...ho, keyPeople: [wang, li, zhao], ...base(1, { keyPeople: 1 }), baseValues: { keyPeople: [wang, li] } });
    expect(merged).toMatchObject({ version: 3, keyPeople: [wang, { ...li, leftAt: '2026-11-30' }, zhao] });
    expect(merged.conflicts).toBeUndefined();
    // A base value for a field that is not a list of people is refused.
    expectError(await h.put(lee, 'handovers', 'h1', { ...ho, technical: 'x', ...base(3, { technical: 3 }), baseValues: { technical: 'SSO' } }), 422, 'validation_failed');
  });

  it('refuses a malformed base with 422 and writes nothing', async () => {
    const { h, dana } = await setup();
    const p = sample.promises('p1', 'acct-1');
    for (const bad of [{ baseVersion: -1, baseVersions: {} }, { baseVersion: 1, baseVersions: [] }, { baseVersion: 1, baseVersions: { status: 'x' } }, { baseVersion: 1, baseVersions: {}, resolved: [3] }]) {
      expectError(await h.put(dana, 'promises', 'p1', { ...p, ...bad }), 422, 'validation_failed');
    }
    expect(await h.count(`kind <> 'accounts'`)).toBe(0);
  });

  it('the field-marks migration adds field marks to a database that has rows from before it', async () => {
    const db = await backend.open();
    await db.sql.query('create table if not exists schema_migrations (version int primary key, name text not null, applied_at timestamptz not null default now())');
    // Only migration 1, then a row written the old way.
    const { MIGRATIONS } = await import('../src/migrations');
    await db.sql.exec(MIGRATIONS[0]!.sql);
    await db.sql.query(`insert into schema_migrations (version, name) values (1, 'x')`);
    await db.sql.query(`insert into teams (id, name) values ('team-a', 'A')`);
    await db.sql.query(`insert into items (team_id, kind, id, account_id, data, seq) values ('team-a', 'accounts', 'acct-1', 'acct-1', $1, nextval('change_seq'))`, [JSON.stringify(fakeAccount(1))]);
    await db.sql.query(`insert into items (team_id, kind, id, account_id, data, seq) values ('team-a', 'promises', 'p1', 'acct-1', $1, nextval('change_seq'))`, [JSON.stringify(sample.promises('p1', 'acct-1'))]);
    expect(await migrate(db.sql)).toEqual(MIGRATIONS.slice(1).map((m) => m.version));
    const h = new Harness(db.sql);
    const dana = await h.token('team-a', 'Dana', 'csm');
    // The old row counts as version 0: a write based on it merges without a conflict.
    const next = await h.putOk(dana, 'promises', { ...sample.promises('p1', 'acct-1'), status: 'kept', baseVersion: 0, baseVersions: { status: 0 } });
    expect(next).toMatchObject({ version: 1, status: 'kept' });
    expect(next.conflicts).toBeUndefined();
  });
});
