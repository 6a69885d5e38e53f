import { useState, type FormEvent } from 'react';
import type { AccountRef } from '../../../crm/types';
import { isIsoDate } from '../../../shared/dates/local-date';
import { parsePageDate } from '../../../shared/dates/parse-page-date';
import { useTr } from '../../../shared/i18n/I18n';
import { saveFailed } from '../../../shared/ui/FormMessage';

/** Shown when the open record is not in the user's data: a name and a contract end start tracking it. */
export function AddAccountForm({ pageRef, onAdd }: { pageRef: AccountRef; onAdd: (input: { name: string; contractEnd: string }) => Promise<void> }) {
  const { t } = useTr();
  const [name, setName] = useState(pageRef.name ?? '');
  // The page's own contract end, where it writes one unambiguously, saves typing.
  const [contractEnd, setContractEnd] = useState(parsePageDate(pageRef.fields?.contractEnd) ?? '');
  const [errors, setErrors] = useState<{ name?: string; contractEnd?: string; save?: string }>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!name.trim()) next.name = t('form.nameRequired');
    if (!isIsoDate(contractEnd)) next.contractEnd = t('form.dateRequired');
    setErrors(next);
    if (next.name || next.contractEnd) return;
    setBusy(true);
    try {
      await onAdd({ name: name.trim(), contractEnd });
    } catch (err) {
      setErrors({ save: saveFailed(t, err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="unknown-title">
      <h1 id="unknown-title">{t('panel.unknownTitle')}</h1>
      <p className="muted">{t('panel.unknownBody')}</p>
      {pageRef.fields && Object.keys(pageRef.fields).length > 0 && (
        <dl className="facts page-fields" aria-label={t('page.shows')}>
          {pageRef.fields.owner && (<><dt>{t('labels.owner')}</dt><dd>{pageRef.fields.owner}</dd></>)}
          {pageRef.fields.contractEnd && (<><dt>{t('labels.contractEnd')}</dt><dd>{pageRef.fields.contractEnd}</dd></>)}
          {pageRef.fields.annualValue && (<><dt>{t('labels.annualValue')}</dt><dd>{pageRef.fields.annualValue}</dd></>)}
        </dl>
      )}
      <form onSubmit={submit} noValidate>
        <label htmlFor="add-name">{t('form.name')}</label>
        <input id="add-name" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={!!errors.name} aria-describedby={errors.name ? 'add-name-error' : undefined} />
        {errors.name && <p id="add-name-error" className="error" role="alert">{errors.name}</p>}
        <label htmlFor="add-end">{t('form.contractEnd')}</label>
        <input id="add-end" type="date" value={contractEnd} onChange={(e) => setContractEnd(e.target.value)} aria-invalid={!!errors.contractEnd} aria-describedby={errors.contractEnd ? 'add-end-error' : undefined} />
        {errors.contractEnd && <p id="add-end-error" className="error" role="alert">{errors.contractEnd}</p>}
        {errors.save && <p className="error" role="alert">{errors.save}</p>}
        <button type="submit" className="primary" disabled={busy}>{busy ? t('form.adding') : t('form.add')}</button>
      </form>
    </section>
  );
}
