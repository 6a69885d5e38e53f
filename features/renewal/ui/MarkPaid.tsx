import { useEffect, useState } from 'react';
import type { IsoDate } from '../../../shared/dates/local-date';
import { markPaidVia } from '../../../platform/panel/data-client';
import { useTr } from '../../../shared/i18n/I18n';
import { formatDate } from '../../../shared/ui/format';
import { saveFailed, FormMessage, type FormNote } from '../../../shared/ui/FormMessage';
import { UNDO_WINDOW_MS, UndoButton, useUndoWindow } from '../../../shared/ui/UndoWindow';

/** How long "Paid on …" offers its Undo after the mark. */
export const PAID_UNDO_MS = UNDO_WINDOW_MS;

/**
 * The current term marked paid today, on the term's record (so it syncs like
 * the plan's ticks). A mark made by mistake is undone within 10 seconds: on
 * a team server the mark may schedule the CSM's welcome, and the undo
 * cancels it before it goes (docs/channels.md).
 */
export function MarkPaid({ accountId, paidAt, today }: { accountId: string; paidAt: IsoDate | undefined; today: IsoDate }) {
  const tr = useTr();
  const { t } = tr;
  // What this card just wrote, shown until the record read back says it too.
  const [written, setWritten] = useState<{ paidAt: IsoDate | null } | null>(null);
  const undo = useUndoWindow(PAID_UNDO_MS);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<FormNote>(null);
  useEffect(() => setWritten(null), [paidAt]);

  const save = async (value: IsoDate | null) => {
    setBusy(true);
    try {
      await markPaidVia({ accountId, paidAt: value });
      setWritten({ paidAt: value });
      if (value !== null) undo.start();
      else undo.close();
      setMessage(null);
    } catch (err) {
      setMessage({ ok: false, text: saveFailed(t, err) });
    } finally {
      setBusy(false);
    }
  };
  const shown = written ? written.paidAt : (paidAt ?? null);
  return (
    <div className="mark-paid" data-testid="mark-paid">
      {shown ? (
        <p role="status">
          <span data-testid="paid-on">{t('renewal.paid.on', { date: formatDate(shown, tr.locale) })}</span>
          <UndoButton open={undo.open} busy={busy} label={t('renewal.paid.undo')} onUndo={() => void save(null)} />
        </p>
      ) : (
        <p>
          <button type="button" disabled={busy} onClick={() => void save(today)}>{t('renewal.paid.mark')}</button>{' '}
          <span className="muted small">{t('renewal.paid.hint')}</span>
        </p>
      )}
      <FormMessage message={message} />
    </div>
  );
}
