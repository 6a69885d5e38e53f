import { render, screen } from '@testing-library/react';
import { I18nProvider } from '../../../shared/i18n/I18n';
import { HandoverTab } from './HandoverTab';
import type { Identity } from '../../../data/sync/identity';
import type { Account } from '../../../data/model/account';
import type { Handover } from '../../../data/model/records';

vi.mock('../../../platform/panel/data-client', () => ({ putRecordVia: vi.fn(async () => undefined) }));

const stamp = '2026-11-01T00:00:00.000Z';
const account: Account = { id: 'a1', crm: 'salesforce', recordId: '001D000000IqhSLIAZ', name: 'Acme', contractEnd: '2027-06-30', createdAt: stamp, updatedAt: stamp };
const submitted: Handover = { id: 'handover:a1', accountId: 'a1', createdAt: stamp, updatedAt: stamp, status: 'submitted', author: 'Maya', updatedBy: 'Priya' };
const props = { account, promises: [], milestones: [], plan: undefined, now: new Date(2026, 10, 23, 10), uiLanguage: 'en' as const, handover: submitted };
const as = (role: Identity['role']): Identity => ({ user: 'u', role, team: 't' });

describe('HandoverTab and the user\'s role', () => {
  it.each([
    ['en', 'Accept', 'Submitted: the CSM accepts it or sends it back with questions.'],
    ['zh-CN', '接收', '已提交：由客户成功经理接收，或附上问题退回。'],
  ] as const)('a salesperson is not offered Accept or Send back, and is told who decides (%s)', (locale, accept, note) => {
    render(<I18nProvider locale={locale}><HandoverTab {...props} identity={as('sales')} /></I18nProvider>);
    expect(screen.queryByRole('button', { name: accept })).toBeNull();
    expect(screen.getByTestId('decision-not-yours')).toHaveTextContent(note);
  });

  it.each([['csm'], ['manager']] as const)('a %s is offered the decision', (role) => {
    render(<I18nProvider locale="en"><HandoverTab {...props} identity={as(role)} /></I18nProvider>);
    expect(screen.getByRole('button', { name: 'Accept' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send back with questions' })).toBeInTheDocument();
    expect(screen.queryByTestId('decision-not-yours')).toBeNull();
  });

  it('without a team server (no identity) the decision is offered, and who changed it last is shown', () => {
    render(<I18nProvider locale="en"><HandoverTab {...props} /></I18nProvider>);
    expect(screen.getByRole('button', { name: 'Accept' })).toBeInTheDocument();
    expect(screen.getByTestId('handover-updated-by')).toHaveTextContent('last changed by Priya');
  });
});
