import { DEFAULT_SERVICE_SETTINGS, ServiceSettingsSchema, validServiceSettings } from './settings';

describe('the key person quiet threshold in the service settings', () => {
  it('defaults to 21 days, also for settings stored before it existed', () => {
    expect(DEFAULT_SERVICE_SETTINGS.keyPersonQuietDays).toBe(21);
    // Settings saved by an earlier version: every other value kept, the threshold filled in.
    const old = { resetWithinDays: 45, reviewEveryMonths: 6, followUpDays: 10 };
    const parsed = validServiceSettings(old);
    expect(parsed.keyPersonQuietDays).toBe(21);
    expect(parsed).toMatchObject(old);
  });

  it('keeps whole numbers from 7 to 120 days and refuses the rest', () => {
    for (const days of [7, 45, 120]) expect(ServiceSettingsSchema.parse({ keyPersonQuietDays: days }).keyPersonQuietDays).toBe(days);
    for (const days of [6, 121, 14.5, 0, -21]) {
      const r = ServiceSettingsSchema.safeParse({ keyPersonQuietDays: days });
      expect(r.success, String(days)).toBe(false);
      expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(['keyPersonQuietDays']);
    }
  });
});

describe('stored service settings', () => {
  it('one bad service value resets only itself', () => {
    const stored = { resetWithinDays: 45, followUpDays: 10, keyPersonQuietDays: 5000, rhythms: { smb: 'monthly', self_serve: 'hourly' } };
    const read = validServiceSettings(stored);
    expect(read.resetWithinDays).toBe(45);
    expect(read.followUpDays).toBe(10);
    expect(read.keyPersonQuietDays).toBe(DEFAULT_SERVICE_SETTINGS.keyPersonQuietDays);
    expect(read.rhythms).toEqual({ ...DEFAULT_SERVICE_SETTINGS.rhythms, smb: 'monthly' });
  });

});
