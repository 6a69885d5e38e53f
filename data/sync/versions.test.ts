// @vitest-environment node
import { writeRecord } from './outbox';
import { settleConflict } from './versions';
import type { PromiseRecord } from '../model/records';
import { fakeAccount, fakePromise } from '../../tests/support/fake-api-data';
import { Team, type Device } from '../../tests/support/devices';

/**
 * Order comes from versions the server assigns: an answer to an older send
 * never overwrites a newer local edit, edits of different fields merge, and a
 * same-field clash keeps both values (docs/api.md, "Versions and conflicts").
 */

const MIN = 60_000;

async function team(...skews: number[]) {
  const t = new Team('versions');
  t.store.seedAccounts([fakeAccount(1)]);
  const devices = skews.map((s, i) => t.add(String.fromCharCode(65 + i), s));
  for (const d of devices) await t.sync(d);
  return { t, devices };
}

const shown = async (d: Device, id = 'p1') => (await d.db.promises.get(id)) as PromiseRecord;
/** What the panel does: the record it shows, with the user's change. */
const edit = async (t: Team, d: Device, patch: Partial<PromiseRecord>, id = 'p1') => writeRecord(d.db, 'promises', { ...(await shown(d, id)), ...patch }, t.now(d));
const serverCopy = (t: Team, id = 'p1') => t.store.records.get(`promises/${id}`) as PromiseRecord;

describe('versions on the client', () => {
  it('a late answer to edit 1 does not overwrite edit 2, and the next change is built on edit 2', async () => {
    const { t, devices: [a] } = await team(0);
    await writeRecord(a!.db, 'promises', fakePromise('p1', 'acct-1'), t.now(a!));
    await t.deliver(a!);
    expect(serverCopy(t).version).toBe(1);

    a!.net = 'late';
    await edit(t, a!, { text: 'edit 1' });
    await t.deliver(a!); // applied by the server (version 2); the answer is held
    expect(a!.parked).toHaveLength(1);
    expect(serverCopy(t)).toMatchObject({ version: 2, text: 'edit 1' });
    await edit(t, a!, { text: 'edit 2' });
    t.t += 60 * MIN; // the server's clock is far ahead of the device's: it decides nothing
    await t.release(a!);

    expect(await shown(a!)).toMatchObject({ text: 'edit 2', version: 2 });
    const queued = await a!.db.outbox.toArray();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ record: { text: 'edit 2' }, fields: { text: 2 } });
    // The next change starts from what the panel shows: edit 2 stays.
    await edit(t, a!, { status: 'kept' });
    expect((await a!.db.outbox.toArray()).map((e) => e.record)).toEqual([expect.objectContaining({ text: 'edit 2', status: 'kept' })]);
    a!.net = 'up';
    await t.deliver(a!);
    expect(serverCopy(t)).toMatchObject({ version: 3, text: 'edit 2', status: 'kept' });
    expect(serverCopy(t).conflicts).toBeUndefined();
    expect(await shown(a!)).toMatchObject({ version: 3, text: 'edit 2', status: 'kept' });
    expect(await a!.db.outbox.count()).toBe(0);
  });

  it('a dropped answer, then another edit: the first is replayed under its key, the second follows without a conflict with itself', async () => {
    const { t, devices: [a] } = await team(0);
    await writeRecord(a!.db, 'promises', fakePromise('p1', 'acct-1'), t.now(a!));
    await t.deliver(a!);
    a!.net = 'drop';
    await edit(t, a!, { text: 'edit 1' });
    await t.deliver(a!);
    expect(serverCopy(t)).toMatchObject({ version: 2, text: 'edit 1' });
    t.restart(a!); // and the service worker is stopped meanwhile
    await edit(t, a!, { text: 'edit 2' });
    expect(await a!.db.outbox.count()).toBe(2); // the sent one is kept: the server holds it
    a!.net = 'up';
    await t.deliver(a!);
    expect(serverCopy(t)).toMatchObject({ version: 3, text: 'edit 2' });
    expect(serverCopy(t).conflicts).toBeUndefined();
    expect(t.store.writes.map((w) => (w.record as PromiseRecord).text)).toEqual(['Promise p1', 'edit 1', 'edit 2']);
  });

  it('edits of different fields from two devices merge, whatever their clocks (one 10 minutes fast, one offline)', async () => {
    const { t, devices: [a, b] } = await team(10 * MIN, -10 * MIN);
    await writeRecord(a!.db, 'promises', fakePromise('p1', 'acct-1'), t.now(a!));
    await t.deliver(a!);
    await t.sync(b!);
    b!.net = 'down';
    await edit(t, b!, { notes: 'offline note' });
    await t.deliver(b!); // fails: queued
    await edit(t, a!, { status: 'kept' });
    await t.deliver(a!);
    b!.net = 'up';
    await t.deliver(b!); // lands later than A's newer edit of another field
    for (const d of [a!, b!]) await t.sync(d);
    for (const d of [a!, b!]) expect(await shown(d)).toMatchObject({ status: 'kept', notes: 'offline note', version: 3 });
    expect(serverCopy(t).conflicts).toBeUndefined();
  });

  it('the fast clock does not win: a colleague\'s newer edit reaches the laptop after a sync', async () => {
    const { t, devices: [laptop, colleague] } = await team(10 * MIN, 0);
    await writeRecord(laptop!.db, 'promises', fakePromise('p1', 'acct-1'), t.now(laptop!));
    await t.deliver(laptop!);
    await t.sync(colleague!);
    await edit(t, colleague!, { status: 'broken' });
    await t.deliver(colleague!);
    await t.sync(laptop!);
    expect(await shown(laptop!)).toMatchObject({ status: 'broken', version: 2 });
  });

  it('a same-field clash keeps both values: the later write wins, the other is shown, and one swap puts it back everywhere', async () => {
    const { t, devices: [a, b] } = await team(0, 0);
    await writeRecord(a!.db, 'promises', fakePromise('p1', 'acct-1'), t.now(a!));
    await t.deliver(a!);
    await t.sync(b!);
    await edit(t, a!, { text: "A's wording" });
    await edit(t, b!, { text: "B's wording" });
    await t.deliver(a!);
    await t.deliver(b!);
    for (const d of [a!, b!]) await t.sync(d);
    for (const d of [a!, b!]) {
      const r = await shown(d);
      expect(r.text).toBe("B's wording");
      expect(r.conflicts).toEqual([expect.objectContaining({ field: 'text', value: "A's wording", by: 'A', keptBy: 'B' })]);
    }
    // A takes her value back with one click.
    await writeRecord(a!.db, 'promises', settleConflict(await shown(a!), 'text', 'theirs'), t.now(a!));
    expect(await shown(a!)).toMatchObject({ text: "A's wording" });
    expect((await shown(a!)).conflicts).toBeUndefined();
    await t.deliver(a!);
    await t.sync(b!);
    for (const d of [a!, b!]) {
      expect(await shown(d)).toMatchObject({ text: "A's wording", version: 4 });
      expect((await shown(d)).conflicts).toBeUndefined();
    }
  });

  it('"keep this one" settles a clash without changing the value', async () => {
    const { t, devices: [a, b] } = await team(0, 0);
    await writeRecord(a!.db, 'promises', fakePromise('p1', 'acct-1'), t.now(a!));
    await t.deliver(a!);
    await t.sync(b!);
    await edit(t, a!, { text: 'one' });
    await edit(t, b!, { text: 'two' });
    await t.deliver(a!);
    await t.deliver(b!);
    await writeRecord(b!.db, 'promises', settleConflict(await shown(b!), 'text', 'mine'), t.now(b!));
    await t.deliver(b!);
    await t.sync(a!);
    for (const d of [a!, b!]) {
      expect(await shown(d)).toMatchObject({ text: 'two', version: 4 });
      expect((await shown(d)).conflicts).toBeUndefined();
    }
  });
});
