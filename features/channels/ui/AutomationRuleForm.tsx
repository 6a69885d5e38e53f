import { useEffect, useState, type FormEvent } from 'react';
import { DEFAULT_REMINDER_HOUR, type AutomationApi, type AutomationRuleView, type RuleSettingsInput } from '../automation';
import { ChannelsError } from '../client';
import { addressesOf, parseTimeZone, ruleInputProblem, type RuleLanguage } from '../rule-inputs';
import { MAX_WELCOME_DELAY_MINUTES, type AutomationRuleName } from '../scheduled';
import type { ChannelSummary } from '../schemas';
import { FormMessage, type FormNote } from '../../../shared/ui/FormMessage';
import { useDraft } from '../../../shared/ui/Unsaved';
import { RuleSettingsFields } from './RuleSettingsFields';
import { useWords, type ChannelsKey } from './words';

/** The welcome's delay until a manager sets one, as the server's default. */
const DEFAULT_DELAY = 20;
const HOURS = Array.from({ length: 24 }, (_, h) => h);
export const clockHour = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

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
  /** The language a rule set for the first time gets (the browser's). */
  language: RuleLanguage;
  onSaved: (saved: AutomationRuleView) => void;
}

/**
 * One automation rule: on or off, the channel it sends by, its timing
 * (the welcome's delay, the reminder's hour), its language and the team's
 * time zone. What was typed stays in the form whatever the server answers.
 */
export function AutomationRuleForm({ rule, current, channels, editable, api, timeZone, language: ownLanguage, onSaved }: Props) {
  const { w } = useWords();
  const welcome = rule === 'welcome';
  const [enabled, setEnabled] = useState(current?.enabled ?? false);
  const [channel, setChannel] = useState(current?.channel ?? '');
  const [delay, setDelay] = useState(String(current?.delayMinutes ?? DEFAULT_DELAY));
  const [hour, setHour] = useState(current?.reminderHour ?? DEFAULT_REMINDER_HOUR);
  const [to, setTo] = useState((current?.to ?? []).join(', '));
  const [language, setLanguage] = useState<RuleLanguage>(current?.language ?? ownLanguage);
  const [zoneText, setZoneText] = useState(current?.timeZone ?? timeZone);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<FormNote>(null);
  // The hour is read in the zone typed once it is one; until then in the rule's (or the manager's).
  const zone = parseTimeZone(zoneText) ?? current?.timeZone ?? timeZone;
  const id = (field: string) => `automation-${rule}-${field}`;
  // A channel the rule names that the team no longer lists is still shown, so the form says what is stored.
  const options = channel && !channels.some((c) => c.name === channel) ? [...channels, { name: channel, kind: 'email' as const }] : channels;
  const isEmail = channels.find((c) => c.name === channel)?.kind === 'email';

  const summary = (saved: AutomationRuleView) =>
    !saved.enabled
      ? w('channels.automation.summary.off')
      : saved.rule === 'welcome'
        ? w('channels.automation.summary.welcome', { minutes: saved.delayMinutes, channel: saved.channel })
        : w('channels.automation.summary.reminder', { hour: clockHour(saved.reminderHour), channel: saved.channel });
  const where = (saved: AutomationRuleView) =>
    w('channels.automation.summary.where', { language: w(`channels.automation.language.${saved.language}`), timeZone: saved.timeZone });

  const name = w(welcome ? 'channels.automation.welcome.name' : 'channels.automation.reminder.name');
  // What the form holds against what the server stored: an edit not sent yet is named in the options page's saving bar.
  const draft = [enabled, channel, delay, hour, to, language, zoneText];
  const markSaved = useDraft(id('title'), name, editable ? draft : null, () => save());
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => markSaved(editable ? draft : null), [editable]);
  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    const wrong = ruleInputProblem({ welcome, enabled, channel, delay, hour, zone: zoneText, to, isEmail });
    if (wrong) return setNote({ ok: false, text: w(wrong.key, wrong.params) });
    // Addresses belong to an e-mail channel only: ones typed before switching to a robot are not sent.
    const addresses = isEmail ? addressesOf(to) : [];
    const settings: RuleSettingsInput = {
      enabled,
      channel,
      delayMinutes: welcome ? Number(delay) : (current?.delayMinutes ?? DEFAULT_DELAY),
      reminderHour: hour,
      ...(addresses.length ? { to: addresses } : {}),
      language,
      timeZone: parseTimeZone(zoneText)!,
    };
    setBusy(true);
    setNote(null);
    try {
      const saved = await api.setRule(rule, settings);
      onSaved(saved);
      markSaved(draft);
      setNote({ ok: true, text: w('channels.automation.saved', { summary: summary(saved), where: where(saved) }) });
    } catch (err) {
      const { key, message } = saveErrorKey(err);
      setNote({ ok: false, text: w(key, { message }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="automation-rule" aria-label={name} onSubmit={(e) => void save(e)}>
      <h3 id={id('title')}>{name}</h3>
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
        <RuleSettingsFields idPrefix={id('settings')} language={language} onLanguage={setLanguage} zone={zoneText} onZone={setZoneText} storedZone={current?.timeZone} />
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
