import { churnSplit, CLAIM_MIN_CHURNS } from './churn';
import { renewalOutcome } from '../../tests/support/outcomes';
import type { ChurnRootCause } from '../../data/model/records';

const churn = (rootCause: ChurnRootCause | undefined, date = '2026-06-01', kind: 'churned' | 'will_not_renew' = 'churned') =>
  renewalOutcome(kind, date, 100, undefined, { ...(rootCause ? { rootCause } : {}), symptom: 'price' });
const Y = ['2026-01-01', '2026-12-31'] as const;

describe('churnSplit', () => {
  it('holds when poor service and over-promising each explain a good share and most of it together', () => {
    const s = churnSplit([churn('poor_service'), churn('poor_service'), churn('over_promising'), churn('over_promising', '2026-02-01', 'will_not_renew'), churn('needs_not_met'), churn(undefined)], ...Y);
    expect(s).toMatchObject({ churns: 6, withCause: 5, poorService: 0.4, overPromising: 0.4, verdict: 'holds' });
    expect(s.causes.map((c) => [c.cause, c.count])).toEqual([['over_promising', 2], ['poor_service', 2], ['needs_not_met', 1]]);
    expect(s.symptoms).toEqual([{ symptom: 'price', count: 6 }]);
  });
  it('does not hold when another cause leads, and names it', () => {
    const s = churnSplit([churn('poor_onboarding'), churn('poor_onboarding'), churn('poor_onboarding'), churn('poor_service'), churn('over_promising')], ...Y);
    expect(s).toMatchObject({ verdict: 'does_not_hold', top: 'poor_onboarding' });
  });
  it('says too few below the minimum, and counts only the period and live churns', () => {
    const few = Array.from({ length: CLAIM_MIN_CHURNS - 1 }, () => churn('poor_service'));
    expect(churnSplit(few, ...Y).verdict).toBe('too_few');
    const s = churnSplit([churn('poor_service', '2025-12-31'), { ...churn('poor_service'), deleted: true }, renewalOutcome('renewed', '2026-03-01', 1, 1)], ...Y);
    expect(s).toMatchObject({ churns: 0, withCause: 0, verdict: 'too_few' });
  });
});
