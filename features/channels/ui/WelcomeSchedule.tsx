import { useCallback, useEffect, useState } from 'react';
import { teamScheduleVia } from '../../../platform/panel/data-client';
import { useTr } from '../../../shared/i18n/I18n';
import { FormMessage, type FormNote } from '../../../shared/ui/FormMessage';
import type { ScheduleApi, ScheduledMessage } from '../scheduled';

/** How often the state is read again while the welcome is still to go out. */
const POLL_MS = 15_000;

/**
 * When a welcome goes: the time ("10:42") on the day of `now`, else with
 * the date ("3 Dec, 10:42"), in the reader's locale and time zone.
 */
export function formatDue(dueAt: string, now: Date, locale: 'en' | 'zh-CN', timeZone?: string): string {
  const due = new Date(dueAt);
  const zone = timeZone ? { timeZone } : {};
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { ...zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  const time = new Intl.DateTimeFormat(locale, { ...zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(due);
  if (day(due) === day(now)) return time;
  const date = new Intl.DateTimeFormat(locale, { ...zone, month: 'short', day: 'numeric' }).format(due);
  return `${date} ${time}`;
}

/**
 * The team server's automatic welcome of this account (docs/channels.md,
 * automation): when it goes and by which channel, what it says (Preview),
 * and Cancel until it goes. Nothing is shown without a team server or a
 * welcome it scheduled.
 */
export function WelcomeSchedule({ accountId, now, api = teamScheduleVia }: { accountId: string; now: Date; api?: ScheduleApi }) {
  const { t, locale } = useTr();
  const [welcome, setWelcome] = useState<ScheduledMessage | null>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<FormNote>(null);

  const refresh = useCallback(async () => {
    try {
      setWelcome((await api.scheduled(accountId)).find((j) => j.rule === 'welcome') ?? null);
    } catch {
      // No team server, or it cannot be reached: the intro card works without it.
    }
  }, [api, accountId]);

  useEffect(() => void refresh(), [refresh]);
  const pending = welcome !== null && (welcome.state === 'scheduled' || (welcome.state === 'queued' && (welcome.deliveryState === 'queued' || welcome.deliveryState === 'sending')));
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [pending, refresh]);

  if (!welcome) return null;
  const when = (iso: string) => formatDue(iso, now, locale);

  const cancel = async () => {
    setBusy(true);
    try {
      setWelcome(await api.cancelScheduled(welcome.id));
      setNote(null);
    } catch (err) {
      setNote({ ok: false, text: t('welcome.cancelFailed', { message: err instanceof Error ? err.message : String(err) }) });
      await refresh();
    } finally {
      setBusy(false);
    }
  };

  const preview = [welcome.to.length ? t('welcome.to', { to: welcome.to.join(', ') }) : '', welcome.subject ?? '', welcome.text].filter(Boolean).join('\n\n');
  return (
    <div className="welcome-schedule" data-testid="welcome-schedule">
      {welcome.state === 'scheduled' && (
        <p className="row">
          <span role="status">{t('welcome.scheduled', { time: when(welcome.dueAt), channel: welcome.channel })}</span>
          {' · '}
          <button type="button" className="link" aria-expanded={open} onClick={() => setOpen((o) => !o)}>{t(open ? 'welcome.hidePreview' : 'welcome.preview')}</button>
          {' · '}
          <button type="button" className="link" disabled={busy} onClick={() => void cancel()}>{t('welcome.cancel')}</button>
        </p>
      )}
      {welcome.state === 'scheduled' && open && <textarea className="report" readOnly rows={8} aria-label={t('welcome.previewLabel')} value={preview} />}
      {welcome.state === 'cancelled' && <p role="status" className="muted small">{t('welcome.cancelled')}</p>}
      {welcome.state === 'queued' && (
        <p role="status" className="muted small">
          {welcome.deliveryState === 'sent'
            ? t('welcome.sent', { channel: welcome.channel, time: when(welcome.dueAt) })
            : t('welcome.queued', { channel: welcome.channel, time: when(welcome.dueAt), state: welcome.deliveryState ?? 'queued' })}
        </p>
      )}
      {welcome.state === 'skipped' && <p role="status" className="muted small">{t('welcome.skipped', { note: welcome.note ?? '' })}</p>}
      <FormMessage message={note} />
    </div>
  );
}
