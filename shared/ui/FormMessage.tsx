import { isStorageFull, isStorageUnavailable } from '../../data/db/storage-full';
import type { Translate } from '../i18n';

/** What a form says after the user acted: confirmed (a status) or refused (an alert). */
export type FormNote = { ok: boolean; text: string } | null;

/** "Could not save: <why>", in the user's language; storage being full (or unopenable) is said plainly, with what to do. */
export const saveFailed = (t: Translate, err: unknown): string =>
  isStorageFull(err)
    ? t('form.storageFull')
    : isStorageUnavailable(err)
      ? t('form.storageUnavailable')
      : t('form.saveFailed', { reason: err instanceof Error ? err.message : String(err) });

/** The form's last word, announced politely when it went well and at once when it did not. */
export function FormMessage({ message }: { message: FormNote }) {
  return message ? <p className={message.ok ? '' : 'error'} role={message.ok ? 'status' : 'alert'}>{message.text}</p> : null;
}
