import { useState } from 'react';
import { browser } from 'wxt/browser';
import { apiOriginPattern, checkBaseUrl, type SsoSession } from '../../../data/sync/settings';
import type { SsoErrorCode } from '../../../data/sync/sso-wire';
import { useTr } from '../../../shared/i18n/I18n';
import type { MessageKey } from '../../../shared/i18n/catalog';

type SignInAnswer = { ok: true; user: SsoSession['user'] } | { ok: false; code: SsoErrorCode; message: string } | { error: string } | null | undefined;

const ROLE_KEYS: Record<string, MessageKey> = { sales: 'source.sso.role.sales', csm: 'source.sso.role.csm', manager: 'source.sso.role.manager' };

/**
 * Signing in to the team server with the company's identity provider: the
 * browser asks for the optional identity permission and access to the
 * server at the click, then the background runs the sign-in. Who signed in
 * is shown with a way to sign out.
 */
export function SsoSignIn(props: { baseUrl: string; maxAgeMinutes: number; session: SsoSession | undefined; onChanged: () => void }) {
  const { t } = useTr();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const checked = checkBaseUrl(props.baseUrl);

  const failed = (code: SsoErrorCode, detail?: string) => {
    const key = `source.sso.error.${code}` as MessageKey;
    // The provider's own reason helps the person ask their administrator; it carries no secret.
    setError(code === 'provider_refused' && detail ? `${t(key)} ${detail}` : t(key));
  };

  const signIn = async () => {
    if (!checked) return;
    setError('');
    setStatus('');
    // Asked first, inside the click's gesture, as permissions.request requires.
    const granted = await browser.permissions.request({ permissions: ['identity'], origins: [apiOriginPattern(checked)] }).catch(() => false);
    if (!granted) return failed('no_permission');
    setBusy(true);
    try {
      const answer = (await browser.runtime.sendMessage({ type: 'sso/signin', baseUrl: checked, maxAgeMinutes: props.maxAgeMinutes })) as SignInAnswer;
      if (answer && 'ok' in answer && answer.ok) props.onChanged();
      else if (answer && 'ok' in answer) failed(answer.code, answer.message);
      else failed('server');
    } catch {
      failed('server');
    } finally {
      setBusy(false);
    }
  };

  const signOut = async () => {
    setError('');
    await browser.runtime.sendMessage({ type: 'sso/signout' }).catch(() => undefined);
    setStatus(t('source.sso.signedOut'));
    props.onChanged();
  };

  const user = props.session?.user;
  return (
    <div className="sso">
      {user ? (
        <div className="row">
          <span>{t('source.sso.signedIn', { name: user.name, role: ROLE_KEYS[user.role] ? t(ROLE_KEYS[user.role]!) : user.role, team: user.team })}</span>
          <button type="button" onClick={() => void signOut()}>{t('source.sso.signOut')}</button>
        </div>
      ) : (
        <button type="button" className="primary" disabled={!checked || busy} onClick={() => void signIn()}>
          {busy ? t('source.sso.signingIn') : t('source.sso.signIn')}
        </button>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      {status && <p role="status">{status}</p>}
    </div>
  );
}
