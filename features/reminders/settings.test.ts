import { DEFAULT_REMINDER_SETTINGS, ReminderSettingsSchema, validReminderSettings } from './settings';

describe('reminder settings', () => {
  it('default to every kind on, a check at 09:00 and no quiet hours', () => {
    expect(DEFAULT_REMINDER_SETTINGS).toEqual({ enabled: { touchpoints: true, ctas: true, serviceDays: true }, checkAt: '09:00', quietHours: null });
    expect(ReminderSettingsSchema.parse({ enabled: { ctas: false } }).enabled).toEqual({ touchpoints: true, ctas: false, serviceDays: true });
  });
  it('accept 24-hour HH:MM times only', () => {
    for (const ok of ['00:00', '09:00', '23:59']) expect(ReminderSettingsSchema.safeParse({ checkAt: ok }).success).toBe(true);
    for (const bad of ['24:00', '9:00', '09:60', '9am', '']) expect(ReminderSettingsSchema.safeParse({ checkAt: bad }).success).toBe(false);
  });
  it('keep valid stored settings as they are', () => {
    const stored = { enabled: { touchpoints: false, ctas: true, serviceDays: true }, checkAt: '08:30', quietHours: { from: '20:00', to: '08:00' } };
    expect(validReminderSettings(stored)).toEqual(stored);
  });
  it('fall back to the defaults part by part, and wholly for anything that is not an object', () => {
    expect(validReminderSettings({ enabled: { ctas: false, serviceDays: 'no' }, checkAt: '25:00', quietHours: { from: '22:00', to: '7' } })).toEqual({
      enabled: { touchpoints: true, ctas: false, serviceDays: true },
      checkAt: '09:00',
      quietHours: null,
    });
    for (const junk of [undefined, null, 'x', 42, []]) expect(validReminderSettings(junk)).toEqual(DEFAULT_REMINDER_SETTINGS);
  });
  it('never hand out the shared defaults object', () => {
    const a = validReminderSettings(undefined);
    a.enabled.ctas = false;
    expect(DEFAULT_REMINDER_SETTINGS.enabled.ctas).toBe(true);
    expect(validReminderSettings(null).enabled.ctas).toBe(true);
  });
});
