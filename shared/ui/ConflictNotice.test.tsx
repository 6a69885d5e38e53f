import { fireEvent, render, screen, within } from '@testing-library/react';
import { I18nProvider } from '../i18n/I18n';
import { PromiseLedger } from '../../features/expectations/ui/PromiseLedger';
import type { Locale } from '../i18n';
import type { PromiseRecord } from '../../data/model/records';

// What the background is asked to settle (platform/background/record-commands.ts settles the stored copy).
const writes: { kind: string; id: string; field: string; version?: number; choice: string }[] = [];
vi.mock('../../platform/panel/data-client', () => ({
  settleConflictVia: vi.fn(async (kind: string, id: string, c: { field: string; version?: number }, choice: string) => void writes.push({ kind, id, field: c.field, version: c.version, choice })),
}));
beforeEach(() => void (writes.length = 0));

const NOW = new Date(2026, 10, 23, 10);
const clashed: PromiseRecord = {
  id: 'p1', accountId: 'a1', createdAt: '2026-10-01T00:00:00.000Z', updatedAt: '2026-11-23T09:00:00.000Z',
  text: "Lee's wording", deliverable: 'yes', status: 'open', version: 3,
  conflicts: [{ field: 'text', value: "Dana's wording", by: 'Dana', keptBy: 'Lee', at: '2026-11-23T08:59:00.000Z', version: 3 }],
};
const show = (locale: Locale, p: PromiseRecord) => render(<I18nProvider locale={locale}><PromiseLedger accountId="a1" promises={[p]} now={NOW} /></I18nProvider>);

describe('the conflict beside a promise', () => {
  it.each([
    ['en', 'Changed in two places at once', /Kept: “Lee's wording” \(Lee\)/, /Also written: “Dana's wording” \(Dana,/, 'Use the other value', 'Keep this one'],
    ['zh-CN', '两处同时修改', /当前保留：“Lee's wording”（Lee）/, /另一版本：“Dana's wording”（Dana，/, '改用另一版本', '保留当前版本'],
  ] as const)('shows both values and who wrote them in %s; one click puts the other back', async (locale, title, kept, other, useOther, keep) => {
    show(locale, clashed);
    const box = screen.getByRole('group', { name: title });
    expect(within(box).getByText(kept)).toBeInTheDocument();
    expect(within(box).getByText(other)).toBeInTheDocument();
    fireEvent.click(within(box).getByRole('button', { name: useOther }));
    await vi.waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toEqual({ kind: 'promises', id: 'p1', field: 'text', version: 3, choice: 'theirs' });
    fireEvent.click(within(box).getByRole('button', { name: keep }));
    await vi.waitFor(() => expect(writes).toHaveLength(2));
    expect(writes[1]).toEqual({ kind: 'promises', id: 'p1', field: 'text', version: 3, choice: 'mine' });
  });

  it('shows nothing for a record without conflicts', () => {
    const { conflicts: _c, ...plain } = clashed;
    show('en', plain);
    expect(screen.queryByTestId('conflict')).toBeNull();
  });
});
