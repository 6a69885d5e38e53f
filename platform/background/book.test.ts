import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LensDB } from '../../data/db/db';
import type { Account } from '../../data/model/account';
import { writeRecord } from '../../data/sync/outbox';
import { healthModelItem } from '../../features/engine-settings';
import { DEFAULT_HEALTH_MODEL } from '../../features/health/model';
import { translator } from '../../shared/i18n';
import { fakeVisit } from '../../tests/support/builders';
import { bookChangedElsewhere, evaluateWholeBook } from './book';

/*
 * The book evaluated in the background against a real (fake) IndexedDB: only
 * the accounts written since the last run are evaluated again, with only their
 * rows read, and a new day, new settings or a write that names no account
 * evaluate the whole book.
 */
const T = '2026-11-01T00:00:00.000Z';
const acct = (id: string, contractEnd: string): Account => ({ id, name: id, crm: 'salesforce', recordId: `001${id}`, contractEnd, csm: 'Cleo', createdAt: T, updatedAt: T });
const tr = async () => translator('en');
let n = 0;
let database: LensDB;
const at = (iso: string) => () => new Date(iso);

beforeEach(async () => {
  fakeBrowser.reset();
  database = new LensDB(`book-${++n}`);
  // a and b are 80 days from their end (the 90-day touchpoint is overdue); c is far off.
  await database.accounts.bulkPut([acct('a', '2027-02-19'), acct('b', '2027-02-19'), acct('c', '2028-06-30')]);
});

const causes = async (accountId: string) => (await database.ctas.where('accountId').equals(accountId).toArray()).map((c) => c.cause).sort();

describe('the book in the background', () => {
  it('evaluates every account first, then only the accounts written since, reading only their rows', async () => {
    const first = await evaluateWholeBook(database, tr, at('2026-12-01T09:00:00'));
    expect(first.evaluated).toBe(3);
    expect(await causes('a')).toContain('renewal:a:2027-02-19:90');
    // Its own CTA writes are no change: nothing to do again.
    expect((await evaluateWholeBook(database, tr, at('2026-12-01T09:05:00'))).evaluated).toBe(0);

    // Two red readings 14 days apart for c (a table indexed by [accountId+asOf]): c alone is evaluated, and its streak is raised.
    const red = { activeUserRate: 5, coreFeatureAdoption: 5, moduleBreadth: 5, tickets90d: 40, trainingRate: 5, nps: -80, outcomeAttainment: 5 };
    for (const asOf of ['2026-11-17', '2026-12-01'])
      await writeRecord(database, 'snapshots', { id: `s-${asOf}`, accountId: 'c', createdAt: T, updatedAt: T, asOf, inputs: red }, new Date('2026-12-01T10:00:00'));
    const partial = await evaluateWholeBook(database, tr, at('2026-12-01T10:01:00'));
    expect(partial.evaluated).toBe(1);
    expect((await causes('c')).some((c) => c.startsWith('health:red-streak:c:'))).toBe(true);
  });

  it('evaluates the whole book on a new day, after new settings, and after a delete that names no account', async () => {
    await evaluateWholeBook(database, tr, at('2026-12-01T09:00:00'));
    expect((await evaluateWholeBook(database, tr, at('2026-12-02T09:00:00'))).evaluated).toBe(3);
    expect((await evaluateWholeBook(database, tr, at('2026-12-02T09:05:00'))).evaluated).toBe(0);
    await healthModelItem.setValue({ ...DEFAULT_HEALTH_MODEL, redStreakDays: 21 });
    expect((await evaluateWholeBook(database, tr, at('2026-12-02T09:10:00'))).evaluated).toBe(3);
    const [someCta] = await database.ctas.toArray();
    await database.ctas.delete(someCta!.id);
    expect((await evaluateWholeBook(database, tr, at('2026-12-02T09:15:00'))).evaluated).toBe(3);
  });

  it('runs one after another: a request during a run is served by one more run that sees its write', async () => {
    const running = evaluateWholeBook(database, tr, at('2026-12-01T09:00:00'));
    await database.accounts.put({ ...acct('d', '2027-02-19') });
    const next = evaluateWholeBook(database, tr, at('2026-12-01T09:00:01'));
    await running;
    await next;
    expect(await causes('d')).toContain('renewal:d:2027-02-19:90');
  });
});

describe('a deleted visit restored', () => {
  it('reopens the follow-ups its deletion closed, and leaves one a person closed as it was', async () => {
    const visit = fakeVisit({
      id: 'v1', accountId: 'a', createdAt: T, updatedAt: T, date: '2026-11-28', attendees: ['Lee'],
      followUps: [{ text: 'send the SSO guide', dueDate: '2026-12-05' }, { text: 'book the training', dueDate: '2026-12-08' }],
    });
    const write = async (v: typeof visit, iso: string) => writeRecord(database, 'visits', v, new Date(iso));
    const followUp = async (n: number) => (await database.ctas.get(`cta:service:followup:v1:${n}`))!;
    await write(visit, '2026-12-01T09:00:00');
    await evaluateWholeBook(database, tr, at('2026-12-01T09:00:01'));
    expect((await followUp(0)).status).toBe('open');
    // The CSM did the second one herself.
    await writeRecord(database, 'ctas', { ...(await followUp(1)), status: 'closed', closedNote: 'done' }, new Date('2026-12-01T09:01:00'));

    await write({ ...visit, deleted: true }, '2026-12-01T09:02:00');
    await evaluateWholeBook(database, tr, at('2026-12-01T09:02:01'));
    expect(await followUp(0)).toMatchObject({ status: 'closed', closedBy: 'visit_removed', closedNote: 'Closed: the visit or follow-up was removed' });
    expect(await followUp(1)).toMatchObject({ status: 'closed', closedNote: 'done' });

    await write({ ...visit, deleted: false }, '2026-12-01T09:03:00'); // Undo
    await evaluateWholeBook(database, tr, at('2026-12-01T09:03:01'));
    const back = await followUp(0);
    expect(back.status).toBe('open');
    expect(back).not.toHaveProperty('closedNote');
    expect(back).not.toHaveProperty('closedBy');
    expect(await followUp(1)).toMatchObject({ status: 'closed', closedNote: 'done' });
    // Open again, it is not reopened again (nothing more to write).
    expect((await evaluateWholeBook(database, tr, at('2026-12-01T09:04:00'))).evaluated).toBe(0);
  });
});

describe('writes from other extension pages', () => {
  it('are evaluated on the next run once a page says it changed the data', async () => {
    await evaluateWholeBook(database, tr, at('2026-12-01T09:00:00'));
    // Another context (the options page's import) writes to the same database: this instance's feed never hears it.
    const elsewhere = new LensDB(database.name);
    await elsewhere.accounts.put(acct('e', '2027-02-19'));
    elsewhere.close();
    bookChangedElsewhere(database);
    expect((await evaluateWholeBook(database, tr, at('2026-12-01T09:05:00'))).evaluated).toBe(4);
    expect(await causes('e')).toContain('renewal:e:2027-02-19:90');
  });
});
