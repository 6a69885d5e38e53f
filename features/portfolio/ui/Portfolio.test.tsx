import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { I18nProvider } from '../../../shared/i18n/I18n';
import { Portfolio } from './Portfolio';
import type { Locale } from '../../../shared/i18n';
import type { PortfolioRow } from '../rows';
import type { PortfolioData } from '../../../platform/background/data-port';
import type { RenewalEvent } from '../../renewal/terms';
import { backtest } from '../backtest';
import { renewalOutcome } from '../../../tests/support/outcomes';
import { exchangeRatesItem } from '../rates';

const row = (i: number, over: Partial<PortfolioRow>): PortfolioRow => ({
  id: `a${i}`, name: `Account ${i}`, crm: 'salesforce', recordId: `001D000000IqhSL${String(i).padStart(3, '0')}`, orgKey: 'acme',
  owner: 'Maya', csm: 'Priya', segment: 'enterprise', arr: 1000 * i, currency: 'USD', score: 50, band: 'yellow', trend: [50, 50],
  contractEnd: '2027-01-01', daysToRenewal: 100, window: '91-180', visitedThisMonth: false, openCtas: 0, promiseRisks: 0, ...over,
});
const ROWS: PortfolioRow[] = [
  row(1, { name: 'Acme', recordId: '001D000000IqhSLIAZ', score: 82, band: 'green', daysToRenewal: 20, window: '0-30', owner: 'Tom' }),
  row(2, { name: 'Globex', score: 30, band: 'red', daysToRenewal: 200, window: 'later' }),
  row(3, { name: '上海云帆科技', score: 30, band: 'red', daysToRenewal: 10, window: '0-30', csm: '张伟' }),
  row(4, { name: 'Initech', score: null, band: null, daysToRenewal: -5, window: 'overdue' }),
];
let data: PortfolioData | undefined;
vi.mock('../../../platform/panel/data-client', () => ({ usePortfolio: () => ({ value: data }) }));

const inLocale = (locale: Locale, ui: React.ReactNode) => render(<I18nProvider locale={locale}>{ui}</I18nProvider>);
const names = () => within(screen.getByRole('table', { name: 'Accounts' })).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[0]!.textContent);

// jsdom lays nothing out: give elements a size so the virtualised table has rows in view.
beforeAll(() => {
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(560);
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(1000);
});
afterAll(() => vi.restoreAllMocks());

beforeEach(() => {
  fakeBrowser.reset();
  data = { rows: ROWS, outcomes: [], events: [], backtest: backtest([]), today: '2026-11-23' };
});

describe('Portfolio', () => {
  it('lists every account, soonest renewal first by default', async () => {
    inLocale('en', <Portfolio />);
    await waitFor(() => expect(names()).toEqual(['Initech', '上海云帆科技', 'Acme', 'Globex']));
    expect(screen.getByTestId('portfolio-count')).toHaveTextContent('4 of 4 accounts');
    expect(screen.getByRole('link', { name: 'Acme' })).toHaveAttribute('href', expect.stringMatching(/^https:\/\/acme\.lightning\.force\.com\/lightning\/r\/Account\//));
  });

  it('filters by band, window, owner, CSM and words', async () => {
    inLocale('en', <Portfolio />);
    await screen.findByText('4 of 4 accounts');
    const filters = screen.getByRole('group', { name: 'Filter the portfolio' });
    fireEvent.click(within(filters).getByLabelText('red'));
    expect(names()).toEqual(['上海云帆科技', 'Globex']);
    fireEvent.change(within(filters).getByRole('combobox', { name: 'Renewal window' }), { target: { value: '0-30' } });
    expect(names()).toEqual(['上海云帆科技']);
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    fireEvent.change(within(filters).getByRole('combobox', { name: 'Owner' }), { target: { value: 'Tom' } });
    expect(names()).toEqual(['Acme']);
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    fireEvent.change(within(filters).getByRole('combobox', { name: 'CSM' }), { target: { value: '张伟' } });
    expect(names()).toEqual(['上海云帆科技']);
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    fireEvent.click(within(filters).getByLabelText('no health yet'));
    expect(names()).toEqual(['Initech']);
    fireEvent.click(within(filters).getByLabelText('no health yet'));
    fireEvent.change(within(filters).getByLabelText('Search name, owner, CSM, record id'), { target: { value: 'GLOB' } });
    expect(names()).toEqual(['Globex']);
    expect(screen.getByTestId('portfolio-count')).toHaveTextContent('1 of 4 accounts');
  });

  it('sorts by a column, and by a second one with Shift, ascending first', async () => {
    inLocale('en', <Portfolio />);
    await screen.findByText('4 of 4 accounts');
    fireEvent.click(within(screen.getByRole('columnheader', { name: /Health/ })).getByRole('button'));
    // Unknown health (−1) first, then the two 30s in their prior order, then 82.
    expect(names()[0]).toBe('Initech');
    expect(names().at(-1)).toBe('Acme');
    fireEvent.click(within(screen.getByRole('columnheader', { name: /Account/ })).getByRole('button'), { shiftKey: true });
    expect(names()).toEqual(['Initech', 'Globex', '上海云帆科技', 'Acme']);
    expect(screen.getByRole('columnheader', { name: /Health/ })).toHaveAttribute('aria-sort', 'ascending');
    fireEvent.click(within(screen.getByRole('columnheader', { name: /Health/ })).getByRole('button'));
    expect(screen.getByRole('columnheader', { name: /Health/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('remembers the filters across visits', async () => {
    const first = inLocale('en', <Portfolio />);
    await screen.findByText('4 of 4 accounts');
    fireEvent.click(within(screen.getByRole('group', { name: 'Filter the portfolio' })).getByLabelText('green'));
    expect(screen.getByTestId('portfolio-count')).toHaveTextContent('1 of 4 accounts');
    first.unmount();
    inLocale('en', <Portfolio />);
    await waitFor(() => expect(screen.getByTestId('portfolio-count')).toHaveTextContent('1 of 4 accounts'));
  });

  it('speaks Chinese, and keeps currencies apart in the figures', async () => {
    data = { ...data!, rows: [...ROWS, row(5, { name: '杭州启明电子', arr: 5000, currency: 'CNY' })] };
    inLocale('zh-CN', <Portfolio />);
    await screen.findByText('5 个客户中的 5 个');
    const tile = screen.getByTestId('metric-accounts');
    expect(tile).toHaveTextContent('US$10,000');
    expect(tile).toHaveTextContent('¥5,000');
  });

  const event = (status: RenewalEvent['status'], date: string, currency: string, base: number, after: number, owner = 'Maya'): RenewalEvent =>
    ({ accountId: `${status}${date}`, date, status, currency, base, after, owner });
  const EVENTS = [
    event('renewed', '2026-03-01', 'USD', 10_000, 11_000),
    event('churned', '2026-04-01', 'CNY', 700_000, 0, 'Tom'),
    event('renewed', '2026-05-01', 'CNY', 100_000, 100_000, 'Tom'),
    event('not_recorded', '2026-10-31', 'USD', 10_000, 0),
    event('renewed', '2025-06-01', 'USD', 5_000, 5_000), // more than 12 months ago
  ];

  it('shows renewal rate, GRR and NRR per currency, not recorded apart, for the period picked', async () => {
    data = { ...data!, events: EVENTS };
    inLocale('en', <Portfolio />);
    await screen.findByText('4 of 4 accounts');
    expect(screen.getByTestId('metric-renewalRate')).toHaveTextContent('50%');
    expect(screen.getByTestId('metric-renewalRate')).toHaveTextContent('2 renewed, 1 churned, 1 not recorded');
    expect(screen.getByTestId('not-recorded')).toHaveTextContent('1');
    expect(screen.getByTestId('grr-USD')).toHaveTextContent('USD 50%');
    expect(screen.getByTestId('grr-CNY')).toHaveTextContent('CNY 12.5%');
    expect(screen.getByTestId('nrr-USD')).toHaveTextContent('USD 55%');
    expect(screen.queryByTestId('grr-converted')).toBeNull();
    // The definition is one click away.
    fireEvent.click(screen.getByRole('button', { name: 'What “Ended, no outcome recorded” means' }));
    expect(screen.getByRole('note')).toHaveTextContent(/stay in every denominator/);
    // A quarter: 2026-Q2 holds the two CNY outcomes only.
    fireEvent.change(screen.getByRole('combobox', { name: 'Period for renewal rate, GRR and NRR' }), { target: { value: 'quarter' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Period' }), { target: { value: '2026-Q2' } });
    expect(screen.getByTestId('metric-renewalRate')).toHaveTextContent('1 renewed, 1 churned, 0 not recorded');
    expect(screen.queryByTestId('grr-USD')).toBeNull();
    // Per owner.
    fireEvent.click(screen.getByText('Per owner, CSM or segment'));
    expect(screen.getByRole('rowheader', { name: 'Tom' })).toBeInTheDocument();
    expect(screen.queryByRole('rowheader', { name: 'Maya' })).toBeNull();
  });

  it('converts into one currency with the rates entered in the options, and says when one is missing', async () => {
    data = { ...data!, events: EVENTS };
    await exchangeRatesItem.setValue({ base: 'USD', rates: { CNY: 0.1 } });
    inLocale('en', <Portfolio />);
    // (10,000 + 70,000 + 10,000 + 10,000) up; kept 10,000 + 10,000.
    await waitFor(() => expect(screen.getByTestId('grr-converted')).toHaveTextContent('all in USD: 20%'));
    await exchangeRatesItem.setValue({ base: 'EUR', rates: { CNY: 0.1 } });
    await screen.findByText(/no exchange rate for USD/);
    expect(screen.queryByTestId('grr-converted')).toBeNull();
  });

  it('says plainly that a handful of outcomes cannot judge the likelihood, and splits churn by root cause', async () => {
    const churned = (rootCause: 'poor_service' | 'over_promising' | 'poor_onboarding') => renewalOutcome('churned', '2026-06-01', 100, undefined, { rootCause, symptom: 'price' });
    data = {
      ...data!,
      backtest: backtest([{ predicted: 80, renewed: true }, { predicted: 30, renewed: false }]),
      outcomes: [churned('poor_service'), churned('poor_service'), churned('over_promising'), churned('over_promising'), churned('poor_onboarding')],
    };
    inLocale('en', <Portfolio />);
    await screen.findByText('4 of 4 accounts');
    expect(screen.getByTestId('backtest-verdict')).toHaveTextContent('Only 2 outcomes recorded: too few to judge');
    expect(screen.getByTestId('churn-verdict')).toHaveTextContent('The claim holds for this book: poor service 40% and over-promising 40%');
    expect(screen.getByTestId('churn-split')).toHaveTextContent('Poor onboarding: 1 (20%)');
  });
});
