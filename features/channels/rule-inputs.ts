import { MAX_WELCOME_DELAY_MINUTES } from './scheduled';
import type { channelsEn } from './strings.en';

/**
 * What the options page's automation form reads from what was typed: the
 * rule's language and time zone, the addresses to remind, and what is
 * wrong before anything is sent (docs/channels.md, automation).
 */

export const RULE_LANGUAGES = ['en', 'zh-CN'] as const;
export type RuleLanguage = (typeof RULE_LANGUAGES)[number];

/** The browser's UI language as a rule's language: any Chinese is zh-CN, anything else English. */
export const ruleLanguageOf = (browserLanguage: string | undefined): RuleLanguage =>
  browserLanguage?.trim().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';

/**
 * The IANA name of a time zone as the browser spells it ("asia/shanghai" →
 * "Asia/Shanghai"), or null for a zone it does not know. The browser's
 * Intl decides, as the team server's does.
 */
export function parseTimeZone(text: string): string | null {
  const zone = text.trim();
  if (!zone || zone.length > 64) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone ?? zone;
  } catch (err) {
    if (err instanceof RangeError) return null;
    throw err;
  }
}

/** Used when the browser cannot list its zones. */
const FALLBACK_ZONES = [
  'UTC', 'Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Singapore', 'Asia/Tokyo', 'Asia/Seoul', 'Asia/Kolkata', 'Asia/Dubai',
  'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'Europe/Moscow', 'America/New_York', 'America/Chicago', 'America/Denver',
  'America/Los_Angeles', 'America/Sao_Paulo', 'Australia/Sydney', 'Pacific/Auckland',
];

type ZoneLister = { supportedValuesOf?: (key: 'timeZone') => string[] };

/** The zones to suggest: every zone the browser knows when it can say, else a short list; UTC and `extra` always. */
export function suggestedTimeZones(extra: readonly string[] = [], intl: ZoneLister = Intl as ZoneLister): string[] {
  let known: string[] = FALLBACK_ZONES;
  try {
    if (typeof intl.supportedValuesOf === 'function') known = intl.supportedValuesOf('timeZone');
  } catch {
    // An engine that has the function but not the key: the short list.
  }
  return [...new Set(['UTC', ...extra.filter(Boolean), ...known])];
}

/** "a@x.com, b@y.com；c@z.com" → the addresses, in any of the separators people type. */
export const addressesOf = (s: string) => s.split(/[,;，；\s]+/).map((a) => a.trim()).filter(Boolean);

export type InputProblem = { key: keyof typeof channelsEn; params?: Record<string, string | number> };

export interface RuleInputs {
  welcome: boolean;
  enabled: boolean;
  channel: string;
  /** The welcome's delay as typed. */
  delay: string;
  hour: number;
  /** The time zone as typed. */
  zone: string;
  /** The reminder's recipients as typed (an e-mail channel only). */
  to: string;
  isEmail: boolean;
}

/** The first thing wrong with what was typed, as words to show; null when it can be sent. */
export function ruleInputProblem(i: RuleInputs): InputProblem | null {
  const minutes = Number(i.delay);
  if (i.welcome && (!/^\d{1,3}$/.test(i.delay.trim()) || minutes > MAX_WELCOME_DELAY_MINUTES)) {
    return { key: 'channels.automation.badDelay', params: { max: MAX_WELCOME_DELAY_MINUTES } };
  }
  if (!Number.isInteger(i.hour) || i.hour < 0 || i.hour > 23) return { key: 'channels.automation.badHour' };
  if (!i.zone.trim()) return { key: 'channels.automation.needZone' };
  if (parseTimeZone(i.zone) === null) return { key: 'channels.automation.badZone', params: { zone: i.zone.trim() } };
  if (!i.channel) return { key: 'channels.automation.needChannel' };
  if (!i.welcome && i.enabled && i.isEmail && addressesOf(i.to).length === 0) return { key: 'channels.automation.needTo' };
  return null;
}
