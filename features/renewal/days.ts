import { daysBetween, type IsoDate } from '../../shared/dates/local-date';
import type { Translator } from '../../shared/i18n';

/** Days from the user's local today to the contract end: negative once it has passed. */
export const daysToRenewal = (contractEnd: IsoDate, today: IsoDate): number => daysBetween(today, contractEnd);

/** "renews in 45 days", "renews today", "contract ended 3 days ago". */
export function renewalPhrase(days: number, tr: Translator): string {
  if (days > 0) return tr.plural('renewal.inDays', days);
  if (days === 0) return tr.t('renewal.today');
  return tr.plural('renewal.expired', -days);
}
