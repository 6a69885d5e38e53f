import { browser } from 'wxt/browser';
import type { LensDB } from '../../data/db/db';
import { checkBaseUrl, readDataSource, saveDataSource, type SsoSession } from '../../data/sync/settings';
import { recordSignedOut, signIn, signOut, SsoError, type SignInDeps, type SsoErrorCode, type SsoIdentity } from '../../data/sync/sso';

/** What the options page gets back from signing in: who signed in, or the reason it did not happen. */
export type SsoAnswer = { ok: true; user: SsoSession['user'] } | { ok: false; code: SsoErrorCode; message: string };

/**
 * Single sign-on, run here because chrome.identity and the stored tokens
 * belong to the background; the options page only asks and shows the answer.
 * chrome.identity exists only once the person granted the optional
 * permission (asked at the click on the options page).
 */
export async function ssoSignIn(
  msg: { baseUrl: string; maxAgeMinutes: number },
  afterStore: () => Promise<void>,
  deps: Partial<SignInDeps> = {},
): Promise<SsoAnswer> {
  const baseUrl = checkBaseUrl(msg.baseUrl);
  if (!baseUrl) return { ok: false, code: 'bad_config', message: 'Not a usable team server address.' };
  const identity = deps.identity ?? (browser as unknown as { identity?: SsoIdentity }).identity;
  if (!identity?.launchWebAuthFlow) return { ok: false, code: 'no_permission', message: 'Signing in needs the identity permission.' };
  try {
    const source = await signIn(baseUrl, msg.maxAgeMinutes, { ...deps, identity });
    await saveDataSource(source);
    await afterStore();
    return { ok: true, user: source.session!.user };
  } catch (err) {
    if (err instanceof SsoError) return { ok: false, code: err.code, message: err.message };
    throw err;
  }
}

/** Ends the session (on the server when it can be reached) and shows the sync status as signed out. */
export async function ssoSignOut(db: LensDB, afterStore: () => Promise<void>, doFetch?: typeof fetch): Promise<{ ok: true }> {
  const source = await readDataSource();
  if (source.mode === 'api') {
    await signOut(source, doFetch);
    await recordSignedOut(db, new Date());
  }
  await afterStore();
  return { ok: true };
}
