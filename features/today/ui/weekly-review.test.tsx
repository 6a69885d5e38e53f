import { fireEvent, render, screen, within } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Account } from '../../../data/model/account';
import type { Cta } from '../../../data/model/records';
import { I18nProvider } from '../../../shared/i18n/I18n';
import { weeklyReview, type WeeklyReview as Review } from '../review';
import { WeeklyReview } from './WeeklyReview';

let review: Review | undefined;
vi.mock('../../../platform/panel/data-client', () => ({ useReview: () => ({ value: review }) }));
const copied: string[] = [];
let copyWorks = true;
vi.mock('../../../shared/ui/copy', () => ({ copyText: vi.fn(async (text: string) => (copied.push(text), copyWorks)) }));

const T = '2026-11-25T12:00:00.000Z';
const acme: Account = { id: 'a1', name: 'Acme', crm: 'salesforce', recordId: '001D000000IqhSLIAZ', orgKey: 'acme', contractEnd: '2027-11-30', csm: 'Cleo', arr: 50_000, currency: 'USD', createdAt: T, updatedAt: T };
const kickOff: Cta = { id: 'cta:onboarding:m1', accountId: 'a1', createdAt: T, updatedAt: T, source: 'onboarding', cause: 'onboarding:m1', title: 'Kick-off overdue', dueDate: '2026-11-30', status: 'open' };

beforeEach(() => {
  fakeBrowser.reset();
  copied.length = 0;
  copyWorks = true;
  review = weeklyReview({ accounts: [acme], ctas: [kickOff] }, new Date(2026, 11, 2, 10));
});

describe('the weekly onboarding review view', () => {
  it('shows each owner with the ARR at risk, links the account to its CRM record and folds the play under the CTA', () => {
    render(<I18nProvider locale="en"><WeeklyReview /></I18nProvider>);
    const group = screen.getByRole('heading', { name: /^Cleo/ });
    expect(group).toHaveTextContent('1 open · 1 flagged · 0 new · ARR at risk: $50,000 (1 account)');
    const link = screen.getByRole('link', { name: 'Open Acme in the CRM' });
    expect(link.getAttribute('href')).toMatch(/^https:\/\/acme\.lightning\.force\.com\/lightning\/r\/Account\/001D000000IqhSLIAZ\/view$/);
    const item = link.closest('li')!;
    expect(item).toHaveTextContent('flagged · 2 d overdue');
    fireEvent.click(within(item).getByLabelText('Show the play for “Kick-off overdue”'));
    expect(within(item).getByText('Ask the milestone’s owner today what blocks it')).toBeVisible();
  });

  it('copies the review as plain text in the user’s language, and shows it to copy by hand when the clipboard refuses', async () => {
    render(<I18nProvider locale="zh-CN"><WeeklyReview /></I18nProvider>);
    fireEvent.click(screen.getByRole('button', { name: '复制回顾文本' }));
    expect(await screen.findByRole('status')).toHaveTextContent('已复制');
    expect(copied[0]).toContain('每周上线风险回顾 · 2026-W49 周');
    expect(copied[0]).toContain('  ! Acme：Kick-off overdue · 逾期 2 天');
    copyWorks = false;
    fireEvent.click(screen.getByRole('button', { name: '复制回顾文本' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('无法复制');
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe(copied[1]);
  });
});
