import { cleanup, render, screen } from '@testing-library/react';
import { I18nProvider } from '../../../shared/i18n/I18n';
import type { Locale } from '../../../shared/i18n';
import type { Account } from '../../../data/model/account';
import type { Handover, HealthSnapshot } from '../../../data/model/records';
import { PeopleCard } from './PeopleCard';

const T = '2026-11-20T09:00:00.000Z';
const tables: { handovers: Handover[]; snapshots: HealthSnapshot[] } = { handovers: [], snapshots: [] };
vi.mock('../../../platform/panel/data-client', () => ({
  useRecords: (kind: 'handovers' | 'snapshots') => tables[kind],
  putRecordVia: vi.fn(),
}));

const account: Account = { id: 'acc-1', crm: 'salesforce', recordId: '001A', name: 'Acme', contractEnd: '2027-09-30', createdAt: T, updatedAt: T };
tables.handovers = [{
  id: 'handover:acc-1', accountId: 'acc-1', createdAt: T, updatedAt: T, status: 'accepted',
  keyPeople: [
    { id: 'p-boss', role: 'boss', name: 'Wang Lei', contact: 'wang.lei@example.cn' },
    { id: 'p-champ', role: 'champion', name: 'Li Na', contact: 'li.na@example.cn' },
    { id: 'p-x', role: 'user', name: 'Chen', contact: '139 1111 2222' },
  ],
}];
const usage = { keyPeople: [{ person: 'p-boss', lastActiveOn: '2026-11-10' }, { person: 'p-champ', lastActiveOn: '2026-11-28' }] };
const NOW = new Date(2026, 11, 2, 10);
const show = (locale: Locale, quietDays = 21) => render(<I18nProvider locale={locale}><PeopleCard account={account} now={NOW} quietDays={quietDays} /></I18nProvider>);

describe('PeopleCard activity', () => {
  afterEach(cleanup);
  it('says without usage data that activity comes from the team server', () => {
    tables.snapshots = [];
    show('en');
    expect(screen.queryByTestId('person-activity')).toBeNull();
    expect(screen.getByText(/No usage reading names them yet/)).toBeInTheDocument();
  });
  it('shows each key person\'s last use of the product, the quiet one marked, in both languages', () => {
    tables.snapshots = [{ id: 's', accountId: 'acc-1', asOf: '2026-12-01', inputs: {}, usage, createdAt: T, updatedAt: T }];
    show('en');
    expect(screen.getAllByTestId('person-activity').map((e) => e.textContent)).toEqual([
      'quiet: last used the product Nov 10, 2026 (22 days ago)',
      'last used the product Nov 28, 2026',
      'not found among the product’s users (add their e-mail to the contact)',
    ]);
    expect(screen.queryByText(/No usage reading names them yet/)).toBeNull();
    cleanup();
    show('zh-CN');
    expect(screen.getAllByTestId('person-activity')[0]).toHaveTextContent('已沉寂：最近一次使用产品为 2026年11月10日（22 天前）');
  });
  it('marks a key person quiet at the team\'s threshold, the one the call to action is raised at', () => {
    tables.snapshots = [{ id: 's', accountId: 'acc-1', asOf: '2026-12-01', inputs: {}, usage, createdAt: T, updatedAt: T }];
    const boss = () => screen.getAllByTestId('person-activity')[0]!;
    // The boss last used the product 22 days ago: quiet for a team that set 22 days…
    show('en', 22);
    expect(boss()).toHaveTextContent('quiet: last used the product Nov 10, 2026 (22 days ago)');
    expect(boss()).toHaveClass('warn');
    cleanup();
    // …not yet for one that set 23, although the default 21 would mark them.
    show('en', 23);
    expect(boss().textContent).toBe('last used the product Nov 10, 2026');
    expect(boss()).not.toHaveClass('warn');
  });
});
