import { createChannelsClient, ChannelsError } from './client';
import type { Delivery } from './schemas';

const TOKEN = 'lens_abcdefghijkl_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG';
const delivery: Delivery = {
  id: 'dlv_1', channel: 'wecom', kind: 'wecom', accountId: 'acct-1', subject: null, text: '本月服务日', to: [], state: 'queued', attempts: 0,
  lastError: null, nextAttemptAt: '2026-11-20T09:30:00.000Z', createdBy: 'Dana Lee', createdAt: '2026-11-20T09:30:00.000Z', updatedAt: '2026-11-20T09:30:00.000Z', sentAt: null,
};

function fakeFetch(answer: (url: string, init: RequestInit) => Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  const f = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(input), init });
    return answer(String(input), init);
  }) as typeof fetch;
  return { f, calls };
}
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('the channels client', () => {
  it('lists channels and deliveries, and posts a delivery with the token in the header only and an Idempotency-Key', async () => {
    const { f, calls } = fakeFetch((url, init) => {
      if (url.endsWith('/v1/channels')) return json({ items: [{ name: 'wecom', kind: 'wecom' }] });
      if (url.includes('/v1/deliveries?')) return json({ items: [delivery] });
      expect(init.method).toBe('POST');
      return json({ delivery }, 202);
    });
    const api = createChannelsClient({ baseUrl: 'https://lens.example.com/', token: TOKEN, fetch: f });
    expect(await api.channels()).toEqual([{ name: 'wecom', kind: 'wecom' }]);
    expect(await api.deliveries('acct 1/x')).toEqual([delivery]);
    expect(await api.deliver({ channel: 'wecom', accountId: 'acct-1', text: '本月服务日' }, 'key-1')).toEqual(delivery);
    expect(calls.map((c) => c.url)).toEqual([
      'https://lens.example.com/v1/channels', 'https://lens.example.com/v1/deliveries?accountId=acct+1%2Fx', 'https://lens.example.com/v1/deliveries',
    ]);
    const post = calls[2]!.init;
    expect(post.headers).toMatchObject({ Authorization: `Bearer ${TOKEN}`, 'Idempotency-Key': 'key-1', 'Content-Type': 'application/json; charset=utf-8' });
    expect(JSON.parse(String(post.body))).toEqual({ channel: 'wecom', accountId: 'acct-1', text: '本月服务日' });
    expect(post).toMatchObject({ redirect: 'manual', credentials: 'omit' });
    for (const c of calls) expect(c.url).not.toContain(TOKEN);
  });

  it('reads an account’s scheduled messages and cancels one, refusing an answer that is not one', async () => {
    const scheduled = {
      id: 'auto_1', rule: 'welcome', accountId: 'acct-1', channel: 'wecom', kind: 'wecom', subject: null, text: '您好', to: [], dueAt: '2026-11-20T09:50:00.000Z',
      state: 'scheduled', note: null, deliveryId: null, deliveryState: null, createdAt: '2026-11-20T09:30:00.000Z', updatedAt: '2026-11-20T09:30:00.000Z',
    };
    const { f, calls } = fakeFetch((url) => (url.includes('/cancel') ? json({ scheduled: { ...scheduled, state: 'cancelled' } }) : json({ items: [scheduled] })));
    const api = createChannelsClient({ baseUrl: 'https://lens.example.com', token: TOKEN, fetch: f });
    expect(await api.scheduled('acct-1')).toEqual([scheduled]);
    expect((await api.cancelScheduled('auto/1')).state).toBe('cancelled');
    expect(calls.map((c) => [c.init.method, c.url])).toEqual([
      ['GET', 'https://lens.example.com/v1/automation/scheduled?accountId=acct-1'], ['POST', 'https://lens.example.com/v1/automation/scheduled/auto%2F1/cancel'],
    ]);
    const bad = createChannelsClient({ baseUrl: 'https://lens.example.com', token: TOKEN, fetch: fakeFetch(() => json({ items: [{ ...scheduled, state: 'maybe' }] })).f });
    await expect(bad.scheduled('acct-1')).rejects.toMatchObject({ kind: 'malformed' });
  });

  it('reads the automation rules and sets one with a PUT, refusing an answer that is not a rule', async () => {
    const rule = {
      rule: 'report-reminder', enabled: true, channel: 'wecom', delayMinutes: 20, reminderHour: 8, language: 'en', timeZone: 'Asia/Shanghai',
      enabledAt: '2026-11-20T09:30:00.000Z', updatedAt: '2026-11-20T09:30:00.000Z',
    };
    const { f, calls } = fakeFetch((_url, init) => (init.method === 'PUT' ? json({ rule }) : json({ items: [{ ...rule, reminderHour: undefined }] })));
    const api = createChannelsClient({ baseUrl: 'https://lens.example.com', token: TOKEN, fetch: f });
    // A server from before the reminder hour answers without it: the hour it used, 9.
    expect(await api.rules()).toEqual([{ ...rule, reminderHour: 9 }]);
    expect(await api.setRule('report-reminder', { enabled: true, channel: 'wecom', reminderHour: 8 })).toEqual(rule);
    expect(calls.map((c) => [c.init.method, c.url])).toEqual([
      ['GET', 'https://lens.example.com/v1/automation/rules'], ['PUT', 'https://lens.example.com/v1/automation/rules/report-reminder'],
    ]);
    expect(JSON.parse(String(calls[1]!.init.body))).toEqual({ enabled: true, channel: 'wecom', reminderHour: 8 });
    expect(calls[1]!.init.headers).toMatchObject({ Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json; charset=utf-8' });
    const bad = createChannelsClient({ baseUrl: 'https://lens.example.com', token: TOKEN, fetch: fakeFetch(() => json({ rule: { ...rule, reminderHour: 24 } })).f });
    await expect(bad.setRule('welcome', { enabled: false, channel: 'wecom' })).rejects.toMatchObject({ kind: 'malformed' });
  });

  it('turns refusals, redirects, bad answers and network failures into ChannelsErrors without the token', async () => {
    const fail = async (answer: () => Response | Promise<Response>) => {
      const api = createChannelsClient({ baseUrl: 'https://lens.example.com', token: TOKEN, fetch: (async () => answer()) as typeof fetch });
      return api.deliver({ channel: 'wecom', accountId: 'a', text: 'x' }, 'k').then(() => null, (e: unknown) => e as ChannelsError);
    };
    const refused = await fail(() => json({ error: { code: 'validation_failed', message: `text: must not contain the NUL character (U+0000) ${TOKEN}` } }, 422));
    expect(refused).toMatchObject({ kind: 'rejected', status: 422, message: 'text: must not contain the NUL character (U+0000) [redacted]' });
    expect(await fail(() => json({ error: { code: 'unauthorized', message: 'expired' } }, 401))).toMatchObject({ kind: 'unauthorized' });
    expect(await fail(() => json({ error: { code: 'idempotency_conflict', message: 'used' } }, 409))).toMatchObject({ kind: 'conflict' });
    expect(await fail(() => new Response('', { status: 302, headers: { Location: 'https://elsewhere.example' } }))).toMatchObject({ kind: 'rejected', status: 302 });
    expect(await fail(() => new Response('{"delivery":{"__proto__":{"x":1}}}', { status: 202 }))).toMatchObject({ kind: 'malformed' });
    expect(await fail(() => json({ delivery: { ...delivery, state: 'lost' } }, 202))).toMatchObject({ kind: 'malformed' });
    expect(await fail(() => new Response('<html>bad gateway</html>', { status: 502 }))).toMatchObject({ kind: 'server', status: 502 });
    expect(await fail(() => Promise.reject(new TypeError('fetch failed')))).toMatchObject({ kind: 'offline' });
    expect(await fail(() => Promise.reject(new DOMException('late', 'TimeoutError')))).toMatchObject({ kind: 'timeout' });
    expect(refused).toBeInstanceOf(ChannelsError);
  });
});
