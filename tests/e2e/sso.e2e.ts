import type { browser } from 'wxt/browser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localDate } from '../../shared/dates/local-date';
import { demoAccounts } from '../../platform/demo/accounts';
import { extensionGranting } from '../../scripts/browser';
import { openPglite, type Sql } from '../../server/src/db';
import { silentLog } from '../../server/src/log';
import { startServer, type Running } from '../../server/src/main';
import { ssoConfigFromEnv } from '../../server/src/sso/config';
import { storeAccounts } from '../../server/src/store';
import { startTestProvider, type TestProvider } from '../support/oidc-provider';
import { openPanel, startLens, type Lens } from './fixture';

// Single sign-on through the browser: a real OpenID provider on this machine
// (oidc-provider), the team server set up for it, and the extension signing
// in from its options page with chrome.identity.launchWebAuthFlow: the
// provider's page opens, the person signs in there, the options say who is
// signed in, the panel shows the team's accounts, and signing out ends the
// session on the server.
let sql: Sql;
let server: Running;
let provider: TestProvider;
let lens: Lens;
const ACCOUNT = 'Initech Software';

beforeAll(async () => {
  // The optional permissions the options page asks for at the click, granted up front: the prompt
  // itself cannot be answered in a headless browser (the request is covered by SsoSignIn.test.tsx).
  lens = await startLens({ loadDemo: false, extensionDir: extensionGranting({ permissions: ['identity'], origins: ['http://127.0.0.1/*'] }) });
  provider = await startTestProvider({
    redirectUris: [`https://${lens.browser.extensionId}.chromiumapp.org/oidc`],
    people: [{ sub: 'priya-1', email: 'priya.nair@acme.com', name: 'Priya Nair' }],
  });
  sql = await openPglite();
  const sso = ssoConfigFromEnv({ LENS_OIDC_ISSUER: provider.issuer, LENS_OIDC_CLIENT_ID: provider.clientId, LENS_OIDC_TEAM: 'acme', LENS_OIDC_DOMAINS: 'acme.com', LENS_OIDC_ROLE: 'csm' })!;
  server = await startServer(sql, { port: 0, log: silentLog, sso });
  // The team and its book exist before anyone has signed in; people join it by signing in.
  await sql.query("insert into teams (id, name) values ('acme', 'acme')");
  const stamp = new Date().toISOString();
  await storeAccounts(sql, 'acme', demoAccounts(localDate(new Date()), stamp).map(({ source: _s, ...a }) => ({ ...a, createdAt: stamp, updatedAt: stamp })), []);
});
afterAll(async () => {
  expect(lens.dialogs).toEqual([]);
  await lens?.close();
  await server?.stop();
  await provider?.stop();
});

const storedSource = () =>
  lens.browser.worker.evaluate(() => (globalThis as unknown as { chrome: typeof browser }).chrome.storage.local.get('dataSource').then((r) => r.dataSource)) as Promise<{
    mode: string; token?: string; session?: { refreshToken: string; user: { name: string } };
  }>;

it('signs in with the company account at the provider, syncs the team book, and signs out on the server', async () => {
  const options = await lens.browser.context.newPage();
  await options.goto(`chrome-extension://${lens.browser.extensionId}/options.html`);
  await options.getByRole('radio', { name: 'Team server' }).check();
  await options.getByLabel('Server address').fill(server.url);

  // The provider's sign-in page opens in a window of its own; the person signs in there.
  const providerPage = lens.browser.context.waitForEvent('page', { predicate: (p) => p.url().startsWith(provider.issuer) });
  await options.getByRole('button', { name: 'Sign in with your company account (SSO)' }).click();
  const signInPage = await providerPage;
  await signInPage.getByRole('button', { name: 'Sign in as priya.nair@acme.com' }).click();

  await options.getByText('Signed in as Priya Nair (CSM, team acme)').waitFor({ timeout: 20_000 });
  const source = await storedSource();
  expect(source).toMatchObject({ mode: 'api', session: { user: { name: 'Priya Nair' } } });
  expect(source.token).toMatch(/^lens_/);
  const { rows } = await sql.query<{ name: string; role: string; email: string }>("select name, role, email from users where team_id = 'acme'");
  expect(rows).toEqual([{ name: 'Priya Nair', role: 'csm', email: 'priya.nair@acme.com' }]);
  // Nothing of the session is on the page beyond who signed in.
  expect(await options.content()).not.toContain(source.session!.refreshToken);

  // The session's token reads the team's book: the panel on a CRM record shows the server's account.
  const record = lens.crm.records.find((r) => r.name === ACCOUNT)!;
  const page = await lens.openRecord(record.recordId);
  const frame = await openPanel(lens, page, ACCOUNT);
  await frame.getByRole('heading', { level: 1, name: ACCOUNT }).waitFor({ timeout: 20_000 });
  await page.close();

  // Signing out ends the session on the server and forgets it here.
  await options.getByRole('button', { name: 'Sign out' }).click();
  await options.getByRole('button', { name: 'Sign in with your company account (SSO)' }).waitFor();
  await expect.poll(async () => (await sql.query<{ n: number }>('select count(*)::int as n from sso_sessions where revoked_at is null')).rows[0]!.n).toBe(0);
  const after = await storedSource();
  expect(after.session).toBeUndefined();
  expect(after.token).toBeUndefined();
  const live = await sql.query<{ n: number }>('select count(*)::int as n from tokens where revoked_at is null');
  expect(live.rows[0]!.n).toBe(0);
  await options.close();
});
