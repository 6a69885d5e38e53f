import { z } from 'zod';

/** A local wall-clock time, 24-hour, written HH:MM (00:00 to 23:59). */
export const ClockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:MM (24-hour)');
export type ClockTime = z.infer<typeof ClockTimeSchema>;

/**
 * Hours in which no desktop notification is shown; reminders found then wait
 * until `to`. `from` later than `to` runs over midnight (20:00 to 08:00);
 * `from` equal to `to` is an empty range, so nothing is quiet.
 */
export const QuietHoursSchema = z.object({ from: ClockTimeSchema, to: ClockTimeSchema });
export type QuietHours = z.infer<typeof QuietHoursSchema>;

const ALL_ON = () => ({ touchpoints: true, ctas: true, serviceDays: true });

/** What the daily reminder check raises, and when. */
export const ReminderSettingsSchema = z.object({
  /** Each kind of reminder on its own; a missing kind stays on. */
  enabled: z
    .object({
      touchpoints: z.boolean().default(true),
      ctas: z.boolean().default(true),
      serviceDays: z.boolean().default(true),
    })
    .default(ALL_ON),
  /** The local time of the daily check. */
  checkAt: ClockTimeSchema.default('09:00'),
  /** No quiet hours by default: the check runs in working hours anyway. */
  quietHours: QuietHoursSchema.nullable().default(null),
});
export type ReminderSettings = z.infer<typeof ReminderSettingsSchema>;

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = ReminderSettingsSchema.parse({});

const fresh = (): ReminderSettings => ReminderSettingsSchema.parse({});

/**
 * Settings from storage, always valid and a fresh object. A stored value
 * that is wholly valid is kept; otherwise each part (the switches, the check
 * time, the quiet hours) that is valid is kept and each invalid part takes
 * its default, so one bad field never resets the rest.
 */
export function validReminderSettings(v: unknown): ReminderSettings {
  const whole = ReminderSettingsSchema.safeParse(v);
  if (whole.success) return whole.data;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return fresh();
  const o = v as Record<string, unknown>;
  const out = fresh();
  const enabled = typeof o.enabled === 'object' && o.enabled !== null ? (o.enabled as Record<string, unknown>) : {};
  for (const k of ['touchpoints', 'ctas', 'serviceDays'] as const) {
    if (typeof enabled[k] === 'boolean') out.enabled[k] = enabled[k];
  }
  const checkAt = ClockTimeSchema.safeParse(o.checkAt);
  if (checkAt.success) out.checkAt = checkAt.data;
  const quiet = QuietHoursSchema.nullable().safeParse(o.quietHours);
  if (quiet.success) out.quietHours = quiet.data;
  return out;
}

/** Minutes after local midnight of an HH:MM time. */
export function minutesOf(time: ClockTime): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}
