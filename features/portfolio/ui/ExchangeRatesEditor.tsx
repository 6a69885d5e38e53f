import { useEffect, useState, type FormEvent } from 'react';
import { exchangeRatesItem, parseRates, ratesToText, validRates } from '../rates';
import { useTr } from '../../../shared/i18n/I18n';
import { useDraft } from '../../../shared/ui/Unsaved';
import { FormMessage, saveFailed, type FormNote } from '../../../shared/ui/FormMessage';

/**
 * Exchange rates for the portfolio's converted GRR and NRR: a base currency
 * and one "CODE rate" per line. Without rates the figures stay per currency.
 * A text with a bad line is refused whole and stays in the box to fix.
 */
export function ExchangeRatesEditor() {
  const { t } = useTr();
  const [base, setBase] = useState('USD');
  const [text, setText] = useState('');
  const [message, setMessage] = useState<FormNote>(null);
  useEffect(() => {
    void exchangeRatesItem.getValue().then((v) => {
      const r = validRates(v);
      if (!r) return markSaved(['USD', '']);
      setBase(r.base);
      setText(ratesToText(r));
      markSaved([r.base, ratesToText(r)]);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const markSaved = useDraft('rates-title', t('portfolio.rates.title'), [base, text], () => save());
  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    const parsed = parseRates(base, text);
    if (!parsed.ok) return setMessage({ ok: false, text: t(`portfolio.rates.invalid.${parsed.problem}`, { line: parsed.line }) });
    try {
      await exchangeRatesItem.setValue(parsed.rates);
      setBase(parsed.rates.base);
      markSaved([parsed.rates.base, text]);
      setMessage({ ok: true, text: t('portfolio.rates.saved', { n: Object.keys(parsed.rates.rates).length }) });
    } catch (err) {
      setMessage({ ok: false, text: saveFailed(t, err) });
    }
  };
  const clear = async () => {
    await exchangeRatesItem.setValue(null);
    setText('');
    markSaved([base, '']);
    setMessage({ ok: true, text: t('portfolio.rates.cleared') });
  };
  return (
    <section className="card" aria-labelledby="rates-title">
      <h2 id="rates-title">{t('portfolio.rates.title')}</h2>
      <p className="muted">{t('portfolio.rates.intro')}</p>
      <form onSubmit={(e) => void save(e)} noValidate>
        <label htmlFor="rates-base">{t('portfolio.rates.base')}</label>
        <input id="rates-base" value={base} maxLength={3} onChange={(e) => setBase(e.target.value)} />
        <label htmlFor="rates-lines">{t('portfolio.rates.lines')}</label>
        <textarea id="rates-lines" rows={4} value={text} placeholder="CNY 0.14" onChange={(e) => setText(e.target.value)} />
        <div className="row">
          <button type="submit" className="primary">{t('portfolio.rates.save')}</button>
          <button type="button" onClick={() => void clear()}>{t('portfolio.rates.clear')}</button>
        </div>
        <FormMessage message={message} />
      </form>
    </section>
  );
}
