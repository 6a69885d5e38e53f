import { fireEvent, render, screen } from '@testing-library/react';
import { I18nProvider } from '../../../shared/i18n/I18n';
import type { Account } from '../../../data/model/account';
import { currentTerm } from '../../../data/model/terms';
import { OutcomeForm } from './OutcomeForm';

const sent: Record<string, unknown>[] = [];
vi.mock('../../../platform/panel/data-client', () => ({
  recordTermOutcomeVia: vi.fn(async (input: Record<string, unknown>) => void sent.push(input)),
}));
beforeEach(() => void (sent.length = 0));

const stamp = '2026-11-01T00:00:00.000Z';
const account: Account = {
  id: 'a1', crm: 'salesforce', recordId: '001D000000IqhSLIAZ', name: 'Acme', arr: 1200, currency: 'CNY',
  contractStart: '2026-01-01', contractEnd: '2026-12-31', createdAt: stamp, updatedAt: stamp,
};
const NOW = new Date(2026, 11, 20, 10);

describe('OutcomeForm', () => {
  it('prefills the next term from the current one and sends it with the renewal', async () => {
    render(<I18nProvider locale="en"><OutcomeForm account={account} term={currentTerm(account, [])} now={NOW} /></I18nProvider>);
    expect(screen.getByLabelText('Next term starts')).toHaveValue('2027-01-01');
    expect(screen.getByLabelText('Next term ends')).toHaveValue('2027-12-31');
    expect(screen.getByLabelText('New annual value')).toHaveValue('1200');
    fireEvent.change(screen.getByLabelText('New annual value'), { target: { value: '1500' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save outcome' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Renewal recorded: the next term runs to Dec 31, 2027.');
    expect(sent).toEqual([{ accountId: 'a1', kind: 'renewed', date: '2026-12-20', next: { start: '2027-01-01', end: '2027-12-31', value: 1500, currency: 'CNY' } }]);
  });

  it('refuses a next term that starts before the current one ends, in zh-CN too, and sends nothing', async () => {
    render(<I18nProvider locale="zh-CN"><OutcomeForm account={account} term={currentTerm(account, [])} now={NOW} /></I18nProvider>);
    fireEvent.change(screen.getByLabelText('下一期开始日'), { target: { value: '2026-12-01' } });
    fireEvent.click(screen.getByRole('button', { name: /保存/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('下一期须在');
    expect(screen.getByLabelText('下一期开始日')).toHaveValue('2026-12-01');
    expect(sent).toEqual([]);
  });
});
