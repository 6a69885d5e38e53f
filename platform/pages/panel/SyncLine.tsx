import { browser } from 'wxt/browser';
import type { AccountRef } from '../../../crm/types';
import type { MessageKey } from '../../../shared/i18n';
import { useStatus } from '../../panel/data-client';
import { useTr } from '../../../shared/i18n/I18n';

/**
 * With a team server: how fresh the data is ("as of"), what waits to be sent,
 * and the last problem in plain words. Discreet: the data stays on screen.
 */
export function SyncLine({ pageRef }: { pageRef: AccountRef }) {
  const tr = useTr();
  const { t } = tr;
  const { value: status } = useStatus(pageRef);
  if (!status || status.mode !== 'api') return null;
  const { sync, revalidation } = status;
  const asOf = revalidation?.at ?? sync.lastSyncAt;
  const time = (iso: string) => new Date(iso).toLocaleString(tr.locale, { dateStyle: 'short', timeStyle: 'short' });
  const error = revalidation?.error ?? sync.lastError;
  const discard = async (key: string) => {
    if (!window.confirm(t('sync.discardConfirm'))) return;
    await browser.runtime.sendMessage({ type: 'outbox/discard', key });
  };
  return (
    <section className="sync-line" aria-label={t('sync.mode.api')} data-testid="sync-line">
      <span>{asOf ? t('sync.asOf', { time: time(asOf) }) : t('sync.never')}</span>
      {sync.pending > 0 && <span data-testid="sync-pending"> · {tr.plural('sync.pending', sync.pending)}</span>}
      {sync.failed > 0 && <span className="error"> · {tr.plural('sync.failed', sync.failed)}</span>}
      {error && (
        <p className="warn" role="status" data-testid="sync-error">
          {t(`sync.error.${error.kind}` as MessageKey)}
        </p>
      )}
      {sync.refused.length > 0 && (
        <ul className="refused" data-testid="sync-refused">
          {/* The server's own reason (bounded, token cut out by the client); the typed text stays in the record. */}
          {sync.refused.map((w) => (
            <li key={w.key} className="error">
              {t('sync.refused', { reason: w.error?.message ?? t('sync.error.rejected') })}{' '}
              <button type="button" className="link" onClick={() => void discard(w.key)}>{t('sync.discard')}</button>
            </li>
          ))}
          <li className="muted small">{t('sync.refusedKept')}</li>
        </ul>
      )}
      <button type="button" className="link" onClick={() => void browser.runtime.sendMessage({ type: 'sync/now' })}>
        {t('sync.syncNow')}
      </button>
    </section>
  );
}
