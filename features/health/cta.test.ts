import { DEFAULT_HEALTH_MODEL } from './model';
import { healthCtaRule, type HealthCtaInput } from './cta';
import type { BandOverride, HealthSnapshot } from '../../data/model/records';
import { translator } from '../../shared/i18n';

const T = '2026-11-20T09:00:00.000Z';
/** Core adoption alone: 22 → 20, 25 → 25, 28 → 30 (red); 70 → 100 (green). */
const snap = (asOf: string, core: number): HealthSnapshot => ({ id: `s-${asOf}`, accountId: 'acc-1', createdAt: T, updatedAt: T, asOf, inputs: { coreFeatureAdoption: core } });
const RED_RUN = [snap('2026-12-21', 22), snap('2026-12-31', 28), snap('2027-01-04', 25)];
const GREEN_RUN = [snap('2026-12-21', 70), snap('2026-12-28', 75), snap('2027-01-04', 80)];
const set = (band: BandOverride['band'], setOn: string, until: string): BandOverride => ({ band, reason: 'Champion resigned', setOn, until, by: 'Priya' });
const plans = (o: BandOverride, accountId = 'acc-1') => [{ accountId, bandOverride: o }];
const input = (patch: Partial<HealthCtaInput> = {}): HealthCtaInput => ({
  account: { id: 'acc-1', csm: 'Cleo' },
  snapshots: RED_RUN,
  model: DEFAULT_HEALTH_MODEL,
  existing: [],
  today: '2027-01-06',
  ...patch,
});
const causes = (i: HealthCtaInput) => healthCtaRule.evaluate(i).create.map((d) => d.cause);

describe('the red-streak rule and a band set by hand', () => {
  it('raises no red streak while the account is set to green, and raises it again once the override has lapsed', () => {
    expect(causes(input())).toEqual(['health:red-streak:acc-1:2027-W01']);
    const green = { plans: plans(set('green', '2027-01-02', '2027-01-31')) };
    expect(causes(input({ service: green }))).toEqual([]);
    // Its last day still holds; the day after, the computed bands are back.
    expect(causes(input({ service: green, today: '2027-01-31' }))).toEqual([]);
    expect(causes(input({ service: green, today: '2027-02-01' }))).toEqual(['health:red-streak:acc-1:2027-W01']);
  });

  it('counts an account set to red as red today, and says the band was set by hand', () => {
    // Computed green; set to red on 2026-12-23: the readings from then on and today are red, 14 days on 2027-01-06.
    const red = { plans: plans(set('red', '2026-12-23', '2027-01-20')) };
    const [draft] = healthCtaRule.evaluate(input({ snapshots: GREEN_RUN, service: red })).create;
    expect(draft).toMatchObject({ cause: 'health:red-streak:acc-1:2027-W01', dueDate: '2027-01-13', title: { params: { setByHand: 'red', score: 100 } } });
    const tr = translator('en');
    expect(healthCtaRule.titles.health_red_streak!(draft!.title.params, tr)).toContain('by hand');
    expect(healthCtaRule.titles.health_red_streak!(draft!.title.params, translator('zh-CN'))).toContain('手动');
    // Not yet two weeks of red: nothing.
    expect(causes(input({ snapshots: GREEN_RUN, service: red, today: '2027-01-05' }))).toEqual([]);
    // Expired: the computed green is back.
    expect(causes(input({ snapshots: GREEN_RUN, service: red, today: '2027-01-21' }))).toEqual([]);
  });

  it('ignores another account’s override and a deleted plan', () => {
    expect(causes(input({ service: { plans: plans(set('green', '2027-01-02', '2027-01-31'), 'acc-2') } }))).toEqual(['health:red-streak:acc-1:2027-W01']);
    expect(causes(input({ service: { plans: [{ accountId: 'acc-1', bandOverride: set('green', '2027-01-02', '2027-01-31'), deleted: true }] } }))).toEqual(['health:red-streak:acc-1:2027-W01']);
  });

  it('leaves closing to the computed band: an override to green does not close a recovery under way', () => {
    const open = { id: 'c1', accountId: 'acc-1', createdAt: T, updatedAt: T, source: 'health' as const, cause: 'health:red-streak:acc-1:2027-W01', title: 'x', dueDate: '2027-01-11', status: 'open' as const };
    const run = healthCtaRule.evaluate(input({ existing: [open], service: { plans: plans(set('green', '2027-01-02', '2027-01-31')) } }));
    expect(run.create).toEqual([]);
    expect(run.resolve(open)).toBeUndefined();
  });
});
