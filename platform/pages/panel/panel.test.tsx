import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AccountCard } from './AccountCard';
import { AddAccountForm } from './AddAccountForm';
import { I18nProvider } from '../../../shared/i18n/I18n';
import type { Locale } from '../../../shared/i18n';
import type { Account } from '../../../data/model/account';

const account: Account = {
  id: 'a', crm: 'salesforce', recordId: '001D000000IqhSLIAZ', name: '上海云帆科技', owner: '李娜', contractEnd: '2026-11-28',
  health: { score: 35, asOf: '2026-11-20' }, createdAt: '', updatedAt: '',
};
const inLocale = (locale: Locale, ui: React.ReactNode) => render(<I18nProvider locale={locale}>{ui}</I18nProvider>);

describe('AccountCard', () => {
  it('shows the account, its health band and days to renewal', () => {
    inLocale('en', <AccountCard account={account} now={new Date(2026, 10, 23, 9)} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('上海云帆科技');
    expect(screen.getByTestId('health-band')).toHaveTextContent('red');
    expect(screen.getByTestId('health-score')).toHaveTextContent('35');
    expect(screen.getByTestId('renewal-days')).toHaveTextContent('renews in 5 days');
    expect(screen.getByText('Not set')).toBeInTheDocument(); // no CSM yet
  });
  it('puts health, renewal, ARR and segment on one row of chips, with the health chip named for screen readers', () => {
    inLocale('en', <AccountCard account={{ ...account, arr: 48000, currency: 'USD', segment: 'mid_market' }} now={new Date(2026, 10, 23, 9)} showHealth={false} />);
    const chips = screen.getByRole('list', { name: 'At a glance' });
    expect(Array.from(chips.children).map((c) => c.textContent)).toEqual(['red 35', 'renews in 5 days', 'ARR $48,000', 'Mid-market']);
    expect(screen.getByRole('listitem', { name: 'Health red, score 35 of 100' })).toBeInTheDocument();
    // The health card below says the reading's date, so the header does not.
    expect(screen.queryByText(/as of/)).toBeNull();
  });
  it('leaves out the chips it has nothing for, and says when there is no health yet', () => {
    inLocale('zh-CN', <AccountCard account={{ ...account, health: undefined }} now={new Date(2026, 10, 23, 9)} />);
    const chips = screen.getByRole('list', { name: '概览' });
    expect(Array.from(chips.children).map((c) => c.textContent)).toEqual(['5 天后续约']);
    expect(screen.getByText('暂无健康度数据')).toBeInTheDocument();
  });
  it('says loudly when the contract has ended, in Chinese too', () => {
    inLocale('zh-CN', <AccountCard account={account} now={new Date(2026, 11, 1, 9)} />);
    expect(screen.getByTestId('renewal-days')).toHaveTextContent('已到期 · 合同已到期 3 天');
    expect(screen.getByTestId('health-band')).toHaveTextContent('红色');
  });
  it('renders a hostile name as text', () => {
    const { container } = inLocale('en', <AccountCard account={{ ...account, name: '<img src=x onerror=alert(1)>' }} now={new Date(2026, 10, 23)} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('<img src=x onerror=alert(1)>');
  });
});

describe('AddAccountForm', () => {
  const ref = { crm: 'salesforce' as const, recordId: 'x', name: 'Contoso' };
  it.each([
    ['en', 'Add account', 'Enter the contract end date (YYYY-MM-DD).', 'Enter the account name.'],
    ['zh-CN', '添加客户', '请输入合同到期日（YYYY-MM-DD）。', '请输入客户名称。'],
  ] as const)('validates in %s before saving', async (locale, add, dateMsg, nameMsg) => {
    const onAdd = vi.fn(() => Promise.resolve());
    inLocale(locale, <AddAccountForm pageRef={ref} onAdd={onAdd} />);
    fireEvent.click(screen.getByRole('button', { name: add }));
    expect(await screen.findByText(dateMsg)).toBeInTheDocument();
    fireEvent.change(screen.getAllByRole('textbox')[0]!, { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: add }));
    expect(await screen.findByText(nameMsg)).toBeInTheDocument();
    expect(onAdd).not.toHaveBeenCalled();
  });
  it('prefills the page name, saves, and shows a failure without losing the input', async () => {
    const onAdd = vi.fn().mockRejectedValueOnce(new Error('quota exceeded')).mockResolvedValueOnce(undefined);
    inLocale('en', <AddAccountForm pageRef={ref} onAdd={onAdd} />);
    expect(screen.getByLabelText('Account name')).toHaveValue('Contoso');
    fireEvent.change(screen.getByLabelText('Contract end date'), { target: { value: '2027-03-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add account' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not save: quota exceeded');
    expect(screen.getByLabelText('Contract end date')).toHaveValue('2027-03-31');
    fireEvent.click(screen.getByRole('button', { name: 'Add account' }));
    await waitFor(() => expect(onAdd).toHaveBeenCalledTimes(2));
    expect(onAdd).toHaveBeenLastCalledWith({ name: 'Contoso', contractEnd: '2027-03-31' });
  });
});

describe('AddAccountForm with what the page shows', () => {
  it('prefills an unambiguous contract end and lists the fields the page shows', () => {
    const ref = { crm: 'fxiaoke' as const, recordId: 'x', name: '杭州', fields: { owner: '周芳', contractEnd: '2026年12月31日' } };
    inLocale('zh-CN', <AddAccountForm pageRef={ref} onAdd={() => Promise.resolve()} />);
    expect(screen.getByLabelText('合同到期日')).toHaveValue('2026-12-31');
    expect(screen.getByLabelText('此页面显示')).toHaveTextContent('周芳');
  });
  it('leaves an ambiguous date for the user', () => {
    inLocale('en', <AddAccountForm pageRef={{ crm: 'salesforce', recordId: 'x', fields: { contractEnd: '3/4/2026' } }} onAdd={() => Promise.resolve()} />);
    expect(screen.getByLabelText('Contract end date')).toHaveValue('');
  });
});
