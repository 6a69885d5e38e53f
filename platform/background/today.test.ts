import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LensDB } from '../../data/db/db';
import type { Account } from '../../data/model/account';
import type { Cta } from '../../data/model/records';
import { localDate } from '../../shared/dates/local-date';
import { settingsItem } from '../../shared/settings';
import { readToday, warmToday, watchToday, type TodayData } from './today';

const T = '2026-11-01T00:00:00.000Z';
const acct = (id: string, csm: string): Account => ({ id, name: id, crm: 'salesforce', recordId: `001${id}`, contractEnd: '2028-06-30', csm, createdAt: T, updatedAt: T });
const overdue = (accountId: string): Cta => ({
  id: `cta:x:${accountId}`, accountId, createdAt: T, updatedAt: T, source: 'manual', cause: `x:${accountId}`, title: `Call ${accountId}`, dueDate: '2020-01-01', status: 'open',
});
let n = 0;
let database: LensDB;

beforeEach(async () => {
  fakeBrowser.reset();
  database = new LensDB(`today-${++n}`);
  await database.accounts.bulkPut([acct('a', 'Cleo'), acct('b', 'Ben')]);
  await database.ctas.bulkPut([overdue('a'), overdue('b')]);
});

/** The values a watch streams, and a way to wait for the next one that holds. */
function collect() {
  const seen: TodayData[] = [];
  const waiters: (() => void)[] = [];
  const listener = { next: (v: TodayData) => (seen.push(v), waiters.splice(0).forEach((w) => w())), error: (e: unknown) => { throw e; } };
  const until = async (ok: (v: TodayData) => boolean) => {
    while (!seen.some(ok)) await new Promise<void>((r) => waiters.push(r));
    return seen.find(ok)!;
  };
  return { seen, listener, until };
}

describe('the Today list in the background', () => {
  it('streams my list (my name from the options) and follows every write', async () => {
    await settingsItem.setValue({ ...(await settingsItem.getValue()), myName: 'Cleo' });
    const w = collect();
    const off = watchToday(database, undefined, w.listener);
    const first = await w.until(() => true);
    expect(first).toMatchObject({ me: 'Cleo', person: 'Cleo', today: localDate(new Date()) });
    expect(first.worklist.groups.map((g) => g.account.id)).toEqual(['a']);
    await database.ctas.put({ ...overdue('a'), id: 'cta:y:a', cause: 'y:a', title: 'Visit a' });
    const after = await w.until((v) => v.worklist.counts.overdue === 2);
    expect(after.worklist.groups[0]!.items.map((i) => i.title).sort()).toEqual(['Call a', 'Visit a']);
    off();
  });

  it('takes my name from the team server’s token first, then from the options', async () => {
    await settingsItem.setValue({ ...(await settingsItem.getValue()), myName: 'Cleo' });
    await database.meta.put({ key: 'api:identity', value: { user: 'Ben', role: 'csm', team: 't' } });
    expect(await readToday(database, undefined)).toMatchObject({ me: 'Ben', person: 'Ben' });
    expect((await readToday(database, undefined)).worklist.groups.map((g) => g.account.id)).toEqual(['b']);
    // A token whose user name is empty does not hide the name set in the options.
    await database.meta.put({ key: 'api:identity', value: { user: '', role: 'csm', team: 't' } });
    expect(await readToday(database, undefined)).toMatchObject({ me: 'Cleo' });
  });

  it('answers a panel from the list computed after an evaluation, the same as reading it afresh', async () => {
    await warmToday(database);
    const w = collect();
    const off = watchToday(database, null, w.listener);
    const listed = await w.until(() => true);
    expect(listed).toEqual(await readToday(database, null));
    expect(listed.worklist.groups).toHaveLength(2);
    // Two panels share one computation and both hear a change.
    const other = collect();
    const off2 = watchToday(database, null, other.listener);
    await other.until(() => true);
    await database.ctas.put({ ...overdue('b'), status: 'closed' });
    await Promise.all([w, other].map((x) => x.until((v) => v.worklist.groups.length === 1)));
    off();
    off2();
  });

  it('sends the first accounts of a long list when asked to, with the whole list counted', async () => {
    const w = collect();
    const off = watchToday(database, null, w.listener, 1);
    const first = await w.until(() => true);
    expect(first.worklist.groups).toHaveLength(1);
    expect(first).toMatchObject({ accounts: 2, worklist: { counts: { overdue: 2 } } });
    off();
  });
});
