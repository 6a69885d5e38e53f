import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nProvider } from '../../../shared/i18n/I18n';
import type { Locale } from '../../../shared/i18n';
import type { Account } from '../../../data/model/account';
import type { Handover } from '../../../data/model/records';
import { HandoverChecklist } from './HandoverChecklist';

vi.mock('../../../platform/panel/data-client', () => ({ putRecordVia: vi.fn(async () => undefined) }));
afterEach(cleanup);

const stamp = '2026-11-01T00:00:00.000Z';
const account: Account = { id: 'a1', crm: 'salesforce', recordId: '001D000000IqhSLIAZ', name: 'Acme', contractEnd: '2027-06-30', createdAt: stamp, updatedAt: stamp };
const draft = (over: Partial<Handover> = {}): Handover => ({
  id: 'handover:a1', accountId: 'a1', status: 'draft', createdAt: stamp, updatedAt: stamp, salesCycleDays: 20, implementationWeeks: 2, ...over,
});
const show = (handover: Handover, acc: Account = account, locale: Locale = 'en') =>
  render(<I18nProvider locale={locale}><HandoverChecklist account={acc} handover={handover} /></I18nProvider>);

describe('the Handover tab’s advice on when CS joins, by currency', () => {
  it('a draft Mark signed started: the deal, and its value against the threshold in the deal’s currency', () => {
    show(draft({ bought: { value: 14_000 }, deal: { name: 'Acme expansion', amount: 14_000, currency: 'EUR', signedAt: '2026-12-02' } }));
    expect(screen.getByTestId('handover-deal')).toHaveTextContent('Started when the deal was marked signed: Acme expansion · €14,000 · signed on Dec 2, 2026');
    expect(screen.getByTestId('involvement')).toHaveTextContent('After the deal closes');
    expect(screen.getByText('Value €14,000 is under €15,000.')).toBeInTheDocument();
  });

  it('a value typed by hand is in the account’s currency; one with no threshold is not compared', () => {
    show(draft({ bought: { value: 1_500_000 } }), { ...account, currency: 'JPY' });
    expect(screen.getByText('Value ¥1,500,000 is under ¥2,000,000.')).toBeInTheDocument();
    cleanup();
    show(draft({ bought: { value: 9_000 } }), { ...account, currency: 'CHF' }, 'zh-CN');
    expect(screen.getByTestId('involvement')).toHaveTextContent('暂无法判断');
    expect(screen.getByText(/尚未设置 CHF 的门槛/)).toBeInTheDocument();
  });

  it('no currency anywhere: the USD threshold, with a note; the advice follows the value as it is typed', () => {
    show(draft({ bought: { value: 9_000 } }));
    expect(screen.getByText('Value 9,000 is under $15,000. No currency shown: compared with the USD threshold.')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Contract value'), { target: { value: '20,000' } });
    expect(screen.getByTestId('involvement')).toHaveTextContent('At about 70% of the sales process.');
  });
});
