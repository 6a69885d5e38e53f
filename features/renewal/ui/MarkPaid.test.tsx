import { cleanup, render, screen } from '@testing-library/react';
import { useUndoClock } from '../../../tests/support/undo-clock';
import { I18nProvider } from '../../../shared/i18n/I18n';
import type { Locale } from '../../../shared/i18n';
import { MarkPaid, PAID_UNDO_MS } from './MarkPaid';

const sent: { accountId: string; paidAt: string | null }[] = [];
let refuse: Error | null = null;
vi.mock('../../../platform/panel/data-client', () => ({
  markPaidVia: vi.fn(async (input: { accountId: string; paidAt: string | null }) => {
    if (refuse) throw refuse;
    sent.push(input);
  }),
}));
const { click, advance } = useUndoClock(() => {
  sent.length = 0;
  refuse = null;
});

const show = (paidAt?: string, locale: Locale = 'en') =>
  render(<I18nProvider locale={locale}><MarkPaid accountId="a1" paidAt={paidAt} today="2026-12-02" /></I18nProvider>);

describe('MarkPaid', () => {
  it('marks the term paid today, shows the day with an Undo for 10 seconds, then the day alone', async () => {
    show();
    expect(screen.queryByTestId('paid-on')).toBeNull();
    await click('Mark paid');
    expect(sent).toEqual([{ accountId: 'a1', paidAt: '2026-12-02' }]);
    expect(screen.getByTestId('paid-on')).toHaveTextContent('Paid on Dec 2, 2026');
    expect(screen.queryByRole('button', { name: 'Mark paid' })).toBeNull();
    advance(PAID_UNDO_MS - 1);
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
    advance(1);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(screen.getByTestId('paid-on')).toHaveTextContent('Paid on Dec 2, 2026');
    expect(sent).toHaveLength(1);
  });

  it('undone within the 10 seconds: the mark is cleared and Mark paid is back', async () => {
    show();
    await click('Mark paid');
    advance(5_000);
    await click('Undo');
    expect(sent).toEqual([{ accountId: 'a1', paidAt: '2026-12-02' }, { accountId: 'a1', paidAt: null }]);
    expect(screen.queryByTestId('paid-on')).toBeNull();
    expect(screen.getByRole('button', { name: 'Mark paid' })).toBeInTheDocument();
  });

  it('shows a term paid earlier by its day, without an Undo, in both languages', () => {
    show('2026-11-20');
    expect(screen.getByTestId('paid-on')).toHaveTextContent('Paid on Nov 20, 2026');
    expect(screen.queryByRole('button')).toBeNull();
    cleanup();
    show('2026-11-20', 'zh-CN');
    expect(screen.getByTestId('paid-on')).toHaveTextContent('2026年11月20日 已付款');
    cleanup();
    show(undefined, 'zh-CN');
    expect(screen.getByRole('button', { name: '标记为已付款' })).toBeInTheDocument();
  });

  it('says why when the mark could not be saved, and stays unpaid', async () => {
    refuse = new Error('disk full');
    show();
    await click('Mark paid');
    expect(screen.getByRole('alert')).toHaveTextContent('disk full');
    expect(screen.queryByTestId('paid-on')).toBeNull();
  });
});
