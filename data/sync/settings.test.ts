// @vitest-environment node
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { apiOriginPattern, checkBaseUrl, clientFor, dataSourceItem, isSignedOut, readDataSource, saveDataSource } from './settings';

describe('data source settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('accepts https anywhere and plain http only on this machine', () => {
    expect(checkBaseUrl('https://lens.example.com/')).toBe('https://lens.example.com');
    expect(checkBaseUrl(' https://lens.example.com/team/ ')).toBe('https://lens.example.com/team');
    expect(checkBaseUrl('http://localhost:8787')).toBe('http://localhost:8787');
    expect(checkBaseUrl('http://127.0.0.1:9000/')).toBe('http://127.0.0.1:9000');
    for (const bad of ['http://lens.example.com', 'ftp://x', 'https://u:p@lens.example.com', 'https://lens.example.com/?a=1', 'lens.example.com', '']) {
      expect(checkBaseUrl(bad), bad).toBeNull();
    }
  });

  it('gives the host permission pattern to request', () => {
    expect(apiOriginPattern('https://lens.example.com/team')).toBe('https://lens.example.com/*');
    expect(apiOriginPattern('http://localhost:8787')).toBe('http://localhost/*');
    expect(apiOriginPattern('http://127.0.0.1:9000')).toBe('http://127.0.0.1/*');
    expect(() => apiOriginPattern('http://lens.example.com')).toThrow();
  });

  it('defaults to local, validates what is saved, and distrusts a stored value that no longer validates', async () => {
    expect(await readDataSource()).toEqual({ mode: 'local' });
    expect(clientFor(await readDataSource())).toBeUndefined();
    const saved = await saveDataSource({ mode: 'api', baseUrl: 'https://lens.example.com/', token: 'abc123' });
    expect(saved).toEqual({ mode: 'api', baseUrl: 'https://lens.example.com', token: 'abc123', maxAgeMinutes: 15 });
    expect(await readDataSource()).toEqual(saved);
    expect(clientFor(saved)).toBeDefined();
    await expect(saveDataSource({ mode: 'api', baseUrl: 'http://lens.example.com', token: 'abc' })).rejects.toThrow();
    await expect(saveDataSource({ mode: 'api', baseUrl: 'https://lens.example.com', token: 'has space' })).rejects.toThrow();
    expect(await readDataSource()).toEqual(saved);
    await dataSourceItem.setValue({ mode: 'api', baseUrl: 'javascript:alert(1)', token: 'x', maxAgeMinutes: 15 });
    expect(await readDataSource()).toEqual({ mode: 'local' });
    expect(await fakeBrowser.storage.local.get('dataSource')).toHaveProperty('dataSource');
  });

  it('keeps a single sign-on session beside its token, and a signed-out source without a token', async () => {
    const session = { refreshToken: 'lensr_s1_secret', expiresAt: '2026-11-23T10:10:00.000Z', user: { name: 'ana@acme.com', role: 'csm', team: 'acme' } };
    const signedIn = await saveDataSource({ mode: 'api', baseUrl: 'https://lens.example.com', token: 'lens_abc', maxAgeMinutes: 15, session });
    expect(await readDataSource()).toEqual(signedIn);
    expect(signedIn).toHaveProperty('session', session);
    expect(clientFor(signedIn)).toBeDefined();

    const signedOut = await saveDataSource({ mode: 'api', baseUrl: 'https://lens.example.com', maxAgeMinutes: 15 });
    expect(isSignedOut(signedOut)).toBe(true);
    expect(isSignedOut(signedIn)).toBe(false);
    expect(clientFor(signedOut)).toBeUndefined();

    await expect(saveDataSource({ mode: 'api', baseUrl: 'https://lens.example.com', token: 'x', session: { ...session, expiresAt: 'soon' } })).rejects.toThrow();
    // A source stored before sessions existed reads as it was.
    await dataSourceItem.setValue({ mode: 'api', baseUrl: 'https://lens.example.com', token: 'old', maxAgeMinutes: 30 });
    expect(await readDataSource()).toEqual({ mode: 'api', baseUrl: 'https://lens.example.com', token: 'old', maxAgeMinutes: 30 });
  });
});
