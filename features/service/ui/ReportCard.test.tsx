import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { useEffect, useReducer } from 'react';
import { I18nProvider } from '../../../shared/i18n/I18n';
import { ReportCard } from './ReportCard';
import { DEFAULT_HEALTH_MODEL } from '../../health/model';
import { DEFAULT_RENEWAL_SETTINGS } from '../../renewal/settings';
import { DEFAULT_SERVICE_SETTINGS } from '../settings';
import type { Account } from '../../../data/model/account';
import type { HealthSnapshot, MonthlyReport, ServicePlan } from '../../../data/model/records';
import { fakeVisit } from '../../../tests/support/builders';

/** The stored records the panel watches: the named writes change them, as the background would. */
const db = vi.hoisted(() => ({
  reports: [] as Record<string, unknown>[],
  plans: [] as Record<string, unknown>[],
  changed: new Set<() => void>(),
}));
const client = vi.hoisted(() => ({
  putRecordVia: vi.fn(async (kind: 'reports' | 'plans', at: { id: string; accountId: string; version?: number }, fields: Record<string, unknown>, opts?: { unset?: string[] }) => {
    const rows = db[kind];
    const old = rows.find((r) => r.id === at.id);
    const next: Record<string, unknown> = { ...(old ?? { id: at.id, accountId: at.accountId, createdAt: 'x' }), ...fields, deleted: false, version: ((old?.version as number) ?? 0) + 1 };
    for (const k of opts?.unset ?? []) delete next[k];
    db[kind] = [...rows.filter((r) => r !== old), next];
    db.changed.forEach((f) => f());
  }),
  removeRecordVia: vi.fn(async (kind: 'reports', at: { id: string }) => {
    db[kind] = db[kind].map((r) => (r.id === at.id ? { ...r, deleted: true, version: (r.version as number) + 1 } : r));
    db.changed.forEach((f) => f());
  }),
}));
vi.mock('../../../platform/panel/data-client', () => ({
  ...client,
  useRecords: (kind: string) => (kind === 'handovers' ? [{ id: 'handover:a1', accountId: 'a1', status: 'accepted', outcomes: ['Quotes out in 1 day'] }] : []),
}));

const stamp = '2026-11-01T00:00:00.000Z';
const account: Account = { id: 'a1', crm: 'salesforce', recordId: '001D000000IqhSLIAZ', name: '<img src=x onerror=alert(1)> Acme', csm: 'Li Na', contractEnd: '2027-03-31', createdAt: stamp, updatedAt: stamp };
const basePlan: ServicePlan = { id: 'plan:a1', accountId: 'a1', createdAt: stamp, updatedAt: stamp, serviceDay: { kind: 'day_of_month', day: 28 }, language: 'en', bossName: 'Dr. Alice Park (COO)', bossEmail: 'alice@acme.com' };
const visits = [fakeVisit({ id: 'v1', accountId: 'a1', createdAt: stamp, updatedAt: stamp, date: '2026-11-05', bossMet: true, notes: 'Rollout\u0000 on track' })];
const snapshots: HealthSnapshot[] = [{ id: 's1', accountId: 'a1', createdAt: stamp, updatedAt: stamp, asOf: '2026-11-20', inputs: { activeUserRate: 64, coreFeatureAdoption: 20 } }];

function Panel({ noPlan = false }: { noPlan?: boolean }) {
  const [, changed] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    db.changed.add(changed);
    return () => void db.changed.delete(changed);
  }, []);
  const plan = noPlan ? undefined : ((db.plans[0] as ServicePlan | undefined) ?? basePlan);
  return (
    <I18nProvider locale="en">
      <ReportCard
        account={account} plan={plan} visits={visits} reports={db.reports as MonthlyReport[]} promises={[]} ctas={[]} notes={[]} snapshots={snapshots}
        model={DEFAULT_HEALTH_MODEL} renewal={DEFAULT_RENEWAL_SETTINGS} service={DEFAULT_SERVICE_SETTINGS} now={new Date(2026, 10, 23, 10)} uiLanguage="en"
      />
    </I18nProvider>
  );
}

const editor = () => screen.getByLabelText('Report') as HTMLTextAreaElement;
const click = async (name: string) => act(async () => void fireEvent.click(screen.getByRole('button', { name })));

beforeEach(() => {
  db.reports = [];
  db.plans = [{ ...basePlan }];
  vi.clearAllMocks();
});

describe('ReportCard', () => {
  it('drafts a report about the customer; internal signals only once switched on, and the choice is stored on the plan', async () => {
    render(<Panel />);
    expect(editor().value).toContain('Dear Dr. Alice Park (COO),');
    expect(editor().value).toContain('Quotes out in 1 day');
    expect(editor().value).toContain('Active users: 64%');
    expect(editor().value).not.toMatch(/Health score|contract ends|renewal conversation/);
    await act(async () => void fireEvent.click(screen.getByLabelText('Health band and score')));
    expect(client.putRecordVia).toHaveBeenCalledWith('plans', { id: 'plan:a1', accountId: 'a1' }, { reportSections: { health: true } });
    expect(editor().value).toContain('Health score:');
    expect((screen.getByLabelText('Health band and score') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('status')).toHaveTextContent('Sections saved for this account.');
  });

  it('an account without a service plan gets one with the default service day when a section is switched', async () => {
    render(<Panel noPlan />);
    await act(async () => void fireEvent.click(screen.getByLabelText('Renewal countdown and conversations')));
    expect(client.putRecordVia).toHaveBeenCalledWith('plans', { id: 'plan:a1', accountId: 'a1' }, {
      reportSections: { renewal: true }, serviceDay: { kind: 'nth_weekday', n: -1, weekday: 5 }, language: 'en',
    });
  });

  it('edit, mark sent, save changes, reopen as draft: the edited text is what is stored', async () => {
    render(<Panel />);
    const edited = `${editor().value}\n\nSee you on the 28th.\u0000`;
    fireEvent.change(editor(), { target: { value: edited } });
    expect(screen.getByText(/Edited by you/)).toBeInTheDocument();
    const clean = edited.replace('\u0000', '');

    await click('Mark as sent');
    expect(client.putRecordVia).toHaveBeenLastCalledWith(
      'reports', { id: 'report:a1:2026-11', accountId: 'a1' },
      { month: '2026-11', language: 'en', sentAt: '2026-11-23', body: clean, edited: true, to: 'alice@acme.com' }, { unset: [] },
    );
    expect(screen.getByRole('button', { name: 'Sent' })).toBeDisabled();
    expect(screen.getByText(/sent on/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeDisabled();

    fireEvent.change(editor(), { target: { value: `${clean}\nP.S. Slides attached.` } });
    await click('Save changes');
    expect(client.putRecordVia).toHaveBeenLastCalledWith('reports', { id: 'report:a1:2026-11', accountId: 'a1', version: 1 }, { body: `${clean}\nP.S. Slides attached.`, edited: true });
    expect(db.reports[0]!.body).toBe(`${clean}\nP.S. Slides attached.`);

    await click('Reopen as draft');
    expect(client.removeRecordVia).toHaveBeenCalledWith('reports', { id: 'report:a1:2026-11', version: 2 });
    expect(screen.getByRole('button', { name: 'Mark as sent' })).toBeEnabled();
    expect(screen.getByText(/not sent yet/)).toBeInTheDocument();
    expect(editor().value).toBe(`${clean}\nP.S. Slides attached.`);
    expect(screen.getByRole('status')).toHaveTextContent('Report for November 2026 is a draft again; your text is kept.');

    // Sent again: the removed record comes back at the same id, based on its version.
    await click('Mark as sent');
    expect(client.putRecordVia).toHaveBeenLastCalledWith('reports', { id: 'report:a1:2026-11', accountId: 'a1', version: 3 }, expect.objectContaining({ sentAt: '2026-11-23' }), { unset: [] });
  });

  it('refuses to send an empty report, with a message, and writes nothing', async () => {
    render(<Panel />);
    fireEvent.change(editor(), { target: { value: ' \u0000 \n ' } });
    await click('Mark as sent');
    expect(screen.getByRole('alert')).toHaveTextContent('The report is empty: write it before sending.');
    expect(client.putRecordVia).not.toHaveBeenCalled();
  });

  it('copies, mails and prints the edited text; Markdown and the page escape the hostile name', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.assign(navigator, { clipboard: { writeText } });
    render(<Panel />);
    fireEvent.change(editor(), { target: { value: `${editor().value}\n\n* my own line` } });
    await click('Copy');
    expect(writeText).toHaveBeenLastCalledWith(expect.stringContaining('\n\n* my own line'));
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'markdown' } });
    await click('Copy');
    const md = (writeText.mock.calls.at(-1) as unknown as [string])[0];
    expect(md).toContain('\\* my own line');
    expect(md).toContain('Dear Dr. Alice Park (COO),');
    expect(md).toContain('\\<img src=x onerror=alert(1)> Acme');
    const mail = decodeURIComponent(screen.getByRole('link', { name: 'E-mail draft to the boss' }).getAttribute('href')!);
    expect(mail).toContain('* my own line');

    let blob: Blob | undefined;
    URL.createObjectURL = vi.fn((b: Blob) => ((blob = b), 'blob:report'));
    URL.revokeObjectURL = vi.fn();
    const win = { opener: {} };
    const open = vi.spyOn(window, 'open').mockReturnValue(win as Window);
    await click('Printable page');
    expect(open).toHaveBeenCalledWith('blob:report', '_blank');
    expect(win.opener).toBeNull();
    const html = await blob!.text();
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; Acme');
    expect(html).not.toContain('<img');
    expect(html).toContain('<svg');
    expect(within(screen.getByRole('region', { name: 'Monthly service report' })).queryByRole('alert')).toBeNull();
  });
});
