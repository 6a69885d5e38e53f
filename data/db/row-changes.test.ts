import { LensDB } from './db';
import type { RowChange } from './row-changes';

const T = '2026-11-01T00:00:00.000Z';
let n = 0;

describe('the change feed of the book', () => {
  it('names the accounts each write touched, and says "all" for a delete by key', async () => {
    const db = new LensDB(`row-changes-${++n}`);
    const seen: RowChange[] = [];
    const stop = db.rowChanges.listen((c) => seen.push(c));
    const acct = (id: string) => ({ id, name: id, crm: 'salesforce' as const, recordId: `001${id}`, contractEnd: '2027-06-30', createdAt: T, updatedAt: T });
    await db.accounts.bulkPut([acct('a'), acct('b')]);
    await db.milestones.put({ id: 'm', accountId: 'b', key: 'kick_off', title: 'Kick-off', dueDate: '2026-12-01', createdAt: T, updatedAt: T });
    await db.milestones.update('m', { doneAt: '2026-11-30' });
    await db.milestones.delete('m');
    await db.meta.put({ key: 'x', value: 1 }); // not a book table
    const named = seen.map((c) => [c.table, c.accounts === 'all' ? 'all' : [...c.accounts]]);
    expect(named).toEqual([['accounts', ['a', 'b']], ['milestones', ['b']], ['milestones', ['b']], ['milestones', 'all']]);
    stop();
    await db.accounts.put(acct('c'));
    expect(seen).toHaveLength(4);
  });
});
