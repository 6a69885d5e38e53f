import { fireEvent, render, screen } from '@testing-library/react';
import { I18nProvider } from '../../../shared/i18n/I18n';
import { NextSteps } from './NextSteps';
import type { Account } from '../../../data/model/account';
import type { Cta } from '../../../data/model/records';

const writes: { kind: string; record: Record<string, unknown> }[] = [];
vi.mock('../../../platform/panel/data-client', () => ({
  writeRecordVia: vi.fn(async (kind: string, record: Record<string, unknown>) => void writes.push({ kind, record })),
}));
beforeEach(() => void (writes.length = 0));

const NOW = new Date(2026, 10, 23, 10);
const account = { id: 'a1', name: 'Acme', crm: 'salesforce', recordId: '001', contractEnd: '2027-06-30' } as unknown as Account;
const report: Cta = {
  id: 'c1', accountId: 'a1', createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z',
  source: 'service', cause: 'service:report:a1:2026-10', title: 'Send the October report', dueDate: '2026-11-07', status: 'open',
};

describe('a CTA that needs another team', () => {
  it('can be flagged on any CTA, and unflagged', async () => {
    const { rerender } = render(<I18nProvider locale="en"><NextSteps account={account} ctas={[report]} now={NOW} /></I18nProvider>);
    fireEvent.click(screen.getByRole('button', { name: 'Mark “Send the October report” as needing another team' }));
    await vi.waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]!.record).toMatchObject({ id: 'c1', needsOtherTeam: true, source: 'service' });
    rerender(<I18nProvider locale="en"><NextSteps account={account} ctas={[{ ...report, needsOtherTeam: true }]} now={NOW} /></I18nProvider>);
    expect(screen.getByText(/needs another team/i)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Mark “Send the October report” as work for our own team' }));
    await vi.waitFor(() => expect(writes).toHaveLength(2));
    expect(writes[1]!.record).toMatchObject({ needsOtherTeam: false });
  });
});
