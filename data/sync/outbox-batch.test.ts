// @vitest-environment node
import { writeRecord, writeRecords } from './outbox';
import { fakePromise } from '../../tests/support/fake-api-data';
import { dump, freshDb, later, NOW } from './test-helpers';
import type { LensDB } from '../db/db';
import type { OutboxEntry } from '../model/records';

const rec = (id: string, accountId = 'acct-1', text = `text ${id}`) => fakePromise(id, accountId, '2026-01-01T00:00:00.000Z', text);
const note = (id: string, accountId = 'acct-1') => ({
  id, accountId, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', kind: 'short_term_reset', audience: 'boss', text: `note ${id}`,
});
/** The queue without what differs between two runs of the same writes: keys and sequence numbers. */
const queue = async (db: LensDB) => (await db.outbox.toArray()).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)).map(({ key: _k, seq: _s, ...rest }) => rest);

describe('writeRecords', () => {
  it('stores records of several kinds and their entries exactly as one writeRecord per record would', async () => {
    const writes = [
      { kind: 'promises' as const, record: rec('p1') },
      { kind: 'notes' as const, record: note('n1') },
      { kind: 'promises' as const, record: rec('p2', 'acct-2') },
    ];
    const one = freshDb('batch');
    for (const w of writes) await writeRecord(one, w.kind, w.record, NOW);
    const many = freshDb('batch');
    const stored = await writeRecords(many, writes, NOW);
    expect(stored.map((r) => r.id)).toEqual(['p1', 'n1', 'p2']);
    expect(await many.promises.toArray()).toEqual(await one.promises.toArray());
    expect(await many.notes.toArray()).toEqual(await one.notes.toArray());
    expect(await queue(many)).toEqual(await queue(one));
    expect(new Set((await many.outbox.toArray()).map((e) => e.key)).size).toBe(3);
  });

  it('coalesces with an entry already queued: the open entry is replaced under a new key, a sent one is kept', async () => {
    const db = freshDb('batch');
    await writeRecord(db, 'promises', rec('p1', 'acct-1', 'first'), NOW);
    await writeRecord(db, 'promises', rec('p2', 'acct-1', 'first'), NOW);
    const [open, sent] = await db.outbox.toArray();
    await db.outbox.where('key').equals(sent!.key).modify((e: OutboxEntry) => void (e.sent = true));
    await writeRecords(db, [
      { kind: 'promises', record: { ...rec('p1', 'acct-1', 'second'), deliverable: 'partly' } },
      { kind: 'promises', record: rec('p2', 'acct-1', 'second') },
    ], later(1000));
    const entries = (await db.outbox.toArray()).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
    expect(entries.map((e) => [e.recordId, e.sent ?? false])).toEqual([['p2', true], ['p1', false], ['p2', false]]);
    const p1 = entries[1]!;
    expect(p1.key).not.toBe(open!.key);
    // Every field of a record the server never had, from version 0: the replaced entry's and the new edit's.
    expect(p1.fields).toEqual({ accountId: 0, createdAt: 0, text: 0, deliverable: 0, status: 0 });
    expect(p1.record).toMatchObject({ text: 'second', deliverable: 'partly', updatedAt: later(1000).toISOString() });
    expect(await db.promises.get('p2')).toMatchObject({ text: 'second' });
  });

  it('coalesces a record named twice in one batch into one entry, and queues nothing for a write that changes nothing', async () => {
    const db = freshDb('batch');
    const first = await writeRecord(db, 'promises', rec('same'), NOW);
    await db.outbox.clear();
    const stored = await writeRecords(db, [
      { kind: 'promises', record: first },
      { kind: 'promises', record: rec('p1', 'acct-1', 'one') },
      { kind: 'promises', record: rec('p1', 'acct-1', 'two') },
    ], NOW);
    expect(stored[0]).toEqual(first);
    const entries = await db.outbox.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ recordId: 'p1', record: { text: 'two' } });
    expect(await db.promises.get('p1')).toMatchObject({ text: 'two' });
  });

  it('tells the change feed every account it wrote', async () => {
    const db = freshDb('batch');
    const heard: string[] = [];
    db.rowChanges.listen((c) => {
      if (c.table === 'notes' && c.accounts !== 'all') heard.push(...c.accounts);
    });
    await writeRecords(db, [{ kind: 'notes', record: note('n1', 'acct-1') }, { kind: 'notes', record: note('n2', 'acct-2') }], NOW);
    expect(new Set(heard)).toEqual(new Set(['acct-1', 'acct-2']));
  });

  it('stores nothing when one record is invalid or a write fails midway', async () => {
    const db = freshDb('batch');
    await writeRecord(db, 'promises', rec('kept', 'acct-1', 'before'), NOW);
    const before = await dump(db);
    await expect(writeRecords(db, [
      { kind: 'promises', record: rec('kept', 'acct-1', 'after') },
      { kind: 'promises', record: { ...rec('bad'), status: 'maybe' } },
    ], NOW)).rejects.toThrow();
    expect(await dump(db)).toEqual(before);
    // The rows are put before the entries: an entry that cannot be queued takes the rows back with it.
    db.outbox.hook('creating', (_k, e: OutboxEntry) => {
      if (e.recordId === 'p9') throw new Error('outbox refused');
    });
    await expect(writeRecords(db, [
      { kind: 'promises', record: rec('kept', 'acct-1', 'after') },
      { kind: 'notes', record: note('n1') },
      { kind: 'promises', record: rec('p9') },
    ], NOW)).rejects.toThrow(/outbox refused/);
    expect(await dump(db)).toEqual(before);
  });
});
