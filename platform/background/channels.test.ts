// @vitest-environment node
import { LensDB } from '../../data/db/db';
import { saveIdMap } from '../../data/sync/id-map';
import type { DataSource } from '../../data/sync/settings';
import { NO_TEAM_SERVER } from '../../features/channels/schemas';
import { teamChannels } from './channels';

const T = '2026-12-01T09:00:00.000Z';
const api: DataSource = { mode: 'api', baseUrl: 'https://lens.example.com', token: 'tok-123456', maxAgeMinutes: 15 };

describe('the team’s channels, carried out by the background', () => {
  it('without a team server there is nothing to send with, and nothing is fetched', async () => {
    const fetched = vi.fn();
    const channels = teamChannels(new LensDB('channels-1'), async () => ({ mode: 'local' }), fetched);
    await expect(channels.channels()).rejects.toThrow(NO_TEAM_SERVER);
    await expect(channels.deliver({ channel: 'ops', accountId: 'a1', text: 'Hi' }, 'key-00000001')).rejects.toThrow(NO_TEAM_SERVER);
    expect(fetched).not.toHaveBeenCalled();
  });

  it('sends with the stored token, names the account as the server knows it, and checks the request first', async () => {
    const db = new LensDB('channels-2');
    await saveIdMap(db, new Map([['srv-77', 'local-1']]));
    const calls: { url: string; init: RequestInit }[] = [];
    const fetchFn = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      const body = JSON.parse(String(init.body)) as { accountId: string; channel: string; text: string };
      return new Response(JSON.stringify({ delivery: {
        id: 'd1', channel: body.channel, kind: 'wecom', accountId: body.accountId, subject: null, text: body.text, to: [], state: 'queued', attempts: 0,
        lastError: null, nextAttemptAt: T, createdBy: 'Priya', createdAt: T, updatedAt: T, sentAt: null,
      } }), { status: 201, headers: { 'Content-Type': 'application/json' } });
    }) as unknown as typeof fetch;
    const channels = teamChannels(db, async () => api, fetchFn);
    const delivery = await channels.deliver({ channel: 'ops', accountId: 'local-1', text: '本月服务报告' }, 'key-00000001');
    expect(delivery).toMatchObject({ accountId: 'srv-77', state: 'queued' });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('https://lens.example.com/v1/deliveries');
    expect(new Headers(calls[0]!.init.headers).get('Authorization')).toBe('Bearer tok-123456');
    // A text with a NUL byte is refused here, with nothing sent.
    await expect(channels.deliver({ channel: 'ops', accountId: 'local-1', text: 'a\u0000b' }, 'key-00000002')).rejects.toThrow();
    expect(calls).toHaveLength(1);
  });
});
