// @vitest-environment node
import { CHANNEL_KINDS } from '../../features/channels/schemas';
import { ADMIN_CSP } from '../src/admin/page';
import { en } from '../src/admin/strings.en';
import { zhCN } from '../src/admin/strings.zh-CN';
import { Harness } from './helpers';

/** The admin page as served (the API behind it: admin.test.ts; in Chromium: tests/e2e/admin.e2e.ts). */
describe('the admin page', () => {
  const h = () => new Harness({ kind: 'pglite', query: () => Promise.reject(new Error('no database')), exec: async () => undefined, transaction: () => Promise.reject(new Error('no')), close: async () => undefined });

  it('is served with a strict policy, runs nothing inline and puts no text in as HTML', async () => {
    const app = h();
    const page = await app.request('/admin');
    const script = await app.request('/admin/app.js');
    const style = await app.request('/admin/app.css');
    const icon = await app.request('/admin/icon.svg');
    for (const x of [page, script, style, icon]) {
      expect(x.status).toBe(200);
      expect(x.headers.get('content-security-policy')).toBe(ADMIN_CSP);
      expect(x.headers.get('x-content-type-options')).toBe('nosniff');
      expect(x.headers.get('cache-control')).toBe('no-store');
    }
    expect(ADMIN_CSP).toMatch(/script-src 'self';/);
    expect(ADMIN_CSP).not.toMatch(/unsafe/);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(icon.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(page.text).toMatch(/<script src="\/admin\/app\.js" defer><\/script>/);
    expect(page.text.match(/<script/g)).toHaveLength(1);
    expect(page.text).not.toMatch(/\son[a-z]+=|style=|javascript:/i);
    expect(script.text).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
    expect(script.text.startsWith('const STRINGS = {"en":')).toBe(true);
  });

  it('asks for a channel’s secrets in password fields that are never filled in', async () => {
    const page = (await h().request('/admin')).text;
    const form = /<form id="new-channel"[\s\S]*?<\/form>/.exec(page)?.[0] ?? '';
    for (const name of ['password', 'url', 'secret']) {
      const input = new RegExp(`<input name="${name}"[^>]*>`).exec(form)?.[0] ?? '';
      expect(input, name).toMatch(/type="password"/);
      expect(input, name).not.toMatch(/\svalue=/);
    }
    expect([...form.matchAll(/<option value="(\w+)"/g)].map((m) => m[1])).toEqual([...CHANNEL_KINDS]);
  });

  it('has every word in English and Chinese', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(zhCN)) {
      expect(v.length, k).toBeGreaterThan(0);
      expect([...v.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort(), k).toEqual([...en[k as keyof typeof en].matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort());
    }
  });
});
