import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { Account } from '../../../data/model/account';
import type { Locale } from '../../../shared/i18n';
import { I18nProvider } from '../../../shared/i18n/I18n';
import { DEFAULT_SERVICE_SETTINGS } from '../../../features/service/settings';
import type { DealState } from '../../panel/deal-client';
import { usePanelStore } from '../../panel/store';
import DealPage from './DealPage';

const T = '2026-01-01T00:00:00.000Z';
const acme: Account = { id: 'a1', crm: 'salesforce', recordId: '001D000000IqhSLIAZ', orgKey: 'acme', name: 'Acme', contractEnd: '2027-12-31', createdAt: T, updatedAt: T };
const mocks = vi.hoisted(() => ({
  deal: { status: 'loading' } as unknown,
  stored: undefined as unknown,
  handovers: [] as unknown[],
  involvement: undefined as unknown,
  asked: [] as unknown[],
  dealTabs: [] as unknown[],
}));
vi.mock('../../panel/deal-client', async (actual) => ({
  ServerRefusal: (await actual<typeof import('../../panel/deal-client')>()).ServerRefusal,
  useDeal: (tabId: number | null) => (mocks.dealTabs.push(tabId), mocks.deal),
  markSignedVia: vi.fn(async () => ({ draftStarted: '2026-12-02T09:00:00.000Z', draftRemoved: false })),
}));
vi.mock('../../panel/data-client', () => ({
  useAccount: (ref: unknown) => (mocks.asked.push(ref), { account: ref ? mocks.stored : null }),
  useRecords: (kind: string, accountId: string | undefined) => (accountId ? (kind === 'handovers' ? mocks.handovers : []) : undefined),
  useStatus: () => ({ value: undefined }),
  putRecordVia: vi.fn(),
}));
vi.mock('../../../features/use-engine-settings', () => ({
  useEngineSettings: () => ({ service: { ...DEFAULT_SERVICE_SETTINGS, ...(mocks.involvement ? { involvement: mocks.involvement } : {}) } }),
}));
vi.mock('../../../shared/ui/useToday', () => ({ useToday: () => new Date(2026, 11, 2, 9) }));

const pageRef = { crm: 'salesforce' as const, recordId: '006D000000AbCdEIAZ', name: 'Acme expansion', kind: 'deal' as const };
const linked = { crm: 'salesforce' as const, recordId: '001D000000IqhSLIAZ', orgKey: 'acme', name: 'Acme' };
const read = (amount = 48000, currency: string | null = 'USD'): DealState => ({
  status: 'read', deal: { crm: 'salesforce', recordId: pageRef.recordId, name: 'Acme expansion', account: { recordId: linked.recordId, name: 'Acme' },
    amount: { amount, ...(currency ? { currency } : {}), text: `${currency ?? ''}${amount}` } }, account: linked,
});
const show = (locale: Locale = 'en') => render(<I18nProvider locale={locale}><DealPage pageRef={pageRef} /></I18nProvider>);

beforeEach(() => {
  Object.assign(mocks, { deal: { status: 'loading' }, stored: undefined, handovers: [], involvement: undefined, asked: [], dealTabs: [] });
  usePanelStore.setState({ tabId: 7 });
});

describe('the deal page of the panel', () => {
  it('reads the deal of its own tab, looks up the linked account and advises by the default thresholds', () => {
    mocks.deal = read();
    mocks.stored = acme;
    show();
    expect(mocks.dealTabs).toContain(7);
    expect(mocks.asked).toContainEqual(linked);
    expect(screen.getByTestId('deal-account')).toHaveTextContent('Acme · In your data');
    expect(screen.getByTestId('involvement')).toHaveTextContent('At about 70% of the sales process.');
    expect(screen.getByText('Value $48,000 is at or over $15,000.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mark signed' })).toBeInTheDocument();
  });

  it('takes the team’s thresholds and the handover’s cycle and implementation time', () => {
    mocks.deal = read();
    mocks.stored = acme;
    mocks.involvement = { maxValue: 50_000, maxCycleDays: 45, maxImplementationWeeks: 3 };
    mocks.handovers = [{ id: 'handover:a1', accountId: 'a1', status: 'draft', salesCycleDays: 20, implementationWeeks: 2, createdAt: T, updatedAt: T }];
    show('zh-CN');
    expect(screen.getByTestId('involvement')).toHaveTextContent('成交之后介入：金额小、周期短的交易。');
    expect(screen.getByText('销售周期 20 天，低于 45 天。')).toBeInTheDocument();
  });

  it('an account not in the data: the message and the advice, no Mark signed', () => {
    mocks.deal = read(9000);
    mocks.stored = null;
    show();
    expect(screen.getByTestId('deal-not-in-data')).toHaveTextContent('Acme is not in your data yet');
    expect(screen.getByTestId('involvement')).toHaveTextContent('Not decided yet');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('a page that could not be read says so, in both languages', () => {
    mocks.deal = { status: 'unreadable' };
    show();
    expect(screen.getByTestId('deal-unreadable')).toHaveTextContent('could not be read');
    mocks.deal = { status: 'unreadable' };
    render(<I18nProvider locale="zh-CN"><DealPage pageRef={pageRef} /></I18nProvider>);
    expect(screen.getByText('无法读取此商机页面。请刷新页面后重新打开面板。')).toBeInTheDocument();
  });

  it('after Mark signed started the draft, "open it" shows the account’s handover here and turns the panel to its Handover tab', async () => {
    mocks.deal = read();
    mocks.stored = acme;
    usePanelStore.setState({ view: 'overview' });
    const { rerender } = show();
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Mark signed' })));
    expect(screen.queryByTestId('deal-handover')).toBeNull();
    // The draft the background wrote, read back.
    mocks.handovers = [{ id: 'handover:a1', accountId: 'a1', status: 'draft', bought: { value: 48000 }, createdAt: T, updatedAt: T,
      deal: { name: 'Acme expansion', amount: 48000, currency: 'USD', signedAt: '2026-12-02', salesperson: 'Sam' } }];
    rerender(<I18nProvider locale="en"><DealPage pageRef={pageRef} /></I18nProvider>);
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'open it' })));
    expect(usePanelStore.getState().view).toBe('handover');
    const panel = screen.getByTestId('deal-handover');
    expect(within(panel).getByText('draft')).toHaveClass('badge');
    expect(screen.getByTestId('handover-deal')).toHaveTextContent('Started when the deal was marked signed: Acme expansion · $48,000 · signed on Dec 2, 2026 · salesperson Sam');
    expect(screen.getByLabelText('Contract value')).toHaveValue('48000');
  });

  it('weighs the amount against the threshold in its own currency, shown in that currency', () => {
    mocks.deal = read(1_500_000, 'JPY');
    mocks.stored = acme;
    mocks.handovers = [{ id: 'handover:a1', accountId: 'a1', status: 'draft', salesCycleDays: 20, implementationWeeks: 2, createdAt: T, updatedAt: T }];
    show();
    expect(screen.getByTestId('involvement')).toHaveTextContent('After the deal closes');
    expect(screen.getByText('Value ¥1,500,000 is under ¥2,000,000.')).toBeInTheDocument();
  });

  it('a currency with no threshold says so plainly instead of comparing, in both languages', () => {
    mocks.deal = read(9_000, 'CHF');
    mocks.stored = acme;
    mocks.handovers = [{ id: 'handover:a1', accountId: 'a1', status: 'draft', salesCycleDays: 20, implementationWeeks: 2, createdAt: T, updatedAt: T }];
    const { unmount } = show();
    expect(screen.getByTestId('involvement')).toHaveTextContent('Not decided yet');
    expect(screen.getByText(/^Value CHF\s9,000: no threshold is set for CHF, so it is not compared with one in another currency\./)).toBeInTheDocument();
    unmount();
    show('zh-CN');
    expect(screen.getByText(/尚未设置 CHF 的门槛，因此不与其他币种的门槛比较/)).toBeInTheDocument();
  });

  it('an amount whose currency the page did not show: compared with the USD threshold, with a note', () => {
    mocks.deal = read(9_000, null);
    mocks.stored = acme;
    show();
    expect(screen.getByText('Value 9,000 is under $15,000. No currency shown: compared with the USD threshold.')).toBeInTheDocument();
  });
});
