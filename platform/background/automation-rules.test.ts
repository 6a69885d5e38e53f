// @vitest-environment node
import { LensDB } from '../../data/db/db';
import { refreshIdentity } from '../../data/sync/identity';
import type { DataSource } from '../../data/sync/settings';
import { ChannelsError } from '../../features/channels/client';
import { NO_TEAM_SERVER } from '../../features/channels/schemas';
import { answerWithKind, teamChannels } from './channels';

const T = '2026-12-01T09:00:00.000Z';
const api: DataSource = { mode: 'api', baseUrl: 'https://lens.example.com', token: 'tok-123456', maxAgeMinutes: 15 };
const rule = { rule: 'welcome', enabled: true, channel: 'wecom', delayMinutes: 20, reminderHour: 9, language: 'en', timeZone: 'UTC', enabledAt: T, updatedAt: T };
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('the automation rules, carried out by the background', () => {
  it('reads the rules with the team’s channels and the role the server last named, with the stored token', async () => {
    const db = new LensDB('automation-rules-1');
    const urls: string[] = [];
    const fetchFn = (async (url: string, init: RequestInit) => {
      urls.push(`${init.method} ${url} ${new Headers(init.headers).get('Authorization')}`);
      return url.endsWith('/channels') ? json({ items: [{ name: 'wecom', kind: 'wecom' }] }) : json({ items: [rule] });
    }) as unknown as typeof fetch;
    const channels = teamChannels(db, async () => api, fetchFn);
    expect(await channels.automation()).toEqual({ rules: [rule], channels: [{ name: 'wecom', kind: 'wecom' }], role: null });
    await refreshIdentity(db, async () => ({ user: 'Dana Lee', role: 'csm', team: 'acme' }));
    expect((await channels.automation()).role).toBe('csm');
    expect(urls).toContain('GET https://lens.example.com/v1/automation/rules Bearer tok-123456');
  });

  it('answers a page with the server’s refusal and its kind; without a team server nothing is fetched', async () => {
    const refusing = (async () => json({ error: { code: 'forbidden', message: 'only a manager may turn an automation on or off' } }, 403)) as unknown as typeof fetch;
    const channels = teamChannels(new LensDB('automation-rules-2'), async () => api, refusing);
    expect(await answerWithKind(() => channels.setRule('welcome', { enabled: true, channel: 'wecom' }))).toEqual({
      ok: false, error: 'only a manager may turn an automation on or off', kind: 'rejected', status: 403,
    });
    expect(await answerWithKind(async () => 5)).toEqual({ ok: true, value: 5 });
    await expect(answerWithKind(async () => Promise.reject(new ChannelsError('offline', 'down')))).resolves.toEqual({ ok: false, error: 'down', kind: 'offline' });
    const fetched = vi.fn();
    const local = teamChannels(new LensDB('automation-rules-3'), async () => ({ mode: 'local' }), fetched);
    await expect(answerWithKind(() => local.automation())).rejects.toThrow(NO_TEAM_SERVER);
    expect(fetched).not.toHaveBeenCalled();
  });
});
