import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { ChannelsApi } from '../client';
import type { ChannelKind, ChannelSummary, Delivery } from '../schemas';
import { useWords } from './words';

/** How often the states are read again while a delivery is still on its way. */
const POLL_MS = 5_000;

const addressesOf = (s: string) => s.split(/[,;，；\s]+/).map((a) => a.trim()).filter(Boolean);

/**
 * Sends a text about an account by one of the team's channels (e-mail, or
 * a WeCom, DingTalk or Feishu group), through the team server, and shows how
 * the account's deliveries went. `api` is served by the background, which
 * holds the token (features/channels/client.ts).
 */
export function SendViaTeam({ accountId, subject, text, api }: { accountId: string; subject?: string; text: string; api: ChannelsApi }) {
  const { w, locale } = useWords();
  const [channels, setChannels] = useState<ChannelSummary[] | null>(null);
  const [deliveries, setDeliveries] = useState<Delivery[]>([]);
  const [channel, setChannel] = useState('');
  const [to, setTo] = useState('');
  const [mailSubject, setMailSubject] = useState(subject ?? '');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  // One key per message: a click repeated after a lost answer queues the delivery once.
  const key = useRef(crypto.randomUUID());

  const refresh = useCallback(async () => {
    try {
      setDeliveries(await api.deliveries(accountId));
    } catch (err) {
      setNote({ ok: false, text: w('channels.unreachable', { message: err instanceof Error ? err.message : String(err) }) });
    }
  }, [api, accountId]);

  useEffect(() => {
    let live = true;
    api.channels().then(
      (items) => {
        if (!live) return;
        setChannels(items);
        setChannel((c) => c || items[0]?.name || '');
      },
      (err: unknown) => live && (setChannels([]), setNote({ ok: false, text: w('channels.unreachable', { message: err instanceof Error ? err.message : String(err) }) })),
    );
    void refresh();
    return () => {
      live = false;
    };
  }, [api, refresh]);

  const pending = deliveries.some((d) => d.state === 'queued' || d.state === 'sending');
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [pending, refresh]);

  useEffect(() => {
    key.current = crypto.randomUUID();
  }, [text, subject, channel, to, mailSubject]);

  if (channels === null) return <p className="muted">{w('channels.loading')}</p>;
  const kind: ChannelKind | undefined = channels.find((c) => c.name === channel)?.kind;

  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (!kind) return;
    const addresses = addressesOf(to);
    const problem = !text.trim() ? 'channels.noText' : kind === 'email' && !addresses.length ? 'channels.noTo' : kind === 'email' && !mailSubject.trim() ? 'channels.noSubject' : null;
    if (problem) return setNote({ ok: false, text: w(problem) });
    setBusy(true);
    setNote(null);
    try {
      const request = kind === 'email'
        ? { channel, accountId, subject: mailSubject.trim(), text, to: addresses }
        : { channel, accountId, ...(subject?.trim() ? { subject: subject.trim() } : {}), text };
      const delivery = await api.deliver(request, key.current);
      setDeliveries((ds) => [delivery, ...ds.filter((d) => d.id !== delivery.id)]);
      setNote({ ok: true, text: w('channels.queued') });
      key.current = crypto.randomUUID();
    } catch (err) {
      setNote({ ok: false, text: w('channels.failed', { message: err instanceof Error ? err.message : String(err) }) });
    } finally {
      setBusy(false);
    }
  };
  const time = (iso: string) => new Date(iso).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' });

  return (
    <section className="card" aria-labelledby="send-via-team-title" data-testid="send-via-team">
      <h2 id="send-via-team-title">{w('channels.title')}</h2>
      {channels.length === 0 ? (
        <p className="muted">{w('channels.none')}</p>
      ) : (
        <form onSubmit={(e) => void send(e)}>
          <label>
            {w('channels.channel')}{' '}
            <select value={channel} onChange={(e) => setChannel(e.target.value)}>
              {channels.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.name === c.kind ? w(`channels.kind.${c.kind}`) : `${c.name} (${w(`channels.kind.${c.kind}`)})`}
                </option>
              ))}
            </select>
          </label>
          {kind === 'email' && (
            <>
              <label>
                {w('channels.to')} <input type="text" value={to} onChange={(e) => setTo(e.target.value)} />
              </label>
              <label>
                {w('channels.subject')} <input type="text" value={mailSubject} maxLength={200} onChange={(e) => setMailSubject(e.target.value)} />
              </label>
            </>
          )}
          <button type="submit" disabled={busy}>{busy ? w('channels.sending') : w('channels.send')}</button>
        </form>
      )}
      {note && <p role={note.ok ? 'status' : 'alert'} className={note.ok ? 'ok' : 'error'}>{note.text}</p>}
      {deliveries.length > 0 && (
        <>
          <h3>{w('channels.history')}</h3>
          <ul aria-label={w('channels.history')}>
            {deliveries.map((d) => (
              <li key={d.id} data-state={d.state}>
                {time(d.createdAt)} · {d.channel} · <strong>{w(`channels.state.${d.state}`)}</strong>
                {d.attempts > 0 && ` · ${w('channels.attempts', { n: d.attempts })}`}
                {d.state === 'queued' && d.nextAttemptAt && d.attempts > 0 && ` · ${w('channels.retryAt', { time: time(d.nextAttemptAt) })}`}
                {d.lastError && d.state !== 'sent' && <div className="muted">{w('channels.lastError', { message: d.lastError })}</div>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
