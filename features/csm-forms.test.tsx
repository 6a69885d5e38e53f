import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nProvider } from '../shared/i18n/I18n';
import { LogConversation } from './renewal/ui/LogConversation';
import { HandoverTab } from './handover/ui/HandoverTab';
import { QuickHandover } from './handover/ui/QuickHandover';
import { PromiseLedger } from './expectations/ui/PromiseLedger';
import { VisitForm } from './service/ui/VisitForm';
import { VisitsTable } from './service/ui/VisitsTable';
import type { Locale } from '../shared/i18n';
import type { Account } from '../data/model/account';
import type { Handover, PromiseRecord, ServiceVisit } from '../data/model/records';
import { DEFAULT_SERVICE_SETTINGS } from './service/settings';
import { fakeVisit } from '../tests/support/builders';

const writes: { kind: string; record: Record<string, unknown>; opts?: { unset?: readonly string[]; stamp?: readonly string[] } }[] = [];
let refuseNext: Error | null = null; // the background's answer to the next write, when it fails
vi.mock('../platform/panel/data-client', () => {
  // A whole record, or a new one's fields (the background mints its id and timestamps).
  const write = async (kind: string, record: Record<string, unknown>) => {
    const refused = refuseNext;
    refuseNext = null;
    if (refused) throw refused;
    writes.push({ kind, record });
  };
  // A write at a fixed id: what the background is asked to put there.
  const put = async (kind: string, at: { id: string; accountId: string }, fields: Record<string, unknown>, opts?: { unset?: readonly string[]; stamp?: readonly string[] }) => {
    await write(kind, { id: at.id, accountId: at.accountId, ...fields });
    writes.at(-1)!.opts = opts;
  };
  return { createRecordVia: vi.fn(write), putRecordVia: vi.fn(put) };
});
beforeEach(() => {
  writes.length = 0;
});

const inLocale = (locale: Locale, ui: React.ReactNode) => render(<I18nProvider locale={locale}>{ui}</I18nProvider>);
const NOW = new Date(2026, 10, 23, 10);
const stamp = '2026-11-01T00:00:00.000Z';
const account: Account = {
  id: 'a1', crm: 'salesforce', recordId: '001D000000IqhSLIAZ', name: 'Acme', owner: 'Maya', csm: 'Priya', contractEnd: '2027-06-30',
  createdAt: stamp, updatedAt: stamp,
};

describe('VisitForm', () => {
  it.each([
    ['en', 'Save visit', 'Length (minutes)', 'Enter the length in whole minutes, from 1 to 600.', 'A visit is logged once it has happened: the date cannot be in the future.'],
    ['zh-CN', '保存拜访', '时长（分钟）', '请填写 1 到 600 之间的整数分钟。', '拜访发生后才能记录：日期不能晚于今天。'],
  ] as const)('refuses a bad visit with messages in %s, keeping what was typed', async (locale, save, lengthLabel, lengthMsg, futureMsg) => {
    inLocale(locale, <VisitForm accountId="a1" now={NOW} settings={DEFAULT_SERVICE_SETTINGS} />);
    fireEvent.change(screen.getByLabelText(lengthLabel), { target: { value: '0' } });
    fireEvent.change(screen.getByDisplayValue('2026-11-23'), { target: { value: '2026-11-30' } });
    fireEvent.click(screen.getByRole('button', { name: save }));
    expect(await screen.findByText(lengthMsg)).toBeInTheDocument();
    expect(screen.getByText(futureMsg)).toBeInTheDocument();
    expect(screen.getByLabelText(lengthLabel)).toHaveValue('0');
    expect(screen.getByLabelText(lengthLabel)).toHaveAttribute('aria-invalid', 'true');
    expect(writes).toEqual([]);
  });

  it('saves a visit with checklist ticks and a follow-up, defaulting its due date', async () => {
    inLocale('en', <VisitForm accountId="a1" now={NOW} settings={DEFAULT_SERVICE_SETTINGS} />);
    fireEvent.change(screen.getByLabelText('Attendees'), { target: { value: '王经理，Ops lead; Analyst' } });
    fireEvent.click(screen.getByLabelText('Met the boss'));
    fireEvent.click(screen.getByLabelText('Review the month'));
    fireEvent.change(screen.getByLabelText('Follow-up 1'), { target: { value: 'Send the SSO guide' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save visit' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Visit saved; 1 follow-up(s) added to next steps.');
    expect(writes).toHaveLength(1);
    expect(writes[0]!.kind).toBe('visits');
    expect(writes[0]!.record).toMatchObject({
      accountId: 'a1', date: '2026-11-23', durationMin: 60, attendees: ['王经理', 'Ops lead', 'Analyst'], bossMet: true,
      checklistDone: ['boss.month'], followUps: [{ text: 'Send the SSO guide', dueDate: '2026-11-30' }],
    });
    // The form is fresh for the next visit.
    expect(screen.getByLabelText('Follow-up 1')).toHaveValue('');
  });

  it('the quick form in the popup leaves out the checklist but asks who attended', () => {
    inLocale('en', <VisitForm accountId="a1" now={NOW} settings={DEFAULT_SERVICE_SETTINGS} quick />);
    expect(screen.getByLabelText('Attendees')).toBeInTheDocument();
    expect(screen.queryByLabelText('Review the month')).toBeNull();
    expect(screen.getByLabelText('Met the boss')).toBeInTheDocument();
  });
});

const visit = (id: string, date: string, bossMet: boolean, notes: string): ServiceVisit =>
  fakeVisit({ id, accountId: 'a1', createdAt: stamp, updatedAt: stamp, date, attendees: ['Lee'], bossMet, checklistDone: ['boss.month'], notes });

describe('VisitsTable', () => {
  const visits = [visit('v1', '2026-09-25', true, 'kick-off'), visit('v2', '2026-10-30', false, 'dashboards'), visit('v3', '2026-11-20', true, 'SSO rollout')];
  const dates = () => within(screen.getByRole('table')).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[0]!.textContent);

  it('lists newest first and sorts by a column on click', () => {
    inLocale('en', <VisitsTable visits={visits} checklistSize={12} settings={DEFAULT_SERVICE_SETTINGS} now={NOW} />);
    expect(dates()).toEqual(['Nov 20, 2026', 'Oct 30, 2026', 'Sep 25, 2026']);
    fireEvent.click(screen.getByRole('button', { name: /^Date/ }));
    expect(dates()).toEqual(['Sep 25, 2026', 'Oct 30, 2026', 'Nov 20, 2026']);
    expect(screen.getAllByText('1/12')).toHaveLength(3);
  });

  it('filters by month, by boss and by words', () => {
    inLocale('en', <VisitsTable visits={visits} checklistSize={12} settings={DEFAULT_SERVICE_SETTINGS} now={NOW} />);
    fireEvent.change(screen.getByLabelText('Boss met'), { target: { value: 'false' } });
    expect(dates()).toEqual(['Oct 30, 2026']);
    fireEvent.change(screen.getByLabelText('Boss met'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Month'), { target: { value: '2026-11' } });
    expect(dates()).toEqual(['Nov 20, 2026']);
    fireEvent.change(screen.getByLabelText('Month'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Search attendees, notes, follow-ups'), { target: { value: 'DASH' } });
    expect(dates()).toEqual(['Oct 30, 2026']);
    expect(screen.getByText('1 of 3 visits shown')).toBeInTheDocument();
  });
});

describe('PromiseLedger', () => {
  const promise = (id: string, over: Partial<PromiseRecord>): PromiseRecord => ({
    id, accountId: 'a1', createdAt: stamp, updatedAt: stamp, text: id, deliverable: 'yes', status: 'open', ...over,
  });
  it('flags promises not deliverable or overdue, in both languages', () => {
    const list = [promise('SSO', { deliverable: 'no' }), promise('Migration', { dueDate: '2026-11-01' }), promise('Report', { dueDate: '2026-12-31' }), promise('Old', { status: 'kept', dueDate: '2026-01-01' })];
    const { unmount } = inLocale('en', <PromiseLedger accountId="a1" promises={list} now={NOW} />);
    expect(screen.getByTestId('promise-risks')).toHaveTextContent('2 promises at risk');
    expect(screen.getByText('Risk: known not to be deliverable. Reset it with the customer.')).toBeInTheDocument();
    expect(screen.getByText('Risk: past its due date and still open.')).toBeInTheDocument();
    unmount();
    inLocale('zh-CN', <PromiseLedger accountId="a1" promises={list} now={NOW} />);
    expect(screen.getByTestId('promise-risks')).toHaveTextContent('2 项承诺有风险');
  });
  it('asks for the promise text before saving, and saves a new open promise', async () => {
    inLocale('zh-CN', <PromiseLedger accountId="a1" promises={[]} now={NOW} />);
    fireEvent.click(screen.getByRole('button', { name: '保存承诺' }));
    expect(await screen.findByText('请写明承诺内容。')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('承诺内容'), { target: { value: '3 月前上线单点登录' } });
    fireEvent.change(screen.getByLabelText('能否兑现？'), { target: { value: 'no' } });
    fireEvent.click(screen.getByRole('button', { name: '保存承诺' }));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toMatchObject({ kind: 'promises', record: { text: '3 月前上线单点登录', deliverable: 'no', status: 'open', promisedAt: '2026-11-23' } });
  });
});

describe('HandoverTab', () => {
  const props = { account, promises: [], milestones: [], plan: undefined, now: NOW, uiLanguage: 'en' as const };
  it.each([
    ['en', 'Seats', 'Submit to the CSM', 'Enter a whole number.'],
    ['zh-CN', '席位数', '提交给客户成功经理', '请填写整数。'],
  ] as const)('refuses a bad number with a message in %s', async (locale, seats, submit, msg) => {
    inLocale(locale, <HandoverTab {...props} handover={undefined} />);
    fireEvent.change(screen.getByLabelText(seats), { target: { value: '1.5' } });
    fireEvent.click(screen.getByRole('button', { name: submit }));
    expect(await screen.findByText(msg)).toBeInTheDocument();
    expect(writes).toEqual([]);
  });

  it('meters completeness, recommends when CS joins, and submits: the background stamps it and takes its promises', async () => {
    inLocale('en', <HandoverTab {...props} handover={undefined} />);
    expect(screen.getByTestId('handover-percent')).toHaveTextContent('0% complete');
    fireEvent.change(screen.getByLabelText('Products or plan'), { target: { value: 'Pro plan' } });
    fireEvent.change(screen.getByLabelText('Contract value'), { target: { value: '12,000' } });
    fireEvent.change(screen.getByLabelText('Sales cycle (days)'), { target: { value: '20' } });
    fireEvent.change(screen.getByLabelText('Implementation (weeks)'), { target: { value: '2' } });
    fireEvent.change(screen.getByLabelText('Outcomes, one per line'), { target: { value: 'Quotes in 1 day' } });
    fireEvent.change(screen.getByLabelText('Promises, one per line'), { target: { value: 'SSO by March\n\nGerman invoices' } });
    expect(screen.getByTestId('involvement')).toHaveTextContent('After the deal closes: a small, fast deal.');
    // Not yet: no boss.
    fireEvent.click(screen.getByRole('button', { name: 'Submit to the CSM' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('the boss with a contact');
    fireEvent.click(screen.getByRole('button', { name: 'Add a person' }));
    fireEvent.change(screen.getByLabelText('Person 1: name'), { target: { value: 'Dana' } });
    fireEvent.change(screen.getByLabelText('Person 1: contact'), { target: { value: 'dana@acme.example' } });
    // products, value, outcomes, measurable, boss, contact, promises: 7 of 15.
    expect(screen.getByTestId('handover-percent')).toHaveTextContent('47% complete');
    fireEvent.click(screen.getByRole('button', { name: 'Submit to the CSM' }));
    await waitFor(() => expect(writes.map((w) => w.kind)).toEqual(['handovers']));
    expect(writes[0]!.record).toMatchObject({ id: 'handover:a1', status: 'submitted', bought: { products: 'Pro plan', value: 12000 }, salesCycleDays: 20, promises: ['SSO by March', 'German invoices'] });
    // The page sends no timestamp; what the form left empty is removed from the stored copy.
    expect(writes[0]!.record).not.toHaveProperty('submittedAt');
    expect(writes[0]!.opts).toEqual({ unset: expect.arrayContaining(['technical', 'fitRisks', 'questions']), stamp: ['submittedAt'] });
    expect(writes[0]!.opts!.unset).not.toContain('bought');
  });

  it('lets the CSM send a submitted handover back, but only with questions', async () => {
    const submitted: Handover = { id: 'handover:a1', accountId: 'a1', createdAt: stamp, updatedAt: stamp, status: 'submitted', bought: { products: 'Pro' } };
    inLocale('en', <HandoverTab {...props} handover={submitted} />);
    fireEvent.click(screen.getByRole('button', { name: 'Send back with questions' }));
    expect(await screen.findByText('Write your questions before sending it back.')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Questions for sales'), { target: { value: 'Who owns SSO?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send back with questions' }));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]!.record).toMatchObject({ id: 'handover:a1', status: 'returned', questions: 'Who owns SSO?' });
    expect(writes[0]!.opts).toEqual({ stamp: ['decidedAt'] });
    // The introduction message is drafted with the CSM's name and the customer's.
    expect((screen.getByLabelText('Introduction message') as HTMLTextAreaElement).value).toMatch(/Priya[\s\S]*Acme|Acme[\s\S]*Priya/);
  });
});

describe('QuickHandover', () => {
  it('saves a draft from three fields, and refuses an empty one in Chinese', async () => {
    inLocale('zh-CN', <QuickHandover account={account} handovers={[]} />);
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }));
    expect(await screen.findByText('三项中至少填写一项。')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('购买内容'), { target: { value: '专业版' } });
    fireEvent.change(screen.getByLabelText('已做出的承诺（每行一项）'), { target: { value: '单点登录\n' } });
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]!.record).toMatchObject({ id: 'handover:a1', status: 'draft', origin: 'quick', bought: { products: '专业版' }, promises: ['单点登录'] });
  });
  it('does not edit a handover the CSM already has', () => {
    const accepted: Handover = { id: 'handover:a1', accountId: 'a1', createdAt: stamp, updatedAt: stamp, status: 'accepted' };
    inLocale('en', <QuickHandover account={account} handovers={[accepted]} />);
    expect(screen.getByText('The handover is accepted by the CSM: open the panel to see it.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save draft' })).toBeNull();
  });
});

describe('LogConversation', () => {
  it('refuses an empty note, says storage is full plainly keeping the text, then logs it', async () => {
    inLocale('en', <LogConversation account={account} now={NOW} />);
    const field = screen.getByLabelText('What was discussed');
    fireEvent.click(screen.getByRole('button', { name: 'Log it' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Write what was discussed.');
    fireEvent.change(field, { target: { value: 'Agreed next year’s goals' } });
    // The text the background sends back when the disk under the profile is full.
    refuseNext = new Error('QuotaExceededError: the browser’s storage for Account Lens is full (UnknownError: IO error: FILE_ERROR_NO_SPACE)');
    fireEvent.click(screen.getByRole('button', { name: 'Log it' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Could not save: the browser’s storage for Account Lens is full.'));
    expect(field).toHaveValue('Agreed next year’s goals');
    expect(writes).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Log it' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Logged. It keeps the touchpoint it falls in.');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(field).toHaveValue('');
    expect(writes).toHaveLength(1);
    expect(writes[0]!.record).toMatchObject({ kind: 'long_term_value', audience: 'boss', text: 'Agreed next year’s goals', doneAt: '2026-11-23', accountId: 'a1' });
  });
});
