import { useEffect, useState, type FormEvent } from 'react';
import { useTr } from '../../../shared/i18n/I18n';
import { FormMessage } from '../../../shared/ui/FormMessage';
import { useDraft } from '../../../shared/ui/Unsaved';
import { playsItem } from '../../plays-item';
import { CTA_KINDS, defaultSteps, parsePlayText, validPlays, type CustomPlays } from '../../plays';

/**
 * Options: each CTA kind's play, one step per line. A play left as its default
 * is not stored, so it follows the user's language; a rewritten one is stored
 * as written. Stored entries of kinds no longer registered are kept.
 */
export function PlaysEditor() {
  const tr = useTr();
  const { t } = tr;
  const [texts, setTexts] = useState<Record<string, string> | null>(null);
  const [kept, setKept] = useState<CustomPlays>({});
  const [warning, setWarning] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const nameOf = (code: string) => {
    const kind = CTA_KINDS.find((k) => k.code === code);
    return kind ? t(kind.name) : code;
  };

  useEffect(() => {
    void playsItem.getValue().then((stored) => {
      const { custom, unreadable } = validPlays(stored);
      const loaded = Object.fromEntries(CTA_KINDS.map((k) => [k.code, (custom[k.code] ?? defaultSteps(k, tr)).join('\n')]));
      setTexts(loaded);
      markSaved(loaded);
      setKept(Object.fromEntries(Object.entries(custom).filter(([code]) => !CTA_KINDS.some((k) => k.code === code))));
      if (unreadable.includes('*')) setWarning(t('play.settings.unreadableAll'));
      else if (unreadable.length > 0) setWarning(t('play.settings.unreadable', { kinds: unreadable.map((c) => `“${nameOf(c)}”`).join(', ') }));
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tr.locale]);

  const markSaved = useDraft('plays-title', t('play.settings.title'), texts, () => save());
  if (!texts) return null;
  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    const custom: CustomPlays = { ...kept };
    for (const kind of CTA_KINDS) {
      const parsed = parsePlayText(texts[kind.code] ?? '');
      if ('problem' in parsed) return setMessage({ ok: false, text: t('play.settings.notSaved', { kind: t(kind.name), problem: t(`play.settings.problem.${parsed.problem}`) }) });
      if (parsed.steps.join('\n') !== defaultSteps(kind, tr).join('\n')) custom[kind.code] = parsed.steps;
    }
    await playsItem.setValue(Object.keys(custom).length > 0 ? custom : null);
    markSaved(texts);
    setWarning(null);
    setMessage({ ok: true, text: t('play.settings.saved') });
  };

  return (
    <section className="card" aria-labelledby="plays-title">
      <h2 id="plays-title">{t('play.settings.title')}</h2>
      <p className="muted">{t('play.settings.intro')}</p>
      {warning && <p className="error" role="alert">{warning}</p>}
      <form onSubmit={(e) => void save(e)} noValidate>
        {CTA_KINDS.map((kind) => {
          const id = `play-${kind.code}`;
          const isDefault = texts[kind.code]!.trim() === defaultSteps(kind, tr).join('\n');
          return (
            <div key={kind.code} className="field">
              <label htmlFor={id}>
                {t(kind.name)}
                {!isDefault && <span className="muted small"> · {t('play.settings.edited')}</span>}
              </label>
              <textarea id={id} rows={6} value={texts[kind.code]} onChange={(e) => setTexts({ ...texts, [kind.code]: e.target.value })} />
              {!isDefault && (
                <button type="button" className="link" onClick={() => setTexts({ ...texts, [kind.code]: defaultSteps(kind, tr).join('\n') })}>
                  {t('play.settings.default')}
                </button>
              )}
            </div>
          );
        })}
        <button type="submit" className="primary">{t('play.settings.save')}</button>
        <FormMessage message={message} />
      </form>
    </section>
  );
}
