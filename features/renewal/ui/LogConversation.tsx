import { useState, type FormEvent } from 'react';
import { localDate } from '../../../shared/dates/local-date';
import type { Account } from '../../../data/model/account';
import { createRecordVia } from '../../../platform/panel/data-client';
import { useTr } from '../../../shared/i18n/I18n';
import { FormMessage, saveFailed, type FormNote } from '../../../shared/ui/FormMessage';

/**
 * Logs a renewal conversation: a long-term-value note reviewed with the boss
 * or the business team, done today. It keeps the touchpoint it falls in.
 */
export function LogConversation({ account, now }: { account: Account; now: Date }) {
  const { t } = useTr();
  const [text, setText] = useState('');
  const [audience, setAudience] = useState<'boss' | 'business_team'>('boss');
  const [message, setMessage] = useState<FormNote>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return setMessage({ ok: false, text: t('conversation.empty') });
    try {
      await createRecordVia('notes', {
        accountId: account.id, kind: 'long_term_value', audience, text: text.trim(), doneAt: localDate(now),
      });
      setText('');
      setMessage({ ok: true, text: t('conversation.saved') });
    } catch (err) {
      setMessage({ ok: false, text: saveFailed(t, err) }); // what was typed stays in the field
    }
  };
  return (
    <details className="outcome">
      <summary>{t('conversation.title')}</summary>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="conv-text">{t('conversation.what')}</label>
        <input id="conv-text" value={text} onChange={(e) => setText(e.target.value)} />
        <label htmlFor="conv-audience">{t('conversation.with')}</label>
        <select id="conv-audience" value={audience} onChange={(e) => setAudience(e.target.value as 'boss' | 'business_team')}>
          <option value="boss">{t('conversation.boss')}</option>
          <option value="business_team">{t('conversation.team')}</option>
        </select>
        <button type="submit">{t('conversation.save')}</button>
        <FormMessage message={message} />
      </form>
    </details>
  );
}
