import type { InvolvementReason } from '..';
import type { MessageKey } from '../../../shared/i18n';
import { useTr } from '../../../shared/i18n/I18n';
import { formatMoney } from '../../../shared/ui/format';

type Tr = ReturnType<typeof useTr>;

function reasonText(r: InvolvementReason, { t, locale }: Tr): string {
  switch (r.code) {
    case 'value_small':
    case 'value_large': {
      // An amount with no currency is shown as the bare number, against the USD threshold it was compared with.
      const text = t(`involvement.${r.code}`, { value: formatMoney(r.value, r.assumed ? undefined : r.currency, locale), limit: formatMoney(r.limit, r.currency, locale) });
      return r.assumed ? `${text} ${t('involvement.value_assumed')}` : text;
    }
    case 'value_no_limit':
      return t('involvement.value_no_limit', { value: formatMoney(r.value, r.currency, locale), currency: r.currency });
    case 'cycle_short':
    case 'cycle_long':
      return t(`involvement.${r.code}`, { days: r.days, limit: r.limit });
    case 'implementation_short':
    case 'implementation_long':
      return t(`involvement.${r.code}`, { weeks: r.weeks, limit: r.limit });
    default:
      return t(`involvement.${r.code}`);
  }
}

/** When CS should join the sale (after it closes, or at about 70%), and why: a value with its currency, against the threshold in that currency. */
export function InvolvementCard({ when, reasons }: { when: 'after_close' | 'at_70_percent' | 'undecided'; reasons: InvolvementReason[] }) {
  const tr = useTr();
  const { t } = tr;
  return (
    <section className="card" aria-labelledby="involvement-title">
      <h2 id="involvement-title">{t('involvement.title')}</h2>
      <p className="loud" data-testid="involvement">{t(`involvement.when.${when}` as MessageKey)}</p>
      <ul className="reasons">
        {reasons.map((r) => <li key={r.code}>{reasonText(r, tr)}</li>)}
      </ul>
    </section>
  );
}
