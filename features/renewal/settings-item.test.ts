import { validRenewal } from './settings-item';
import { DEFAULT_RENEWAL_SETTINGS } from './settings';

describe('stored renewal settings', () => {
  it('one bad renewal value resets only itself', () => {
    const read = validRenewal({ noPitchDays: 10, graceDays: 'soon' });
    expect(read.noPitchDays).toBe(10);
    expect(read.graceDays).toBe(DEFAULT_RENEWAL_SETTINGS.graceDays);
    expect(read.cadence).toEqual(DEFAULT_RENEWAL_SETTINGS.cadence);
  });
});
