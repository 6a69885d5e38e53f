import { useEffect, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { apiOriginPattern, checkBaseUrl, DataSourceSchema, readDataSource, saveDataSource, type SsoSession } from '../../../data/sync/settings';
import { useTr } from '../../../shared/i18n/I18n';
import { useDraft } from '../../../shared/ui/Unsaved';
import { SsoSignIn } from './SsoSignIn';

/**
 * Options: where the data comes from. "This browser only" by default; or the
 * team server (address, then single sign-on or a pasted access token). The
 * token is kept in storage.local, which only the extension's own pages and
 * service worker can read; a signed-in session's token is never shown.
 */
export function DataSourceSettings() {
  const { t } = useTr();
  const [mode, setMode] = useState<'local' | 'api'>('local');
  const [baseUrl, setBaseUrl] = useState('');
  const [token, setToken] = useState('');
  const [maxAge, setMaxAge] = useState(15);
  const [errors, setErrors] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [session, setSession] = useState<SsoSession | undefined>(undefined);
  const [savedBase, setSavedBase] = useState('');
  // A session belongs to the server it was signed in to: another address needs its own sign-in or token.
  const ssoSession = session && checkBaseUrl(baseUrl) === savedBase ? session : undefined;

  const load = () =>
    void readDataSource().then((s) => {
      setMode(s.mode);
      const pasted = s.mode === 'api' && !s.session ? (s.token ?? '') : '';
      if (s.mode === 'api') {
        setBaseUrl(s.baseUrl);
        setToken(pasted);
        setMaxAge(s.maxAgeMinutes);
      }
      setSession(s.mode === 'api' ? s.session : undefined);
      setSavedBase(s.mode === 'api' ? s.baseUrl : '');
      markSaved(s.mode === 'api' ? [s.mode, s.baseUrl, pasted, s.maxAgeMinutes] : [s.mode, '', '', 15]);
    });
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(load, []);

  const markSaved = useDraft('source-title', t('source.title'), mode === 'api' ? [mode, baseUrl, token, maxAge] : [mode, '', '', 15], () => save());
  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    // Signed in to the same server: the session (and its latest token) stays, only the other settings change.
    const stored = await readDataSource();
    const keep = mode === 'api' && ssoSession && stored.mode === 'api' && stored.session && stored.baseUrl === checkBaseUrl(baseUrl)
      ? { token: stored.token, session: stored.session } : undefined;
    const input = mode === 'api' ? { mode, baseUrl, token: token.trim(), maxAgeMinutes: maxAge, ...keep } : { mode };
    // The schema the source is saved with decides; its issues are worded here.
    const checked = DataSourceSchema.safeParse(input);
    const fields = new Set(checked.success ? [] : checked.error.issues.map((i) => String(i.path[0])));
    const problems = [
      ...(fields.has('baseUrl') ? [t('sync.settings.baseUrlInvalid')] : []),
      ...(fields.has('token') ? [t('sync.settings.tokenInvalid')] : []),
      ...(fields.has('maxAgeMinutes') ? [t('source.maxAgeInvalid')] : []),
    ];
    setErrors(problems);
    if (problems.length) return;
    let note = '';
    if (mode === 'api') {
      // Asked at the click, for the server's origin only. Without it the
      // extension can still reach a server that allows cross-origin requests.
      const granted = await browser.permissions.request({ origins: [apiOriginPattern(baseUrl)] }).catch(() => false);
      if (!granted) note = ` ${t('source.noPermission', { host: new URL(checkBaseUrl(baseUrl)!).host })}`;
    }
    try {
      // A session this save leaves behind (this browser only, or another server) is ended on its server first.
      if (stored.mode === 'api' && stored.session && !keep) await browser.runtime.sendMessage({ type: 'sso/signout' }).catch(() => undefined);
      await saveDataSource(input);
      if (!keep) setSession(undefined);
      setSavedBase(mode === 'api' ? (checkBaseUrl(baseUrl) ?? '') : '');
      await browser.runtime.sendMessage({ type: 'source/changed' });
      markSaved(mode === 'api' ? [mode, baseUrl, token, maxAge] : [mode, '', '', 15]);
      setStatus(t(mode === 'api' ? 'source.savedApi' : 'source.savedLocal') + note);
    } catch (err) {
      setErrors([t('options.failed', { reason: err instanceof Error ? err.message : String(err) })]);
    }
  };

  return (
    <section className="card" aria-labelledby="source-title">
      <h2 id="source-title">{t('source.title')}</h2>
      <form onSubmit={(e) => void save(e)} noValidate>
        <label className="choice">
          <input type="radio" name="mode" checked={mode === 'local'} onChange={() => setMode('local')} /> {t('source.local')}
        </label>
        <label className="choice">
          <input type="radio" name="mode" checked={mode === 'api'} onChange={() => setMode('api')} /> {t('source.api')}
        </label>
        {mode === 'api' && (
          <>
            <label htmlFor="api-url">{t('source.baseUrl')}</label>
            <input id="api-url" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} placeholder="https://lens.example.com" />
            <SsoSignIn baseUrl={baseUrl} maxAgeMinutes={maxAge} session={ssoSession} onChanged={load} />
            {!ssoSession && (
              <>
                <p className="hint">{t('source.sso.orToken')}</p>
                <label htmlFor="api-token">{t('source.token')}</label>
                <input id="api-token" type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
              </>
            )}
            <label htmlFor="api-age">{t('source.maxAge')}</label>
            <input id="api-age" type="number" min={1} max={1440} value={maxAge} onChange={(e) => setMaxAge(Number(e.target.value))} />
          </>
        )}
        {errors.length > 0 && (
          <ul className="error" role="alert">{errors.map((p) => <li key={p}>{p}</li>)}</ul>
        )}
        <div className="row">
          <button type="submit" className="primary">{t('source.save')}</button>
          {mode === 'api' && (
            <button type="button" onClick={() => void browser.runtime.sendMessage({ type: 'sync/now' })}>{t('sync.syncNow')}</button>
          )}
        </div>
        <p role="status" aria-live="polite">{status}</p>
      </form>
    </section>
  );
}
