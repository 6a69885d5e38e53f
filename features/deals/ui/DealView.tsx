import type { ReactNode } from 'react';
import type { DealRef } from '../../../crm/types';
import type { Account } from '../../../data/model/account';
import type { IsoDate } from '../../../shared/dates/local-date';
import { useTr } from '../../../shared/i18n/I18n';
import { formatMoney } from '../../../shared/ui/format';
import type { DealLink } from '../deal';
import { MarkSigned } from './MarkSigned';

/**
 * A deal (opportunity) page's panel: the deal's name and amount with its
 * currency, the account it belongs to and whether it is in the data, when
 * customer success joins this sale (`involvement`, given by the page shell),
 * and Mark signed for an account in the data.
 */
export function DealView({ deal, link, accountName, account, today, involvement, onOpenHandover }: {
  deal: DealRef;
  link: DealLink;
  /** The linked account's name as the page shows it. */
  accountName?: string | undefined;
  /** The stored account, when link is 'in_data'. */
  account?: Account | null | undefined;
  today: IsoDate;
  involvement?: ReactNode;
  /** Opens the account's handover after Mark signed started its draft (the page shell decides how). */
  onOpenHandover?: (() => void) | undefined;
}) {
  const tr = useTr();
  const { t } = tr;
  const amount = deal.amount;
  const name = account?.name ?? accountName ?? deal.account?.name;
  const signedDeal = {
    ...(deal.name ? { name: deal.name } : {}),
    ...(amount && Number.isFinite(amount.amount) ? { amount: amount.amount } : {}),
    ...(amount?.currency ? { currency: amount.currency } : {}),
  };
  return (
    <>
      <section className="card" aria-labelledby="deal-title" data-testid="deal-view">
        <h2 id="deal-title">{t('deal.title')}: <span data-testid="deal-name">{deal.name ?? deal.recordId}</span></h2>
        <dl className="facts">
          <dt>{t('deal.amount')}</dt>
          <dd data-testid="deal-amount">
            {amount ? (amount.currency ? formatMoney(amount.amount, amount.currency, tr.locale) : `${formatMoney(amount.amount, undefined, tr.locale)} (${t('deal.currencyUnknown')})`) : t('deal.amountUnknown')}
          </dd>
          <dt>{t('deal.account')}</dt>
          <dd data-testid="deal-account">
            {name ?? t('deal.unknownAccount')}
            {link === 'in_data' && <> · <span className="muted">{t('deal.accountInData')}</span></>}
          </dd>
        </dl>
        {link === 'no_link' && <p className="muted" role="note" data-testid="deal-no-link">{t('deal.noLink')}</p>}
        {link === 'not_in_data' && <p className="muted" role="note" data-testid="deal-not-in-data">{t('deal.notInData', { name: name ?? t('deal.unknownAccount') })}</p>}
        {link === 'in_data' && account && account.source === 'api' && <p className="muted" role="note" data-testid="deal-server-owned">{t('deal.signed.serverOwned')}</p>}
        {link === 'in_data' && account && (
          <MarkSigned accountId={account.id} signedAt={account.signedAt} today={today} deal={signedDeal} onOpenHandover={onOpenHandover} />
        )}
      </section>
      {involvement}
    </>
  );
}
