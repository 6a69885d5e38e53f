import { fireEvent, render, screen, within } from '@testing-library/react';
import { I18nProvider } from '../../../shared/i18n/I18n';
import type { Locale } from '../../../shared/i18n';
import { AccountConflicts, CONFLICT_KINDS } from './AccountConflicts';

// What the background is asked to settle (platform/background/record-commands.ts settles the stored copy).
const writes: { kind: string; id: string; field: string; version?: number; choice: string }[] = [];
const rows: Record<string, unknown[]> = {};
vi.mock('../../panel/data-client', () => ({
  useRecords: (kind: string, accountId: string) => (accountId === 'a1' ? (rows[kind] ?? []) : []),
  settleConflictVia: vi.fn(async (kind: string, id: string, c: { field: string; version?: number }, choice: string) => void writes.push({ kind, id, field: c.field, version: c.version, choice })),
}));
beforeEach(() => {
  writes.length = 0;
  for (const k of Object.keys(rows)) delete rows[k];
});

const at = '2026-11-23T08:59:00.000Z';
const base = { accountId: 'a1', createdAt: '2026-10-01T00:00:00.000Z', updatedAt: '2026-11-23T09:00:00.000Z', version: 4 };
const visit = {
  ...base, id: 'v1', date: '2026-11-12', durationMin: 60, attendees: ['Wang Lei'], bossMet: true, checklistDone: [], followUps: [], notes: 'Rollout in two plants',
  conflicts: [{ field: 'notes', value: 'Rollout in three plants', by: 'Dana', keptBy: 'Lee', at, version: 4 }],
};
const cta = {
  ...base, id: 'c1', source: 'manual', cause: 'manual:c1', title: 'Call the boss', owner: 'Lee', dueDate: '2026-11-30', status: 'open',
  conflicts: [{ field: 'dueDate', value: '2026-12-05', by: 'Dana', keptBy: 'Lee', at, version: 4 }],
};
const show = (locale: Locale = 'en') => render(<I18nProvider locale={locale}><AccountConflicts accountId="a1" /></I18nProvider>);

describe('the account’s conflicts, whichever tab the record belongs to', () => {
  it('names each conflicted record and field, and one click puts the other value back', async () => {
    rows.visits = [visit, { ...visit, id: 'v2', conflicts: [] }];
    rows.ctas = [cta];
    show();
    const section = screen.getByRole('region', { name: 'Changes to settle' });
    expect(within(section).getAllByRole('heading').map((h) => h.textContent)).toEqual(['Visit of Nov 12, 2026', 'Next step: Call the boss']);
    expect(within(section).getByText('The note was changed by two people, each without seeing the other\'s change.')).toBeInTheDocument();
    expect(within(section).getByText(/Also written: “Rollout in three plants” \(Dana,/)).toBeInTheDocument();
    const step = within(section).getByTestId('conflicts-ctas');
    fireEvent.click(within(step).getByRole('button', { name: 'Use the other value' }));
    await vi.waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toEqual({ kind: 'ctas', id: 'c1', field: 'dueDate', version: 4, choice: 'theirs' });
  });

  it('says it in Chinese', () => {
    rows.outcomes = [{ ...base, id: 'o1', kind: 'renewed', date: '2026-10-03', conflicts: [{ field: 'kind', value: 'at_risk', by: 'Dana', at, version: 4 }] }];
    show('zh-CN');
    expect(screen.getByRole('region', { name: '待确认的修改' })).toBeInTheDocument();
    expect(screen.getByRole('heading').textContent).toMatch(/^2026年10月3日 的续约结果$/);
  });

  it('is empty (and hidden by CSS) when nothing conflicts, for every kind it watches', () => {
    for (const k of CONFLICT_KINDS) rows[k] = [{ ...base, id: `${k}-1` }];
    show();
    expect(screen.getByTestId('account-conflicts')).toBeEmptyDOMElement();
  });
});
