import { noPitchWindow } from './no-pitch';

describe('noPitchWindow', () => {
  const signed = '2026-11-20';
  it('covers the signing day and the 7 days after', () => {
    expect(noPitchWindow(signed, '2026-11-20')).toEqual({ active: true, daysLeft: 7 }); // day 0
    expect(noPitchWindow(signed, '2026-11-27')).toEqual({ active: true, daysLeft: 0 }); // day 7
    expect(noPitchWindow(signed, '2026-11-28')).toEqual({ active: false, daysLeft: 0 }); // day 8
  });
  it('is closed before signing and without a signing date', () => {
    expect(noPitchWindow(signed, '2026-11-19')).toEqual({ active: false, daysLeft: 0 });
    expect(noPitchWindow(undefined, '2026-11-20')).toEqual({ active: false, daysLeft: 0 });
  });
  it('takes the length from settings, across a month end', () => {
    expect(noPitchWindow('2026-11-25', '2026-12-09', 14)).toEqual({ active: true, daysLeft: 0 });
    expect(noPitchWindow('2026-11-25', '2026-12-10', 14).active).toBe(false);
    expect(noPitchWindow(signed, '2026-11-20', 0)).toEqual({ active: true, daysLeft: 0 });
    expect(noPitchWindow(signed, '2026-11-21', 0).active).toBe(false);
  });
});
