import { translator, type Locale, type MessageKey, type Params, type PluralBase, type Translator } from '../../shared/i18n';
import { remindersEn } from './strings.en';
import { remindersZhCN } from './strings.zh-CN';
import type { Account } from '../../data/model/account';
import type { Cta, ServicePlan } from '../../data/model/records';
import { DEFAULT_RENEWAL_SETTINGS } from '../renewal/settings';
import type { TouchpointLog } from '../renewal/timeline';
import type { BookForReminders } from './select';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from './settings';

const AT = '2026-01-01T00:00:00.000Z';

export const account = (id: string, name: string, over: Partial<Account> = {}): Account => ({
  id,
  name,
  crm: 'salesforce',
  recordId: `rec-${id}`,
  contractEnd: '2027-12-31',
  createdAt: AT,
  updatedAt: AT,
  ...over,
});

export const cta = (id: string, accountId: string, over: Partial<Cta> = {}): Cta => ({
  id,
  accountId,
  createdAt: AT,
  updatedAt: AT,
  source: 'manual',
  cause: `manual:${id}`,
  title: `Step ${id}`,
  dueDate: '2026-03-10',
  status: 'open',
  ...over,
});

export const plan = (id: string, accountId: string, serviceDay: ServicePlan['serviceDay'], over: Partial<ServicePlan> = {}): ServicePlan => ({
  id,
  accountId,
  createdAt: AT,
  updatedAt: AT,
  serviceDay,
  language: 'en',
  ...over,
});

export const book = (over: Partial<Omit<BookForReminders, 'touchpointLogsByAccount'>> & { logs?: Record<string, TouchpointLog[]> } = {}): BookForReminders => ({
  accounts: over.accounts ?? [],
  ctas: over.ctas ?? [],
  plans: over.plans ?? [],
  touchpointLogsByAccount: new Map(Object.entries(over.logs ?? {})),
  renewalSettings: over.renewalSettings ?? DEFAULT_RENEWAL_SETTINGS,
});

export const settings = (over: { enabled?: Partial<ReminderSettings['enabled']>; checkAt?: string; quietHours?: ReminderSettings['quietHours'] } = {}): ReminderSettings => ({
  enabled: { ...DEFAULT_REMINDER_SETTINGS.enabled, ...over.enabled },
  checkAt: over.checkAt ?? DEFAULT_REMINDER_SETTINGS.checkAt,
  quietHours: over.quietHours === undefined ? DEFAULT_REMINDER_SETTINGS.quietHours : over.quietHours,
});

/** The app's translator with the reminder strings (en-reminders.ts, zh-CN-reminders.ts) on top of the catalogue. */
export function reminderTranslator(locale: Locale): Translator {
  const base = translator(locale);
  const extra: Record<string, string> = locale === 'en' ? remindersEn : remindersZhCN;
  const t = (key: MessageKey, params?: Params): string => {
    const text = extra[key];
    if (text === undefined) return base.t(key, params);
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
  };
  const plural = (b: PluralBase, n: number, params?: Params) => t(`${b}_${Math.abs(n) === 1 ? 'one' : 'other'}` as MessageKey, { n, ...params });
  return { locale, t, plural };
}

/**
 * Runs `fn` with the process in each of the given IANA time zones, then puts
 * the zone back. Returns each zone's UTC offset (minutes) on 2026-01-01, so a
 * test can tell the zones really differed.
 */
export function inTimeZones(zones: readonly string[], fn: (zone: string) => void): number[] {
  const saved = process.env.TZ;
  const offsets: number[] = [];
  try {
    for (const zone of zones) {
      process.env.TZ = zone;
      offsets.push(new Date(2026, 0, 1).getTimezoneOffset());
      fn(zone);
    }
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
  return offsets;
}
