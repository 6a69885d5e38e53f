import type { Account } from '../../lib/model/account';
import { useRecords } from '../../lib/panel/data-client';
import type { ServiceSettings } from '../../lib/service/settings';
import { useTr } from '../I18n';
import { ExpectationNotes } from './ExpectationNotes';
import { PromiseLedger } from './PromiseLedger';

/** Expectation management: the promise ledger and the expectation notes. */
export function ExpectationsTab({ account, now, service }: { account: Account; now: Date; service: ServiceSettings }) {
  const { t } = useTr();
  const promises = useRecords('promises', account.id);
  const notes = useRecords('notes', account.id);
  if (!promises || !notes) return <p className="muted">{t('panel.loading')}</p>;
  return (
    <>
      <PromiseLedger accountId={account.id} promises={promises} now={now} />
      <ExpectationNotes account={account} notes={notes} settings={service} now={now} />
    </>
  );
}
