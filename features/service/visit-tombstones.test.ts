import { fakeVisit } from '../../tests/support/builders';
import type { Account } from '../../data/model/account';
import { DEFAULT_SERVICE_DAY, type ServiceVisit } from '../../data/model/records';
import { evaluateBook, type BookTables } from '../book';
import { accountSignals } from '../health-service';
import { DEFAULT_HEALTH_MODEL } from '../health/model';
import { portfolioRows } from '../portfolio/rows';
import { DEFAULT_RENEWAL_SETTINGS } from '../renewal/settings';
import { touchpointLogs } from '../renewal/timeline';
import { serviceCadence } from './cadence';
import { monthlyReport } from './report/monthly';
import { DEFAULT_SERVICE_SETTINGS } from './settings';

// A deleted visit stays stored as a tombstone (deleted: true) until the team
// server has learned of the removal. Everything that reads visits must read it
// as if it were gone: same answers with the tombstone as without it.
const T = '2026-11-01T00:00:00.000Z';
const TODAY = '2026-11-27';
const account: Account = {
  id: 'a1', name: 'Acme', crm: 'salesforce', recordId: '001D000000IqhSLIAZ', contractEnd: '2027-02-20', csm: 'Cleo', signedAt: '2026-01-10',
  createdAt: T, updatedAt: T,
};
const kept = fakeVisit({ id: 'v-kept', accountId: 'a1', createdAt: T, updatedAt: T, date: '2026-10-30', attendees: ['Lee'], notes: 'dashboards' });
const tombstone: ServiceVisit = fakeVisit({
  id: 'v-gone', accountId: 'a1', createdAt: T, updatedAt: T, deleted: true, date: '2026-11-20', attendees: ['王经理'], bossMet: true,
  checklistDone: ['boss.month'], notes: 'REMOVED VISIT NOTE', followUps: [{ text: 'REMOVED FOLLOW-UP', dueDate: '2026-11-28' }],
  sentiment: { band: 'red', reason: 'REMOVED READ' },
});
const settings = { model: DEFAULT_HEALTH_MODEL, renewal: DEFAULT_RENEWAL_SETTINGS, service: DEFAULT_SERVICE_SETTINGS };
const rows = (visits: ServiceVisit[]) => ({ visits, reports: [], notes: [], promises: [], plans: [] });
/** What a reader answers without the visit, with its tombstone, and with the same visit not deleted (which must differ: the reader does use it). */
const withAndWithout = <R>(read: (visits: ServiceVisit[]) => R) => {
  const r = { without: read([kept]), with: read([kept, tombstone]), alive: read([kept, { ...tombstone, deleted: false }]) };
  expect(r.alive).not.toEqual(r.without);
  return r;
};

describe('a deleted visit is read as gone', () => {
  it('by the health signals (service rhythm, boss met, the CSM’s read)', () => {
    const r = withAndWithout((visits) => accountSignals(account, rows(visits), DEFAULT_SERVICE_SETTINGS, TODAY));
    expect(r.with).toEqual(r.without);
    expect(JSON.stringify(r.with)).not.toContain('REMOVED');
  });

  it('by the monthly report of its month', () => {
    const r = withAndWithout((visits) => monthlyReport({
      language: 'en', month: '2026-11', account: { name: 'Acme', contractEnd: account.contractEnd }, visits, renewal: { daysLeft: 85 },
      promises: [], openRequests: [], today: TODAY,
    }));
    expect(r.with).toEqual(r.without);
    expect(r.with.text).not.toContain('REMOVED');
  });

  it('by the calls to action that make the Today list, and by the service rhythm', () => {
    const book = (visits: ServiceVisit[]): BookTables => ({ accounts: [account], snapshots: [], milestones: [], outcomes: [], ctas: [], visits, notes: [], plans: [], reports: [] });
    const r = withAndWithout((visits) => evaluateBook(book(visits), settings, TODAY));
    expect(r.with).toEqual(r.without);
    expect(JSON.stringify(r.with)).not.toContain('REMOVED FOLLOW-UP');
    const cadence = withAndWithout((visits) => serviceCadence({ rule: DEFAULT_SERVICE_DAY, visits, reports: [], today: TODAY }));
    expect(cadence.with).toEqual(cadence.without);
  });

  it('by the renewal touchpoints and the portfolio row', () => {
    const logs = withAndWithout((visits) => touchpointLogs(visits, []));
    expect(logs.with).toEqual([{ date: '2026-10-30' }]);
    const portfolio = withAndWithout((visits) => portfolioRows({
      accounts: [account], snapshots: [], ctas: [], visits, notes: [], promises: [], model: DEFAULT_HEALTH_MODEL, renewal: DEFAULT_RENEWAL_SETTINGS, today: TODAY,
    }));
    expect(portfolio.with).toEqual(portfolio.without);
  });
});
