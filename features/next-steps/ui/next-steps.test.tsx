import { act, fireEvent, render, screen } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { I18nProvider } from '../../../shared/i18n/I18n';
import { playsItem } from '../../plays-item';
import { NextSteps } from './NextSteps';
import type { Account } from '../../../data/model/account';
import type { Cta } from '../../../data/model/records';

const writes: { kind: string; record: Record<string, unknown> }[] = [];
vi.mock('../../../platform/panel/data-client', () => ({
  // The copy the person saw and the fields they changed: the background puts them on the stored record.
  updateRecordVia: vi.fn(async (kind: string, seen: { id: string; version?: number }, patch: Record<string, unknown>) => void writes.push({ kind, record: { id: seen.id, ...patch } })),
  createRecordVia: vi.fn(async (kind: string, fields: Record<string, unknown>) => void writes.push({ kind, record: fields })),
}));
beforeEach(() => {
  writes.length = 0;
  fakeBrowser.reset();
});

const NOW = new Date(2026, 10, 23, 10);
const account = { id: 'a1', name: 'Acme', crm: 'salesforce', recordId: '001', contractEnd: '2027-06-30' } as unknown as Account;
const report: Cta = {
  id: 'c1', accountId: 'a1', createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z',
  source: 'service', cause: 'service:report:a1:2026-10', title: 'Send the October report', dueDate: '2026-11-07', status: 'open',
};

describe('a CTA that needs another team', () => {
  it('can be flagged on any CTA, and unflagged', async () => {
    const { rerender } = render(<I18nProvider locale="en"><NextSteps account={account} ctas={[report]} now={NOW} /></I18nProvider>);
    fireEvent.click(screen.getByRole('button', { name: 'needs another team: “Send the October report”' }));
    await vi.waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toEqual({ kind: 'ctas', record: { id: 'c1', needsOtherTeam: true } });
    rerender(<I18nProvider locale="en"><NextSteps account={account} ctas={[{ ...report, needsOtherTeam: true }]} now={NOW} /></I18nProvider>);
    expect(screen.getByText(/needs another team/i)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Our team can do it: “Send the October report”' }));
    await vi.waitFor(() => expect(writes).toHaveLength(2));
    expect(writes[1]).toEqual({ kind: 'ctas', record: { id: 'c1', needsOtherTeam: false } });
  });
});

describe('a CTA’s play', () => {
  it('folds its kind’s default steps under it, and the team’s own once rewritten; a manual step has none', async () => {
    const manual: Cta = { ...report, id: 'c2', source: 'manual', cause: 'manual:c2', title: 'Call Dana' };
    render(<I18nProvider locale="en"><NextSteps account={account} ctas={[report, manual]} now={NOW} /></I18nProvider>);
    expect(screen.getAllByTestId('play')).toHaveLength(1);
    const summary = screen.getByLabelText('Show the play for “Send the October report”');
    fireEvent.click(summary);
    expect(screen.getByText('Send it to the boss and mark it sent')).toBeInTheDocument();
    await act(() => playsItem.setValue({ service_report_missing: ['Write it with the customer’s champion', 'Send it on the first Monday'] }));
    expect(await screen.findByText('Send it on the first Monday')).toBeInTheDocument();
    expect(screen.queryByText('Send it to the boss and mark it sent')).toBeNull();
  });
});
