import { useState, type FormEvent } from 'react';
import { addDays, localDate } from '../../../shared/dates/local-date';
import { BANDS, type Band } from '../../../data/model/common';
import { DEFAULT_SERVICE_DAY, type BandOverride as Override, type ServicePlan } from '../../../data/model/records';
import { putRecordVia } from '../../../platform/panel/data-client';
import type { MessageKey } from '../../../shared/i18n';
import { useTr } from '../../../shared/i18n/I18n';
import { settingsItem } from '../../../shared/settings';
import { formatDate } from '../../../shared/ui/format';
import { FormMessage, saveFailed, type FormNote } from '../../../shared/ui/FormMessage';
import { checkOverride, OVERRIDE_DEFAULT_DAYS, OVERRIDE_MAX_DAYS } from '../override';

/**
 * The CSM's read of the band over the computed one: shown as an override with
 * its reason, its author and its last day, and removable; or set here with a
 * reason and a last day (at most a quarter ahead).
 */
export function BandOverride({ accountId, plan, override, computedBand, now }: {
  accountId: string;
  plan: ServicePlan | undefined;
  override: Override | undefined;
  computedBand: Band | undefined;
  now: Date;
}) {
  const tr = useTr();
  const { t } = tr;
  const today = localDate(now);
  const [open, setOpen] = useState(false);
  const [band, setBand] = useState<Band>(computedBand === 'red' ? 'yellow' : 'red');
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState(addDays(today, OVERRIDE_DEFAULT_DAYS));
  const [message, setMessage] = useState<FormNote>(null);
  // The plan holds the override; an account without a plan gets the default one with it.
  const at = plan ?? { id: `plan:${accountId}`, accountId };
  const base = plan ? {} : { serviceDay: DEFAULT_SERVICE_DAY, language: tr.locale === 'zh-CN' ? ('zh-CN' as const) : ('en' as const) };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkOverride({ band, reason, until }, today, (await settingsItem.getValue()).myName);
    if (!checked.ok) return setMessage({ ok: false, text: t(`health.override.problem.${checked.problem}` as MessageKey, { days: OVERRIDE_MAX_DAYS }) });
    try {
      await putRecordVia('plans', at, { ...base, bandOverride: checked.value });
      setMessage({ ok: true, text: t('health.override.saved') });
      setOpen(false);
      setReason('');
    } catch (err) {
      setMessage({ ok: false, text: saveFailed(t, err) });
    }
  };
  const remove = async () => {
    try {
      await putRecordVia('plans', at, {}, { unset: ['bandOverride'] });
      setMessage({ ok: true, text: t('health.override.removed') });
    } catch (err) {
      setMessage({ ok: false, text: saveFailed(t, err) });
    }
  };

  if (override)
    return (
      <div className="override" data-testid="band-override" role="note">
        <p>
          <span className={`badge band-${override.band}`}>{t(`band.${override.band}`)}</span>{' '}
          {t(override.by ? 'health.override.setBy' : 'health.override.set', { by: override.by ?? '', date: formatDate(override.until, tr.locale) })}{' '}
          {computedBand && computedBand !== override.band && <span className="muted">{t('health.override.computed', { band: t(`band.${computedBand}`) })}</span>}
        </p>
        <p className="small">{t('health.override.reason', { reason: override.reason })}</p>
        <button type="button" className="link" onClick={() => void remove()}>{t('health.override.remove')}</button>
        <FormMessage message={message} />
      </div>
    );
  if (!open)
    return (
      <div className="override">
        <button type="button" className="link" onClick={() => setOpen(true)}>{t('health.override.open')}</button>
        <FormMessage message={message} />
      </div>
    );
  return (
    <form className="override" noValidate onSubmit={(e) => void save(e)} aria-label={t('health.override.title')}>
      <label htmlFor="ov-band">{t('health.override.band')}</label>
      <select id="ov-band" value={band} onChange={(e) => setBand(e.target.value as Band)}>
        {BANDS.map((b) => <option key={b} value={b}>{t(`band.${b}`)}</option>)}
      </select>
      <label htmlFor="ov-reason">{t('health.override.reasonLabel')}</label>
      <input id="ov-reason" value={reason} maxLength={300} onChange={(e) => setReason(e.target.value)} />
      <label htmlFor="ov-until">{t('health.override.until')}</label>
      <input id="ov-until" type="date" value={until} min={today} max={addDays(today, OVERRIDE_MAX_DAYS)} onChange={(e) => setUntil(e.target.value)} />
      <div className="row">
        <button type="submit" className="primary">{t('health.override.save')}</button>
        <button type="button" onClick={() => setOpen(false)}>{t('health.override.cancel')}</button>
      </div>
      <FormMessage message={message} />
    </form>
  );
}
