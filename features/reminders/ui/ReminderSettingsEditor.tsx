import { useEffect, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { reminderSettingsItem } from '../settings-item';
import { DEFAULT_REMINDER_SETTINGS, ReminderSettingsSchema, validReminderSettings, type ReminderSettings } from '../settings';
import { useTr } from '../../../shared/i18n/I18n';
import { FormMessage } from '../../../shared/ui/FormMessage';
import { useDraft } from '../../../shared/ui/Unsaved';

/** Reminders: which kinds, when the daily check runs, and quiet hours. */
export function ReminderSettingsEditor() {
  const { t } = useTr();
  const [form, setForm] = useState<ReminderSettings>(DEFAULT_REMINDER_SETTINGS);
  const [quiet, setQuiet] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    void reminderSettingsItem.getValue().then((v) => {
      const s = validReminderSettings(v);
      setForm(s);
      setQuiet(s.quietHours !== null);
      markSaved([s, s.quietHours !== null]);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const markSaved = useDraft('reminders-title', t('reminder.settings.title'), [form, quiet], () => save());
  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    const candidate = { ...form, quietHours: quiet ? (form.quietHours ?? { from: '20:00', to: '08:00' }) : null };
    const checked = ReminderSettingsSchema.safeParse(candidate);
    if (!checked.success) return setMessage({ ok: false, text: t('reminder.settings.invalid') });
    await reminderSettingsItem.setValue(checked.data);
    markSaved([form, quiet]);
    setMessage({ ok: true, text: t('reminder.settings.saved') });
  };
  const checkNow = async () => {
    const answer = (await browser.runtime.sendMessage({ type: 'reminders/check' })) as { ok?: boolean; notified?: number } | null;
    setMessage({ ok: Boolean(answer?.ok), text: answer?.ok ? t('reminder.settings.checked', { n: answer.notified ?? 0 }) : t('reminder.settings.invalid') });
  };
  const kinds = ['touchpoints', 'ctas', 'serviceDays'] as const;
  return (
    <section className="card" aria-labelledby="reminders-title">
      <h2 id="reminders-title">{t('reminder.settings.title')}</h2>
      <p className="muted">{t('reminder.settings.intro')}</p>
      <form onSubmit={(e) => void save(e)} noValidate>
        {kinds.map((k) => (
          <label key={k} className="choice">
            <input type="checkbox" checked={form.enabled[k]} onChange={(e) => setForm({ ...form, enabled: { ...form.enabled, [k]: e.target.checked } })} />
            {t(`reminder.settings.kind.${k}`)}
          </label>
        ))}
        <label htmlFor="rem-at">{t('reminder.settings.checkAt')}</label>
        <input id="rem-at" type="time" value={form.checkAt} onChange={(e) => setForm({ ...form, checkAt: e.target.value })} />
        <label className="choice">
          <input type="checkbox" checked={quiet} onChange={(e) => setQuiet(e.target.checked)} /> {t('reminder.settings.quiet')}
        </label>
        {quiet && (
          <div className="row">
            <label htmlFor="rem-from">{t('reminder.settings.from')}</label>
            <input id="rem-from" type="time" value={form.quietHours?.from ?? '20:00'} onChange={(e) => setForm({ ...form, quietHours: { from: e.target.value, to: form.quietHours?.to ?? '08:00' } })} />
            <label htmlFor="rem-to">{t('reminder.settings.to')}</label>
            <input id="rem-to" type="time" value={form.quietHours?.to ?? '08:00'} onChange={(e) => setForm({ ...form, quietHours: { from: form.quietHours?.from ?? '20:00', to: e.target.value } })} />
          </div>
        )}
        <div className="row">
          <button type="submit" className="primary">{t('reminder.settings.save')}</button>
          <button type="button" onClick={() => void checkNow()}>{t('reminder.settings.checkNow')}</button>
        </div>
        <FormMessage message={message} />
      </form>
    </section>
  );
}
