import type { HandoverDeal } from '../../../data/model/handover';
import { useTr } from '../../../shared/i18n/I18n';
import { formatDate, formatMoney } from '../../../shared/ui/format';

/** The deal a handover started from (Mark signed on the deal's page): its name, amount, signing day and salesperson. */
export function DealSource({ deal }: { deal: HandoverDeal }) {
  const tr = useTr();
  const { t } = tr;
  const parts = [
    deal.name,
    deal.amount !== undefined ? formatMoney(deal.amount, deal.currency, tr.locale) : undefined,
    deal.signedAt ? t('handover.deal.signedOn', { date: formatDate(deal.signedAt, tr.locale) }) : undefined,
    deal.salesperson ? t('handover.deal.salesperson', { who: deal.salesperson }) : undefined,
  ].filter((p): p is string => !!p);
  return <p className="muted small" data-testid="handover-deal">{t('handover.deal.from')} {parts.join(' · ')}</p>;
}
