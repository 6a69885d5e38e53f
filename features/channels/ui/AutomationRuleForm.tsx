import { useState, type FormEvent } from 'react';
import { DEFAULT_REMINDER_HOUR, type AutomationApi, type AutomationRuleView, type RuleSettingsInput } from '../automation';
import { ChannelsError } from '../client';
import { MAX_WELCOME_DELAY_MINUTES, type AutomationRuleName } from '../scheduled';
import type { ChannelSummary } from '../schemas';
import { FormMessage, type FormNote } from '../../../shared/ui/FormMessage';
import { useWords, type ChannelsKey } from './words';

/** The welcome's delay until a manager sets one, as the server's default. */
const DEFAULT_DELAY = 20;
const HOURS = Array.from({ length: 24 }, (_, h) => h);
export const clockHour = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
const addressesOf = (s: string) => s.split(/[,;，；\s]+/).map((a) => a.trim()).filter(Boolean);

/** What a failed save says: the server's refusal by its kind, with its own words where they help. */
export function saveErrorKey(err: unknown): { key: ChannelsKey; message: string } {
  const message = err instanceof Error ? err.message : String(err);
  if (!(err instanceof ChannelsError)) return { key: 'channels.automation.error.other', message };
  if (err.kind === 'offline' || err.kind === 'timeout') return { key: 'channels.automation.error.offline', message };
  if (err.kind === 'conflict') return { key: 'channels.automation.error.conflict', message };
  if (err.kind === 'unauthorized') return { key: 'channels.automation.error.unauthorized', message };
  if (err.status === 403) return { key: 'channels.automation.error.forbidden', message };
  if (err.status === 400 || err.status === 422) return { key: 'channels.automation.error.invalid', message };
  return { key: 'channels.automation.error.other', message };
}

interface Props {
  rule: AutomationRuleName;
  current: AutomationRuleView | undefined;
  channels: ChannelSummary[];
  editable: boolean;
  api: AutomationApi;
  /** The time zone a rule set for the first time gets (the manager's own). */
  timeZone: string;
  onSaved: (saved: AutomationRuleView) => void;
}

/**
 * One automation rule: on or off, the channel it sends by, and its timing
 * (the welcome's delay, the reminder's hour). What was typed stays in the
 * form whatever the server answers.
 */
export function AutomationRuleForm({ rule, current, channels, editable, api, timeZone, onSaved }: Props) {
  const { w } = useWords();
  const welcome = rule === 'welcome';
  const [enabled, setEnabled] = useState(current?.enabled ?? false);
  const [channel, setChannel] = useState(current?.channel ?? '');
  const [delay, setDelay] = useState(String(current?.delayMinutes ?? DEFAULT_DELAY));
  const [hour, setHour] = useState(current?.reminderHour ?? DEFAULT_REMINDER_HOUR);
  const [to, setTo] = useState((current?.to ?? []).join(', '));
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<FormNote>(null);
  const zone = current?.timeZone ?? timeZone;
  const id = (field: string) => `automation-${rule}-${field}`;
  // A channel the rule names that the team no longer lists is still shown, so the form says what is stored.
  const options = channel && !channels.some((c) => c.name === channel) ? [...channels, { name: channel, kind: 'email' as const }] : channels;
  const isEmail = channels.find((c) => c.name === channel)?.kind === 'email';

  const problem = (): string | null => {
    const minutes = Number(delay);
    if (welcome && (!/^\d{1,3}$/.test(delay.trim()) || minutes > MAX_WELCOME_DELAY_MINUTES)) return w('channels.automation.badDelay', { max: MAX_WELCOME_DELAY_MINUTES });
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) return w('channels.automation.badHour');
    if (!channel) return w('channels.automation.needChannel');
    if (!welcome && enabled && isEmail && addressesOf(to).length === 0) return w('channels.automation.needTo');
    return null;
  };

  const summary = (saved: AutomationRuleView) =>
    !saved.enabled
      ? w('channels.automation.summary.off')
      : saved.rule === 'welcome'
        ? w('channels.automation.summary.welcome', { minutes: saved.delayMinutes, channel: saved.channel })
        : w('channels.automation.summary.reminder', { hour: clockHour(saved.reminderHour), channel: saved.channel });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const wrong = problem();
    if (wrong) return setNote({ ok: false, text: wrong });
    const addresses = addressesOf(to);
    const settings: RuleSettingsInput = {
      enabled,
      channel,
      delayMinutes: welcome ? Number(delay) : (current?.delayMinutes ?? DEFAULT_DELAY),
      reminderHour: hour,
      ...(addresses.length ? { to: addresses } : {}),
      ...(current ? { language: current.language } : {}),
      timeZone: zone,
    };
    setBusy(true);
    setNote(null);
    try {
      const saved = await api.setRule(rule, settings);
      onSaved(saved);
      setNote({ ok: true, text: w('channels.automation.saved', { summary: summary(saved) }) });
    } catch (err) {
      const { key, message } = saveErrorKey(err);
      setNote({ ok: false, text: w(key, { message }) });
    } finally {
      setBusy(false);
    }
  };

  const name = w(welcome ? 'channels.automation.welcome.name' : 'channels.automation.reminder.name');
  return (
    <form className="automation-rule" aria-label={name} onSubmit={(e) => void save(e)}>
      <h3>{name}</h3>
      <p className="muted small">{w(welcome ? 'channels.automation.welcome.what' : 'channels.automation.reminder.what')}</p>
      <fieldset disabled={!editable || busy}>
        <label className="row">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> {w('channels.automation.on')}
        </label>
        <label htmlFor={id('channel')}>{w('channels.automation.channel')}</label>{' '}
        <select id={id('channel')} value={channel} onChange={(e) => setChannel(e.target.value)}>
          <option value="">{w('channels.automation.noChannel')}</option>
          {options.map((c) => (
            <option key={c.name} value={c.name}>{`${c.name} (${w(`channels.kind.${c.kind}`)})`}</option>
          ))}
        </select>
        {welcome ? (
          <p>
            <label htmlFor={id('delay')}>{w('channels.automation.delay', { max: MAX_WELCOME_DELAY_MINUTES })}</label>{' '}
            <input id={id('delay')} inputMode="numeric" size={4} value={delay} onChange={(e) => setDelay(e.target.value)} />
          </p>
        ) : (
          <p>
            <label htmlFor={id('hour')}>{w('channels.automation.hour', { timeZone: zone })}</label>{' '}
            <select id={id('hour')} value={hour} onChange={(e) => setHour(Number(e.target.value))}>
              {HOURS.map((h) => <option key={h} value={h}>{clockHour(h)}</option>)}
            </select>
          </p>
        )}
        {!welcome && isEmail && (
          <p>
            <label htmlFor={id('to')}>{w('channels.automation.to')}</label>{' '}
            <input id={id('to')} value={to} onChange={(e) => setTo(e.target.value)} />
          </p>
        )}
        {editable && <button type="submit" className="primary">{w(busy ? 'channels.automation.saving' : 'channels.automation.save')}</button>}
      </fieldset>
      <FormMessage message={note} />
    </form>
  );
}
