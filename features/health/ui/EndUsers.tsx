import { latestUsageReading, type HealthSnapshot } from '../../../data/model/records';
import type { IsoDate } from '../../../shared/dates/local-date';
import { useTr } from '../../../shared/i18n/I18n';
import { formatDate } from '../../../shared/ui/format';

/**
 * The end users apart from the company: the customer may be healthy on
 * paper while few of the people it bought seats for use the product. Shown
 * only when the usage data counts them.
 */
export function EndUsers({ snapshots, today }: { snapshots: readonly Pick<HealthSnapshot, 'asOf' | 'deleted' | 'usage'>[]; today: IsoDate }) {
  const tr = useTr();
  const { t } = tr;
  const reading = latestUsageReading(snapshots, today, (u) => u.activeUsers !== undefined);
  if (!reading) return null;
  const { activeUsers = 0, seats, knownUsers } = reading.usage!;
  return (
    <div className="end-users" data-testid="health-end-users">
      <h3 className="small">{t('health.endUsers.title')}</h3>
      <p className="small">
        {seats ? t('health.endUsers.active', { active: activeUsers, seats }) : t('health.endUsers.activeNoSeats', { active: activeUsers })}
        {knownUsers !== undefined && <> · {t('health.endUsers.known', { known: knownUsers })}</>}
        <span className="muted"> · {t('account.healthAsOf', { date: formatDate(reading.asOf, tr.locale) })}</span>
      </p>
    </div>
  );
}
