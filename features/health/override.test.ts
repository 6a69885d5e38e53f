import { activeOverride, checkOverride, OVERRIDE_MAX_DAYS, withOverride } from './override';
import { addDays } from '../../shared/dates/local-date';

const TODAY = '2026-12-01';
const set = { band: 'red' as const, reason: 'Champion resigned; boss not met since Sep', until: '2026-12-31', setOn: '2026-11-20', by: 'Priya' };

describe('a band set by hand', () => {
  it('holds from the day it was set through its last day, and not on a removed plan', () => {
    expect(activeOverride([{ bandOverride: set }], TODAY)).toEqual(set);
    expect(activeOverride([{ bandOverride: set }], '2026-12-31')).toEqual(set);
    expect(activeOverride([{ bandOverride: set }], '2027-01-01')).toBeUndefined();
    // A plan stamped on a skewed clock (set "tomorrow") does not hold yet.
    expect(activeOverride([{ bandOverride: { ...set, setOn: '2026-12-02' } }], TODAY)).toBeUndefined();
    expect(activeOverride([{ bandOverride: set, deleted: true }], TODAY)).toBeUndefined();
    expect(activeOverride(undefined, TODAY)).toBeUndefined();
  });

  it('needs a reason and a last day from today to a quarter ahead', () => {
    expect(checkOverride({ band: 'green', reason: '  \u0000 ', until: '2026-12-10' }, TODAY)).toEqual({ ok: false, problem: 'reason_missing' });
    expect(checkOverride({ band: 'green', reason: 'Renewal signed', until: '2026-11-30' }, TODAY)).toEqual({ ok: false, problem: 'until_past' });
    expect(checkOverride({ band: 'green', reason: 'Renewal signed', until: 'soon' }, TODAY)).toEqual({ ok: false, problem: 'until_past' });
    expect(checkOverride({ band: 'green', reason: 'Renewal signed', until: addDays(TODAY, OVERRIDE_MAX_DAYS + 1) }, TODAY)).toEqual({ ok: false, problem: 'until_too_far' });
    expect(checkOverride({ band: 'green', reason: ' Renewal\nsigned ', until: TODAY }, TODAY, ' Priya ')).toEqual({ ok: true, value: { band: 'green', reason: 'Renewal signed', until: TODAY, setOn: TODAY, by: 'Priya' } });
  });

  it('replaces the band every surface shows, keeping the computed one', () => {
    expect(withOverride({ score: 71, band: 'green' as const, asOf: TODAY }, set)).toEqual({ score: 71, band: 'red', computedBand: 'green', override: set, asOf: TODAY });
    expect(withOverride({ score: 71, band: 'green' as const }, undefined)).toEqual({ score: 71, band: 'green' });
    expect(withOverride(undefined, set)).toBeUndefined();
  });
});
