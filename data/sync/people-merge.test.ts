// @vitest-environment node
import { writeRecord } from './outbox';
import type { Handover, Person } from '../model/records';
import { fakeAccount } from '../../tests/support/fake-api-data';
import { Team, type Device } from '../../tests/support/devices';

/**
 * Two devices edit the key people of one account: the outbox sends each
 * edit's base list, and the server merges person by person, so nobody's
 * edit of another person is lost or shown as a conflict.
 */

const wang: Person = { id: 'p-wang', role: 'boss', name: 'Wang Fang' };
const li: Person = { id: 'p-li', role: 'champion', name: 'Li Lei' };
const zhao: Person = { id: 'p-zhao', role: 'user', name: 'Zhao Min' };
const handover = (people: Person[]): Handover => ({
  id: 'h-acct-1', accountId: 'acct-1', status: 'submitted', createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z', keyPeople: people,
});

const shown = async (d: Device) => (await d.db.handovers.get('h-acct-1')) as Handover;
const setPeople = async (t: Team, d: Device, people: (now: Person[]) => Person[]) => {
  const h = await shown(d);
  return writeRecord(d.db, 'handovers', { ...h, keyPeople: people(h.keyPeople ?? []) }, t.now(d));
};

async function twoDevices() {
  const t = new Team('people-merge');
  t.store.seedAccounts([fakeAccount(1)]);
  const a = t.add('A', 0);
  const b = t.add('B', 0);
  for (const d of [a, b]) await t.sync(d);
  await writeRecord(a.db, 'handovers', handover([wang, li]), t.now(a));
  await t.deliver(a);
  await t.sync(b);
  return { t, a, b };
}

describe('key people edited on two devices', () => {
  it('one adds a person while the other, offline, marks someone as left: both edits stay, with no conflict', async () => {
    const { t, a, b } = await twoDevices();
    b.net = 'down';
    await setPeople(t, b, (p) => p.map((x) => (x.id === 'p-li' ? { ...x, leftAt: '2026-11-30' } : x)));
    await t.deliver(b); // fails: queued with its base list
    expect((await b.db.outbox.toArray())[0]?.bases).toEqual({ keyPeople: [wang, li] });
    await setPeople(t, a, (p) => [...p, zhao]);
    await t.deliver(a);
    b.net = 'up';
    await t.deliver(b); // lands after A's edit of the same list
    for (const d of [a, b]) await t.sync(d);
    for (const d of [a, b]) {
      const h = await shown(d);
      expect(h.keyPeople).toEqual([wang, { ...li, leftAt: '2026-11-30' }, zhao]);
      expect(h.conflicts).toBeUndefined();
    }
  });

  it('two edits of the same person still meet as a conflict, and the displaced list is kept', async () => {
    const { t, a, b } = await twoDevices();
    await setPeople(t, a, (p) => p.map((x) => (x.id === 'p-wang' ? { ...x, stance: 'supporter' } : x)));
    await setPeople(t, b, (p) => p.map((x) => (x.id === 'p-wang' ? { ...x, stance: 'opponent' } : x)));
    await t.deliver(a);
    await t.deliver(b);
    for (const d of [a, b]) await t.sync(d);
    for (const d of [a, b]) {
      const h = await shown(d);
      expect(h.keyPeople).toEqual([{ ...wang, stance: 'opponent' }, li]);
      expect(h.conflicts).toEqual([expect.objectContaining({ field: 'keyPeople', value: [{ ...wang, stance: 'supporter' }, li], by: 'A', keptBy: 'B' })]);
    }
  });

  it('a second edit queued behind a sent one starts from the answer, so the device does not collide with itself', async () => {
    const { t, a, b } = await twoDevices();
    a.net = 'late';
    await setPeople(t, a, (p) => [...p, zhao]);
    await t.deliver(a); // applied; the answer is held
    await setPeople(t, a, (p) => p.filter((x) => x.id !== 'p-wang'));
    await setPeople(t, b, (p) => p.map((x) => (x.id === 'p-li' ? { ...x, stance: 'supporter' } : x)));
    await t.deliver(b);
    await t.release(a);
    a.net = 'up';
    await t.deliver(a);
    for (const d of [a, b]) await t.sync(d);
    for (const d of [a, b]) {
      const h = await shown(d);
      expect(h.keyPeople).toEqual([{ ...li, stance: 'supporter' }, zhao]);
      expect(h.conflicts).toBeUndefined();
    }
  });
});
