import { useState } from 'react';
import { localDate } from '../../../shared/dates/local-date';
import type { KeptRow } from '../answers';
import { discardKeptRow, exportKeptAside, useKeptRows } from '../client';
import { download } from '../../../shared/ui/download';
import { useTr } from '../../../shared/i18n/I18n';

/**
 * Options-page section: rows an upgrade could not keep as they were. Shown
 * only when there are some; the user can export them and discard them one by
 * one (a second click confirms, since a discarded row is gone for good). The
 * list is a live watch of the background's data port, so a discard shows at once.
 */
export function KeptAside() {
  const tr = useTr();
  const { t } = tr;
  const entries = useKeptRows().value;
  const [confirming, setConfirming] = useState<number | undefined>();
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  if (!entries?.length) return null;

  const fail = (reason: string) => setError(t('keptAside.failed', { reason }));
  const exportAll = async () => {
    setError('');
    const file = `account-lens-kept-aside-${localDate(new Date())}.json`;
    const answer = await exportKeptAside().catch((err: unknown) => ({ ok: false as const, reason: String(err) }));
    if (!answer.ok) return fail(answer.reason);
    download(file, answer.text, 'application/json');
    setStatus(t('keptAside.exported', { file }));
  };
  const discard = async (seq: number) => {
    setError('');
    const answer = await discardKeptRow(seq).catch((err: unknown) => ({ ok: false as const, reason: String(err) }));
    if (!answer.ok) return fail(answer.reason);
    setConfirming(undefined);
  };
  const reason = (e: KeptRow) => (e.reason === 'merged' ? t('keptAside.reason.merged', { into: e.into ?? '' }) : t(`keptAside.reason.${e.reason}`));

  return (
    <section className="card import" aria-labelledby="kept-aside-title">
      <h2 id="kept-aside-title">{t('keptAside.title')}</h2>
      <p className="muted">{t('keptAside.intro')}</p>
      <p>{tr.plural('keptAside.count', entries.length)}</p>
      <div className="import-table">
        <table data-testid="kept-aside">
          <thead>
            <tr><th scope="col">{t('keptAside.col.row')}</th><th scope="col">{t('keptAside.col.reason')}</th><th scope="col">{t('keptAside.col.action')}</th></tr>
          </thead>
          <tbody>
            {entries.map((e) => {
              const row = e.row;
              return (
                <tr key={e.seq}>
                  <td>{row}</td>
                  <td>
                    {reason(e)}
                    <br />
                    <span className="muted">{t('keptAside.step', { step: e.step, detail: e.detail })}</span>
                  </td>
                  <td>
                    {confirming === e.seq ? (
                      <>
                        <button type="button" onClick={() => void discard(e.seq)}>{t('keptAside.confirmDiscard')}</button>{' '}
                        <button type="button" onClick={() => setConfirming(undefined)}>{t('keptAside.keep')}</button>
                      </>
                    ) : (
                      <button type="button" aria-label={t('keptAside.discardRow', { row })} onClick={() => setConfirming(e.seq)}>{t('keptAside.discard')}</button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="row">
        <button type="button" onClick={() => void exportAll()}>{t('keptAside.export')}</button>
      </div>
      <p role="status" aria-live="polite">{status}</p>
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  );
}
