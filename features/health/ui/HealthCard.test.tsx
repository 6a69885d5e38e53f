import { cleanup, render, screen } from '@testing-library/react';
import { HealthCard } from './HealthCard';
import { I18nProvider } from '../../../shared/i18n/I18n';
import { latestReading } from '../current';
import { DEFAULT_HEALTH_MODEL } from '..';
import type { Locale } from '../../../shared/i18n';
import type { Account } from '../../../data/model/account';
import type { HealthSnapshot } from '../../../data/model/records';

const account: Account = { id: 'a', crm: 'salesforce', recordId: 'x', name: 'Acme', contractEnd: '2027-06-30', createdAt: '', updatedAt: '' };
const reading = (asOf: string, inputs: HealthSnapshot['inputs']): HealthSnapshot => ({ id: asOf, accountId: 'a', asOf, inputs, createdAt: '', updatedAt: '' });
// The worked example of the engine: 30.6, red; raise core-feature adoption from 35 to 58 (or active users 40 → 68).
const red = { activeUserRate: 40, coreFeatureAdoption: 35, moduleBreadth: 20, tickets90d: 3, trainingRate: 20, nps: 0, outcomeAttainment: 60 };
const show = (locale: Locale, snapshots: HealthSnapshot[]) =>
  render(<I18nProvider locale={locale}><HealthCard account={account} snapshots={snapshots} latest={latestReading(snapshots, '2026-11-23')!} now={new Date(2026, 10, 23)} model={DEFAULT_HEALTH_MODEL} /></I18nProvider>);

describe('HealthCard', () => {
  it('explains the score: band, trend, measured dimensions, drag and the way to the next band', () => {
    show('en', [reading('2026-11-09', { ...red, coreFeatureAdoption: 50 }), reading('2026-11-16', red)]);
    expect(screen.getByTestId('engine-score')).toHaveTextContent('31');
    expect(screen.getByText('red')).toBeInTheDocument();
    expect(screen.getByTestId('health-trend')).toHaveAccessibleName(/^down \d+\.\d since the previous reading$/);
    expect(screen.getByTestId('health-known')).toHaveTextContent('7 of 14 dimensions measured');
    // Tickets cost 20 × (100 − 25) = 1,500 weighted points, core adoption 25 × (100 − 41.7) ≈ 1,458.
    expect(screen.getByTestId('health-drag')).toHaveTextContent('Biggest drag: Support tickets (90 days).');
    expect(screen.getByTestId('health-next')).toHaveTextContent('To reach yellow: raise Core-feature adoption from 35% to 58%, or raise Active users from 40% to 68%');
    expect(screen.getAllByRole('img', { name: /of 100$/ })).toHaveLength(7);
  });

  it('says how many dimensions were measured and that an override caps the band, in Chinese', () => {
    show('zh-CN', [reading('2026-11-16', { coreFeatureAdoption: 90, tickets90d: 20, nps: -40 })]);
    expect(screen.getByTestId('health-known')).toHaveTextContent('已测量 3 / 14 个维度');
    expect(screen.getByText('NPS使健康度最高只能为红色。')).toBeInTheDocument();
  });
});

describe('HealthCard on an account with no imported health', () => {
  it('scores it from the service records alone, says so, and explains each service dimension', () => {
    const series = [{ id: 'service:a:2026-11-23', accountId: 'a', asOf: '2026-11-23', createdAt: '', updatedAt: '', imported: false, inputs: { bossReviewDays: 72, csmRead: 50 } }];
    const facts = { bossReviewDays: { lastReview: '2026-09-12' }, csmRead: { band: 'yellow' as const, reason: 'rollout slower than hoped', date: '2026-11-02', previous: 'yellow' as const } };
    render(<I18nProvider locale="en"><HealthCard account={account} snapshots={series} latest={series[0]!} facts={facts} now={new Date(2026, 10, 23)} model={DEFAULT_HEALTH_MODEL} /></I18nProvider>);
    // Boss: (120 − 72) / 75 → 64 × 8; read 50 × 7: (512 + 350) / 15 = 57.47, shown 57.5 → 58.
    expect(screen.getByTestId('engine-score')).toHaveTextContent('58');
    expect(screen.getByTestId('health-service-only')).toHaveTextContent('Scored from this account’s service records alone');
    expect(screen.getByTestId('fact-bossReviewDays')).toHaveTextContent('Boss not met since Sep 12, 2026');
    expect(screen.getByTestId('fact-csmRead')).toHaveTextContent('CSM’s read yellow on Nov 2, 2026: rollout slower than hoped (was yellow)');
  });
  it('shows how fast tickets are solved, in hours, as a dimension of its own', () => {
    show('en', [reading('2026-11-16', { tickets90d: 12, ticketResolutionHours: 96 })]);
    // Count 12 → 100 × 12; 96 h is half-way between a week and a day → 50 × 4: (1200 + 200) / 16 = 87.5.
    expect(screen.getByTestId('engine-score')).toHaveTextContent('88');
    expect(screen.getByText('Ticket resolution time (median, 90 days)')).toBeInTheDocument();
    expect(screen.getByText('96 h')).toBeInTheDocument();
  });
  it('shows the end users apart from the company when the usage data counts them, in both languages', () => {
    const counted = { ...reading('2026-11-16', red), usage: { activeUsers: 34, knownUsers: 60, seats: 50 } };
    show('en', [counted, reading('2026-11-20', red)]);
    expect(screen.getByTestId('health-end-users')).toHaveTextContent('End users (apart from the company)34 of 50 seats active in the last 28 days · 60 users known to the product · as of');
    cleanup();
    show('zh-CN', [{ ...counted, usage: { activeUsers: 34 } }]);
    expect(screen.getByTestId('health-end-users')).toHaveTextContent('近 28 天有 34 个活跃用户');
    cleanup();
    show('en', [reading('2026-11-16', red)]);
    expect(screen.queryByTestId('health-end-users')).toBeNull();
  });
});
