import type { InvolvementReason } from '..';
import type { MessageKey } from '../../../shared/i18n';
import { useTr } from '../../../shared/i18n/I18n';

function reasonText(r: InvolvementReason, t: ReturnType<typeof useTr>['t']): string {
  switch (r.code) {
    case 'value_small':
    case 'value_large':
      return t(`involvement.${r.code}`, { value: r.value.toLocaleString(), limit: r.limit.toLocaleString() });
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

/** When CS should join the sale (after it closes, or at about 70%), and why. */
export function InvolvementCard({ when, reasons }: { when: 'after_close' | 'at_70_percent' | 'undecided'; reasons: InvolvementReason[] }) {
  const { t } = useTr();
  return (
    <section className="card" aria-labelledby="involvement-title">
      <h2 id="involvement-title">{t('involvement.title')}</h2>
      <p className="loud" data-testid="involvement">{t(`involvement.when.${when}` as MessageKey)}</p>
      <ul className="reasons">
        {reasons.map((r) => <li key={r.code}>{reasonText(r, t)}</li>)}
      </ul>
    </section>
  );
}
