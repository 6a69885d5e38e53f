import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Account } from '../../../data/model/account';
import type { Cta } from '../../../data/model/records';
import { I18nProvider } from '../../../shared/i18n/I18n';
import { buildWorklist } from '../worklist';
import { TODAY_FIRST_SCREEN, TODAY_PAGE, TodayList } from './TodayList';
import type { TodayData } from '../../../platform/background/today';

let data: TodayData;
// The background sends the first `limit` accounts' work and counts the whole list (platform/background/today.ts).
vi.mock('../../../platform/panel/port', () => ({
  useWorklist: (_person: unknown, limit: number) => ({ value: { ...data, worklist: { ...data.worklist, groups: data.worklist.groups.slice(0, limit) }, accounts: data.worklist.groups.length } }),
  updateRecordVia: vi.fn(async () => undefined),
}));
vi.mock('../../use-plays', () => ({ usePlays: () => ({ custom: {}, unreadable: [] }), CtaPlay: ({ title }: { title: string }) => <details data-testid="play"><summary>{title}</summary></details> }));

const T = '2026-11-25T12:00:00.000Z';
const TODAY = '2026-12-02';
const account = (i: number): Account => ({ id: `a${i}`, name: `Account ${i}`, crm: 'salesforce', recordId: `001D000000IqhS${String(i).padStart(4, '0')}`, contractEnd: '2027-11-30', csm: 'Cleo', createdAt: T, updatedAt: T });
const cta = (i: number): Cta => ({ id: `cta:m${i}`, accountId: `a${i}`, createdAt: T, updatedAt: T, source: 'onboarding', cause: `onboarding:m${i}`, title: `Step ${i}`, dueDate: '2026-11-30', status: 'open' });

beforeEach(() => {
  fakeBrowser.reset();
  const n = TODAY_PAGE + 7;
  const worklist = buildWorklist({ accounts: Array.from({ length: n }, (_, i) => account(i)), ctas: Array.from({ length: n }, (_, i) => cta(i)), promises: [] }, TODAY, { team: true });
  data = { worklist, person: null, me: 'Cleo', people: ['Cleo'], today: TODAY, accounts: worklist.groups.length };
});

describe('the Today list', () => {
  it('paints the first screen of accounts first, the rest of the page after that frame, more on request, counting every item', async () => {
    const { container } = render(<I18nProvider locale="en"><TodayList /></I18nProvider>);
    const groups = () => container.querySelectorAll('li[data-account]').length;
    expect(groups()).toBe(TODAY_FIRST_SCREEN);
    expect(screen.getByTestId('today-counts')).toHaveTextContent(`${TODAY_PAGE + 7} overdue`);
    await waitFor(() => expect(groups()).toBe(TODAY_PAGE));
    fireEvent.click(screen.getByRole('button', { name: `Showing ${TODAY_PAGE} of ${TODAY_PAGE + 7} accounts: show more` }));
    expect(groups()).toBe(TODAY_PAGE + 7);
    expect(screen.queryByTestId('today-more')).toBeNull();
  }, 20_000);

  it('folds the plays under the CTAs once the first screen is drawn', async () => {
    const { container } = render(<I18nProvider locale="en"><TodayList /></I18nProvider>);
    expect(screen.queryAllByTestId('play')).toHaveLength(0);
    await waitFor(() => expect(screen.getAllByTestId('play')).toHaveLength(TODAY_PAGE));
    expect(within(container.querySelector('li[data-account="a0"]') as HTMLElement).getByTestId('play')).toHaveTextContent('Step 0');
  }, 20_000);

  it('closes and snoozes a step by naming the change, on the copy the person saw', async () => {
    const { updateRecordVia } = await import('../../../platform/panel/port');
    const { container } = render(<I18nProvider locale="en"><TodayList /></I18nProvider>);
    const first = within(container.querySelector('li[data-account="a0"]') as HTMLElement);
    fireEvent.click(first.getByRole('button', { name: 'Done: “Step 0”' }));
    expect(updateRecordVia).toHaveBeenLastCalledWith('ctas', expect.objectContaining({ id: 'cta:m0', updatedAt: T }), { status: 'closed' });
    const second = within(container.querySelector('li[data-account="a1"]') as HTMLElement);
    fireEvent.click(second.getByRole('button', { name: 'Snooze a week: “Step 1”' }));
    expect(updateRecordVia).toHaveBeenLastCalledWith('ctas', expect.objectContaining({ id: 'cta:m1' }), { status: 'snoozed', snoozedUntil: '2026-12-09' });
  }, 20_000);
});
