import type { Account } from '../../../data/model/account';
import { useRecords } from '../../../platform/panel/data-client';
import { useTr } from '../../../shared/i18n/I18n';
import { ExpectationNotes, type ExpectationTiming } from './ExpectationNotes';
import { PromiseLedger } from './PromiseLedger';

/** Expectation management: the promise ledger and the expectation notes. */
export function ExpectationsTab({ account, now, service }: { account: Account; now: Date; service: ExpectationTiming }) {
  const { t } = useTr();
  const promises = useRecords('promises', account.id);
  const notes = useRecords('notes', account.id);
  if (!promises || !notes) return <p className="muted">{t('panel.loading')}</p>;
  return (
    <>
      <PromiseLedger accountId={account.id} promises={promises} now={now} {...(account.signedAt ? { signedAt: account.signedAt } : {})} />
      <ExpectationNotes account={account} notes={notes} settings={service} now={now} />
    </>
  );
}
