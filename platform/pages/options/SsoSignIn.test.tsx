import { fireEvent, render, screen } from '@testing-library/react';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DataSourceSettings } from './DataSourceSettings';
import { I18nProvider } from '../../../shared/i18n/I18n';
import { dataSourceItem, readDataSource } from '../../../data/sync/settings';
import type { Locale } from '../../../shared/i18n';
import { zhCN } from '../../../shared/i18n/catalog';

const show = (locale: Locale = 'en') => render(<I18nProvider locale={locale}><DataSourceSettings /></I18nProvider>);
const BASE = 'https://lens.acme.com';
const USER = { name: 'ana@acme.com', role: 'csm', team: 'acme' };
const signedIn = { mode: 'api' as const, baseUrl: BASE, token: 'lens_access_secret', maxAgeMinutes: 15, session: { refreshToken: 'lensr_1_secret', expiresAt: '2026-11-23T10:10:00.000Z', user: USER } };

describe('single sign-on on the options page', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('asks for the identity permission and the server at the click, then shows who signed in', async () => {
    const request = vi.spyOn(browser.permissions, 'request').mockResolvedValue(true as never);
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (msg: { type: string }) => {
      if (msg.type !== 'sso/signin') return undefined;
      await dataSourceItem.setValue(signedIn);
      return { ok: true, user: USER };
    }) as never);
    show();
    fireEvent.click(screen.getByLabelText('Team server'));
    expect(screen.getByRole('button', { name: 'Sign in with your company account (SSO)' })).toBeDisabled();
    expect(screen.getByText('or paste a token (for scripts and service accounts)')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Server address'), { target: { value: `${BASE}/` } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in with your company account (SSO)' }));
    expect(await screen.findByText('Signed in as ana@acme.com (CSM, team acme)')).toBeInTheDocument();
    expect(request).toHaveBeenCalledWith({ permissions: ['identity'], origins: ['https://lens.acme.com/*'] });
    expect(send).toHaveBeenCalledWith({ type: 'sso/signin', baseUrl: BASE, maxAgeMinutes: 15 });
    // The session's token is never shown in the pasted-token field.
    expect(screen.queryByLabelText('Access token')).toBeNull();
    expect(document.body.innerHTML).not.toContain('lens_access_secret');
  });

  it('signs out and offers signing in again', async () => {
    await dataSourceItem.setValue(signedIn);
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (msg: { type: string }) => {
      if (msg.type === 'sso/signout') await dataSourceItem.setValue({ mode: 'api', baseUrl: BASE, maxAgeMinutes: 15 });
      return { ok: true };
    }) as never);
    show();
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('Signed out of the team server.')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Sign in with your company account (SSO)' })).toBeEnabled();
    expect(browser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'sso/signout' });
    expect(screen.queryByText(/Signed in as/)).toBeNull();
    expect(await readDataSource()).toEqual({ mode: 'api', baseUrl: BASE, maxAgeMinutes: 15 });
  });

  it('says why the sign-in did not happen, in Chinese too', async () => {
    vi.spyOn(browser.permissions, 'request').mockResolvedValue(true as never);
    vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({ ok: false, code: 'domain_not_allowed', message: 'x' } as never);
    await dataSourceItem.setValue({ mode: 'api', baseUrl: BASE, maxAgeMinutes: 15 });
    show('zh-CN');
    fireEvent.click(await screen.findByRole('button', { name: zhCN['source.sso.signIn'] }));
    expect(await screen.findByRole('alert')).toHaveTextContent(zhCN['source.sso.error.domain_not_allowed']);
    expect(await readDataSource()).toEqual({ mode: 'api', baseUrl: BASE, maxAgeMinutes: 15 });
  });

  it('does not start the sign-in when the permission is refused, and says so', async () => {
    vi.spyOn(browser.permissions, 'request').mockResolvedValue(false as never);
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    await dataSourceItem.setValue({ mode: 'api', baseUrl: BASE, maxAgeMinutes: 15 });
    show();
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in with your company account (SSO)' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Signing in needs access to the server');
    expect(send).not.toHaveBeenCalled();
  });

  it('keeps the session when other settings of the same server are saved', async () => {
    await dataSourceItem.setValue(signedIn);
    vi.spyOn(browser.permissions, 'request').mockResolvedValue(true as never);
    vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    show();
    await screen.findByText('Signed in as ana@acme.com (CSM, team acme)');
    fireEvent.change(screen.getByLabelText(/Refresh an account/), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save data source' }));
    expect(await screen.findByText('Saved: Account Lens syncs with the team server.')).toBeInTheDocument();
    expect(await readDataSource()).toEqual({ ...signedIn, maxAgeMinutes: 30 });
  });

  it('ends the session on its server when the source becomes this browser only', async () => {
    await dataSourceItem.setValue(signedIn);
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    show();
    await screen.findByText('Signed in as ana@acme.com (CSM, team acme)');
    fireEvent.click(screen.getByLabelText('This browser only (nothing is sent anywhere)'));
    fireEvent.click(screen.getByRole('button', { name: 'Save data source' }));
    expect(await screen.findByText(/^Saved/)).toBeInTheDocument();
    expect(send.mock.calls.map((c) => (c[0] as unknown as { type: string }).type)).toEqual(['sso/signout', 'source/changed']);
    expect(await readDataSource()).toEqual({ mode: 'local' });
  });

  it('asks for a new sign-in or token when the address changes to another server', async () => {
    await dataSourceItem.setValue(signedIn);
    show();
    await screen.findByText('Signed in as ana@acme.com (CSM, team acme)');
    fireEvent.change(screen.getByLabelText('Server address'), { target: { value: 'https://other.example.com' } });
    expect(screen.queryByText(/Signed in as/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Sign in with your company account (SSO)' })).toBeEnabled();
    expect(screen.getByLabelText('Access token')).toHaveValue('');
  });
});
