import { useEffect, useState } from 'react';
import type { IsoDate } from '../../../shared/dates/local-date';
import { markSignedVia } from '../../../platform/panel/deal-client';
import { useTr } from '../../../shared/i18n/I18n';
import { formatDate } from '../../../shared/ui/format';
import { saveFailed, FormMessage, type FormNote } from '../../../shared/ui/FormMessage';
import { UNDO_WINDOW_MS, UndoButton, useUndoWindow } from '../../../shared/ui/UndoWindow';

/** How long "Signed on …" offers its Undo after the mark. */
export const SIGNED_UNDO_MS = UNDO_WINDOW_MS;

/**
 * The deal marked signed: the linked account's signing date set to today.
 * Undo, within 10 seconds, puts back the date the account had before (or
 * none), so a slip does not start the no-pitch window and onboarding.
 */
export function MarkSigned({ accountId, signedAt, today }: { accountId: string; signedAt: IsoDate | undefined; today: IsoDate }) {
  const tr = useTr();
  const { t } = tr;
  // What this card just wrote, shown until the record read back says it too.
  const [written, setWritten] = useState<{ signedAt: IsoDate | null } | null>(null);
  // The date the account had before the mark: what Undo puts back (null: none).
  const [before, setBefore] = useState<IsoDate | null>(null);
  const undo = useUndoWindow(SIGNED_UNDO_MS);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<FormNote>(null);
  useEffect(() => setWritten(null), [signedAt]);

  const save = async (value: IsoDate | null, undoing: boolean) => {
    setBusy(true);
    try {
      await markSignedVia({ accountId, signedAt: value });
      setWritten({ signedAt: value });
      if (undoing) undo.close();
      else undo.start();
      setMessage(null);
    } catch (err) {
      setMessage({ ok: false, text: saveFailed(t, err) });
    } finally {
      setBusy(false);
    }
  };
  const mark = () => {
    setBefore(signedAt ?? null);
    void save(today, false);
  };
  const shown = written ? written.signedAt : (signedAt ?? null);
  return (
    <div className="mark-signed" data-testid="mark-signed">
      {shown === today ? (
        <p role="status">
          <span data-testid="signed-on">{t('deal.signed.on', { date: formatDate(today, tr.locale) })}</span>
          <UndoButton open={undo.open} busy={busy} label={t('deal.signed.undo')} onUndo={() => void save(before, true)} />
        </p>
      ) : (
        <>
          {shown && <p className="muted small" data-testid="signed-on">{t('deal.signed.on', { date: formatDate(shown, tr.locale) })}</p>}
          <p>
            <button type="button" disabled={busy} onClick={mark}>{t('deal.signed.mark')}</button>{' '}
            <span className="muted small">{t('deal.signed.hint')}</span>
          </p>
        </>
      )}
      <FormMessage message={message} />
    </div>
  );
}
