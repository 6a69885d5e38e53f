import { fireEvent, render, screen, within } from '@testing-library/react';
import { I18nProvider } from '../../../shared/i18n/I18n';
import type { Locale } from '../../../shared/i18n';
import type { PromiseRecord } from '../../../data/model/records';
import { PromiseLedger } from './PromiseLedger';

const updates: { record: PromiseRecord; patch: Partial<PromiseRecord> }[] = [];
const creates: Record<string, unknown>[] = [];
vi.mock('../../../platform/panel/data-client', () => ({
  updateRecordVia: vi.fn(async (_kind: string, record: PromiseRecord, patch: Partial<PromiseRecord>) => void updates.push({ record, patch })),
  createRecordVia: vi.fn(async (_kind: string, fields: Record<string, unknown>) => (creates.push(fields), 'new-id')),
}));
beforeEach(() => {
  updates.length = 0;
  creates.length = 0;
});

const NOW = new Date(2026, 10, 23, 10); // 2026-11-23
const stamp = '2026-11-01T00:00:00.000Z';
const promise = (id: string, over: Partial<PromiseRecord> = {}): PromiseRecord => ({
  id, accountId: 'a1', createdAt: stamp, updatedAt: stamp, text: id, deliverable: 'yes', status: 'open', ...over,
});
const inLocale = (locale: Locale, ui: React.ReactNode) => render(<I18nProvider locale={locale}>{ui}</I18nProvider>);
const texts = () => screen.getAllByRole('listitem').map((li) => li.querySelector('.promise-text')?.textContent);

describe('PromiseLedger: promises not yet assessed', () => {
  const list = [promise('Report', { dueDate: '2026-12-01' }), promise('SSO', { deliverable: 'unassessed', dueDate: '2027-02-01' }), promise('Export', { deliverable: 'unassessed' })];

  it('lists unassessed promises first, with their state, the hint and a judge control', () => {
    inLocale('en', <PromiseLedger accountId="a1" promises={list} now={NOW} />);
    expect(texts()).toEqual(['SSO', 'Export', 'Report']);
    expect(screen.getByTestId('assess-hint')).toHaveTextContent('The CSM judges each promise made in the sale.');
    const sso = screen.getByRole('group', { name: 'Judge: SSO' });
    expect(within(sso).getByText('Not yet assessed')).toBeInTheDocument();
    expect(within(sso).getAllByRole('button').map((b) => b.textContent)).toEqual(['Deliverable', 'Partly', 'Not deliverable']);
    // A judged promise keeps its select and has no judge control.
    expect(screen.queryByRole('group', { name: 'Judge: Report' })).toBeNull();
    expect(screen.getByLabelText('Deliverable: Report')).toHaveValue('yes');
    expect(screen.queryByLabelText('Deliverable: SSO')).toBeNull();
  });

  it('judges a promise in one click', () => {
    inLocale('en', <PromiseLedger accountId="a1" promises={list} now={NOW} />);
    fireEvent.click(screen.getByRole('button', { name: 'Judge partly deliverable: SSO' }));
    expect(updates).toEqual([{ record: list[1], patch: { deliverable: 'partly' } }]);
    fireEvent.click(screen.getByRole('button', { name: 'Judge not deliverable: Export' }));
    expect(updates[1]).toEqual({ record: list[2], patch: { deliverable: 'no' } });
  });

  it('flags unassessed promises as a risk only once the account was signed more than 14 days ago', () => {
    const { unmount } = inLocale('en', <PromiseLedger accountId="a1" promises={list} now={NOW} signedAt="2026-11-09" />);
    expect(screen.queryByTestId('promise-risks')).toBeNull(); // day 14
    unmount();
    inLocale('en', <PromiseLedger accountId="a1" promises={list} now={NOW} signedAt="2026-11-08" />);
    expect(screen.getByTestId('promise-risks')).toHaveTextContent('2 promises at risk');
    expect(screen.getAllByText('Risk: still not assessed more than two weeks after signing. Judge whether it can be delivered.')).toHaveLength(2);
  });

  it('shows no hint when every promise is judged', () => {
    inLocale('en', <PromiseLedger accountId="a1" promises={[promise('Report'), promise('SSO', { deliverable: 'partly' })]} now={NOW} signedAt="2026-01-01" />);
    expect(screen.queryByTestId('assess-hint')).toBeNull();
    expect(screen.queryByText('Not yet assessed')).toBeNull();
    expect(screen.queryByTestId('promise-risks')).toBeNull();
  });

  it('speaks Chinese', () => {
    inLocale('zh-CN', <PromiseLedger accountId="a1" promises={list} now={NOW} signedAt="2026-11-01" />);
    expect(screen.getByTestId('assess-hint')).toHaveTextContent('销售过程中做出的每项承诺，都由客户成功经理逐一评估。');
    const sso = screen.getByRole('group', { name: '评估：SSO' });
    expect(within(sso).getByText('尚未评估')).toBeInTheDocument();
    fireEvent.click(within(sso).getByRole('button', { name: '评估为可兑现：SSO' }));
    expect(updates).toEqual([{ record: list[1], patch: { deliverable: 'yes' } }]);
    expect(screen.getAllByText('风险：签约已超过两周仍未评估，请判断能否兑现。')).toHaveLength(2);
  });

  it('writes a new promise down as not yet assessed unless judged in the form', async () => {
    inLocale('en', <PromiseLedger accountId="a1" promises={[]} now={NOW} />);
    expect(screen.getByLabelText('Deliverable?')).toHaveValue('unassessed');
    fireEvent.change(screen.getByLabelText('What was promised'), { target: { value: 'Custom export' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save promise' }));
    expect(await screen.findByText('Promise saved.')).toBeInTheDocument();
    expect(creates).toEqual([expect.objectContaining({ text: 'Custom export', deliverable: 'unassessed', status: 'open' })]);
  });
});
