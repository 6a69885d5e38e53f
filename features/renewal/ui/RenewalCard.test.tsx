import { cleanup, render, screen } from '@testing-library/react';
import { I18nProvider } from '../../../shared/i18n/I18n';
import type { Locale } from '../../../shared/i18n';
import type { Account } from '../../../data/model/account';
import type { BandOverride, Contract, HealthSnapshot } from '../../../data/model/records';
import { termId } from '../../../data/model/terms';
import { DEFAULT_HEALTH_MODEL } from '../../health';
import { DEFAULT_RENEWAL_SETTINGS } from '..';
import { RenewalCard } from './RenewalCard';

let contracts: Contract[] = [];
vi.mock('../../../platform/panel/data-client', () => ({
  useRecords: (kind: string) => (kind === 'contracts' ? contracts : []),
  createRecordVia: vi.fn(),
  recordTermOutcomeVia: vi.fn(),
  tickPlanStepVia: vi.fn(),
  markPaidVia: vi.fn(),
}));

const stamp = '2026-01-01T00:00:00.000Z';
const account: Account = { id: 'a', crm: 'salesforce', recordId: '001A', name: 'Acme', contractEnd: '2027-11-30', createdAt: stamp, updatedAt: stamp };
// Every dimension high: the computed band is green.
const green: HealthSnapshot = {
  id: 's', accountId: 'a', asOf: '2026-11-20', createdAt: stamp, updatedAt: stamp,
  inputs: { activeUserRate: 90, coreFeatureAdoption: 90, moduleBreadth: 90, tickets90d: 12, trainingRate: 90, nps: 60, outcomeAttainment: 100 },
};
const NOW = new Date(2026, 11, 2, 10);
const redByHand: BandOverride = { band: 'red', reason: 'The sponsor left', setOn: '2026-12-01', until: '2026-12-31' };

const show = (locale: Locale, override?: BandOverride) =>
  render(
    <I18nProvider locale={locale}>
      <RenewalCard account={account} snapshots={[green]} now={NOW} model={DEFAULT_HEALTH_MODEL} settings={DEFAULT_RENEWAL_SETTINGS} {...(override ? { override } : {})} />
    </I18nProvider>,
  );

describe('RenewalCard likelihood', () => {
  it('weighs the computed band while nothing is set by hand', () => {
    show('en');
    expect(screen.getByTestId('likelihood-reasons')).toHaveTextContent('+25 · health is green');
    expect(screen.getByTestId('likelihood-reasons')).not.toHaveTextContent('set by hand');
  });
  it('weighs a band set by hand instead, and says so in both languages', () => {
    show('en', redByHand);
    expect(screen.getByTestId('likelihood-reasons')).toHaveTextContent('-25 · health is red (set by hand)');
    expect(screen.getByTestId('likelihood-reasons')).not.toHaveTextContent('green');
    cleanup();
    show('zh-CN', redByHand);
    expect(screen.getByTestId('likelihood-reasons')).toHaveTextContent('健康度为红色（手动设定）');
  });
});

describe('RenewalCard paid mark', () => {
  afterEach(() => void (contracts = []));
  it('offers Mark paid on an unpaid term and shows the day of a paid one', () => {
    show('en');
    expect(screen.getByRole('button', { name: 'Mark paid' })).toBeInTheDocument();
    cleanup();
    contracts = [{ id: termId('a', '2027-11-30'), accountId: 'a', end: '2027-11-30', paidAt: '2026-11-28', createdAt: stamp, updatedAt: stamp }];
    show('en');
    expect(screen.getByTestId('paid-on')).toHaveTextContent('Paid on Nov 28, 2026');
    expect(screen.queryByRole('button', { name: 'Mark paid' })).toBeNull();
  });
});
