import { useEffect, useState } from 'react';
import type { IsoDate } from '../../../shared/dates/local-date';
import { markSignedVia, ServerRefusal } from '../../../platform/panel/deal-client';
import type { Translate } from '../../../shared/i18n';
import { useTr } from '../../../shared/i18n/I18n';
import { formatDate } from '../../../shared/ui/format';
import { saveFailed, FormMessage, type FormNote } from '../../../shared/ui/FormMessage';
import { UNDO_WINDOW_MS, UndoButton, useUndoWindow } from '../../../shared/ui/UndoWindow';

/** How long "Signed on …" offers its Undo after the mark. */
export const SIGNED_UNDO_MS = UNDO_WINDOW_MS;

/** Why the team server did not take the mark, in the user's language: out of reach, signed out, or refused in its own words. */
function refusalText(t: Translate, err: ServerRefusal): string {
  if (['offline', 'timeout', 'server'].includes(err.kind)) return t('deal.signed.unreachable');
  if (['signed_out', 'unauthorized'].includes(err.kind)) return t('deal.signed.signIn');
  return t('deal.signed.refused', { reason: err.message });
}

/** What the deal page knows of the deal, for the handover draft the mark starts. */
export interface SignedDeal {
  name?: string;
  amount?: number;
  currency?: string;
}

/**
 * The deal marked signed: the linked account's signing date set to today,
 * and, when the account has no handover yet, its handover draft started from
 * the deal (the background decides). Undo, within 10 seconds, puts back the
 * date the account had before (or none), so a slip does not start the
 * no-pitch window and onboarding, and takes back a draft the mark started
 * while nobody has edited it.
 */
export function MarkSigned({ accountId, signedAt, today, deal, onOpenHandover }: {
  accountId: string;
  signedAt: IsoDate | undefined;
  today: IsoDate;
  deal?: SignedDeal | undefined;
  /** Opens the account's handover (the page shell decides how). */
  onOpenHandover?: (() => void) | undefined;
}) {
  const tr = useTr();
  const { t } = tr;
  // What this card just wrote, shown until the record read back says it too.
  const [written, setWritten] = useState<{ signedAt: IsoDate | null } | null>(null);
  // The date the account had before the mark: what Undo puts back (null: none).
  const [before, setBefore] = useState<IsoDate | null>(null);
  // The creation moment of the handover draft the mark started: what Undo takes back.
  const [draft, setDraft] = useState<string | null>(null);
  const undo = useUndoWindow(SIGNED_UNDO_MS);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<FormNote>(null);
  useEffect(() => setWritten(null), [signedAt]);

  const save = async (value: IsoDate | null, undoing: boolean) => {
    setBusy(true);
    try {
      const result = await markSignedVia({ accountId, signedAt: value, ...(undoing ? (draft ? { undoDraft: draft } : {}) : deal ? { deal } : {}) });
      setWritten({ signedAt: value });
      setDraft(undoing ? null : result.draftStarted);
      if (undoing) undo.close();
      else undo.start();
      setMessage(null);
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ServerRefusal ? refusalText(t, err) : saveFailed(t, err) });
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
      {draft && shown === today && (
        <p data-testid="handover-draft-started">
          {t('deal.draft.started')}
          {onOpenHandover && <button type="button" className="link" onClick={onOpenHandover}>{t('deal.draft.open')}</button>}
        </p>
      )}
      <FormMessage message={message} />
    </div>
  );
}
