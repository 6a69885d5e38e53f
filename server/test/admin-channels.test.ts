// @vitest-environment node
import { channelConfig, setChannel } from '../src/channels/store';
import type { Log } from '../src/log';
import { backends, expectError, Harness, useBackend, type Answer } from './helpers';

/**
 * A manager sets and removes the team's delivery channels through the admin
 * API (docs/api.md, Admin): managers only, one team at a time, secrets
 * write-only (never in an answer, an error or the log), a secret left out
 * of a replacement of the same kind kept, `null` removing an optional one.
 */
const NOW = new Date('2026-11-20T09:30:00.000Z');
const WECOM_URL = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7aaa-4bc4-97a0-0ec2sifa5aaa';
const WECOM_URL_2 = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=0d1c2b3a-4f5e-6d7c-8b9a-feedfacecafe';
const DING_URL = 'https://oapi.dingtalk.com/robot/send?access_token=b7e0c1d2a3f4e5d6c7b8a9f0e1d2c3b4a5f6e7d8c9b0a1f2';
const DING_SECRET = 'SECa1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4';
const FEISHU_URL = 'https://open.feishu.cn/open-apis/bot/v2/hook/5f0e8a42-9c1b-4d3e-a7f6-0b1c2d3e4f5a';
const SMTP_PASSWORD = 'correct-horse-battery-staple';
const SECRETS = [WECOM_URL, WECOM_URL_2, DING_URL, DING_SECRET, FEISHU_URL, SMTP_PASSWORD, '693a91f6-7aaa', 'b7e0c1d2a3f4e5d6', '5f0e8a42-9c1b'];
const MAIL = { kind: 'email', host: 'smtp.example.com', port: 465, secure: true, user: 'lens@example.com', password: SMTP_PASSWORD, from: 'Account Lens <lens@example.com>' };

const send = (h: Harness, token: string, method: string, path: string, body?: unknown) =>
  h.request(path, { method, token, headers: { 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
const put = (h: Harness, token: string, name: string, body: unknown) => send(h, token, 'PUT', `/v1/admin/channels/${name}`, body);
const ok = <T>(a: Answer, status = 200): T => {
  expect(a.status, a.text).toBe(status);
  return a.json as T;
};
const noSecretIn = (text: string) => {
  for (const s of SECRETS) expect(text).not.toContain(s);
};

describe.each(backends())('setting and removing channels through the admin API on $name', (backend) => {
  useBackend(backend);
  const setup = async () => {
    const logs: string[] = [];
    const log: Log = (level, msg, fields = {}) => void logs.push(JSON.stringify({ level, msg, ...fields }));
    const h = new Harness(await backend.fresh(), () => NOW, log);
    const manager = await h.token('team-a', 'team-a manager', 'manager');
    const csm = await h.token('team-a', 'team-a csm', 'csm');
    const sales = await h.token('team-a', 'team-a sales', 'sales');
    const other = await h.token('team-b', 'team-b manager', 'manager');
    return { h, logs, manager, csm, sales, other };
  };

  it('creates, replaces and removes a channel, answering name, kind, summary and time and never a secret', async () => {
    const { h, logs, manager } = await setup();
    const answers: Answer[] = [];
    const made = await put(h, manager, 'wecom', { kind: 'wecom', url: WECOM_URL });
    answers.push(made);
    expect(ok(made)).toEqual({ name: 'wecom', kind: 'wecom', summary: 'qyapi.weixin.qq.com', updatedAt: NOW.toISOString() });
    expect(await channelConfig(h.sql, 'team-a', 'wecom')).toEqual({ kind: 'wecom', url: WECOM_URL });

    answers.push(await put(h, manager, 'ding', { kind: 'dingtalk', url: DING_URL, secret: DING_SECRET }));
    expect(ok<{ summary: string }>(answers.at(-1)!).summary).toBe('oapi.dingtalk.com, signed');
    answers.push(await put(h, manager, 'mail', MAIL));
    expect(ok<{ summary: string }>(answers.at(-1)!).summary).toBe('smtp.example.com:465 (TLS), from Account Lens <lens@example.com>, as lens@example.com');

    // Another kind under the same name replaces it whole.
    answers.push(await put(h, manager, 'wecom', { kind: 'feishu', url: FEISHU_URL }));
    expect(ok(answers.at(-1)!)).toMatchObject({ name: 'wecom', kind: 'feishu', summary: 'open.feishu.cn' });
    expect(await channelConfig(h.sql, 'team-a', 'wecom')).toEqual({ kind: 'feishu', url: FEISHU_URL });

    const list = await h.get(manager, '/v1/admin/channels');
    answers.push(list);
    expect(ok<{ items: { name: string; kind: string }[] }>(list).items.map((c) => [c.name, c.kind])).toEqual([['ding', 'dingtalk'], ['mail', 'email'], ['wecom', 'feishu']]);
    // Every member sees the names through the team API, still without settings.
    answers.push(await h.get(manager, '/v1/channels'));

    const removed = await send(h, manager, 'DELETE', '/v1/admin/channels/ding');
    answers.push(removed);
    expect(ok(removed)).toEqual({ name: 'ding', removed: true });
    expect(await channelConfig(h.sql, 'team-a', 'ding')).toBeNull();
    expectError(await send(h, manager, 'DELETE', '/v1/admin/channels/ding'), 404, 'not_found');

    for (const a of answers) noSecretIn(a.text);
    const lines = logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'channel');
    expect(lines.map((l) => [l.channel, l.outcome])).toEqual([['wecom', 'set'], ['ding', 'set'], ['mail', 'set'], ['wecom', 'replaced'], ['ding', 'removed']]);
    expect(lines[0]).toMatchObject({ team: 'team-a', kind: 'wecom' });
    noSecretIn(logs.join('\n'));
  });

  it('keeps a stored secret the body leaves out, takes a new one, and drops one set to null', async () => {
    const { h, manager } = await setup();
    ok(await put(h, manager, 'mail', MAIL));
    // Only the sender changes: the password stays.
    ok(await put(h, manager, 'mail', { ...MAIL, password: undefined, from: 'Lens Team <team@example.com>' }));
    expect(await channelConfig(h.sql, 'team-a', 'mail')).toEqual({ ...MAIL, from: 'Lens Team <team@example.com>' });
    ok(await put(h, manager, 'mail', { ...MAIL, password: 'a-new-password', from: 'Lens Team <team@example.com>' }));
    expect((await channelConfig(h.sql, 'team-a', 'mail'))).toMatchObject({ password: 'a-new-password' });
    ok(await put(h, manager, 'mail', { kind: 'email', host: 'smtp.example.com', port: 587, secure: false, from: 'lens@example.com', user: null, password: null }));
    expect(await channelConfig(h.sql, 'team-a', 'mail')).toEqual({ kind: 'email', host: 'smtp.example.com', port: 587, secure: false, from: 'lens@example.com' });

    // A robot: the URL and the signing secret are kept when left out, the secret dropped with null.
    ok(await put(h, manager, 'ding', { kind: 'dingtalk', url: DING_URL, secret: DING_SECRET }));
    ok(await put(h, manager, 'ding', { kind: 'dingtalk' }));
    expect(await channelConfig(h.sql, 'team-a', 'ding')).toEqual({ kind: 'dingtalk', url: DING_URL, secret: DING_SECRET });
    const unsigned = await put(h, manager, 'ding', { kind: 'dingtalk', secret: null });
    expect(ok<{ summary: string }>(unsigned).summary).toBe('oapi.dingtalk.com');
    expect(await channelConfig(h.sql, 'team-a', 'ding')).toEqual({ kind: 'dingtalk', url: DING_URL });

    // Nothing is kept across kinds, nor for a new name: the URL is then required.
    const msg = expectError(await put(h, manager, 'ding', { kind: 'feishu' }), 422, 'validation_failed');
    expect(msg).toMatch(/^url: /);
    expect(await channelConfig(h.sql, 'team-a', 'ding')).toEqual({ kind: 'dingtalk', url: DING_URL });
    expect(expectError(await put(h, manager, 'wecom', { kind: 'wecom' }), 422, 'validation_failed')).toMatch(/^url: /);
    expect(await channelConfig(h.sql, 'team-a', 'wecom')).toBeNull();
    ok(await put(h, manager, 'wecom', { kind: 'wecom', url: WECOM_URL }));
    ok(await put(h, manager, 'wecom', { kind: 'wecom', url: WECOM_URL_2 }));
    expect(await channelConfig(h.sql, 'team-a', 'wecom')).toEqual({ kind: 'wecom', url: WECOM_URL_2 });
  });

  it('answers managers only, and one team’s channels are not another’s', async () => {
    const { h, manager, csm, sales, other } = await setup();
    await setChannel(h.sql, 'team-b', 'wecom', { kind: 'wecom', url: WECOM_URL_2 }, NOW);
    for (const token of [csm, sales]) {
      expectError(await put(h, token, 'wecom', { kind: 'wecom', url: WECOM_URL }), 403, 'forbidden');
      expectError(await send(h, token, 'DELETE', '/v1/admin/channels/wecom'), 403, 'forbidden');
      expectError(await h.get(token, '/v1/admin/channels'), 403, 'forbidden');
    }
    expectError(await h.request('/v1/admin/channels/wecom', { method: 'DELETE' }), 401, 'unauthorized');
    expect(await channelConfig(h.sql, 'team-a', 'wecom')).toBeNull();

    // team-b's wecom is invisible to team-a: removing it is 404, and setting team-a's own keeps nothing of it.
    expectError(await send(h, manager, 'DELETE', '/v1/admin/channels/wecom'), 404, 'not_found');
    expect(expectError(await put(h, manager, 'wecom', { kind: 'wecom' }), 422, 'validation_failed')).toMatch(/^url: /);
    ok(await put(h, manager, 'wecom', { kind: 'wecom', url: WECOM_URL }));
    expect(await channelConfig(h.sql, 'team-b', 'wecom')).toEqual({ kind: 'wecom', url: WECOM_URL_2 });
    expect(ok<{ items: unknown[] }>(await h.get(other, '/v1/admin/channels')).items).toHaveLength(1);
    ok(await send(h, manager, 'DELETE', '/v1/admin/channels/wecom'));
    expect(await channelConfig(h.sql, 'team-b', 'wecom')).toEqual({ kind: 'wecom', url: WECOM_URL_2 });
  });

  it('refuses a bad name or body with 422 naming the field, never echoing a secret, and changes nothing', async () => {
    const { h, logs, manager } = await setup();
    ok(await put(h, manager, 'ding', { kind: 'dingtalk', url: DING_URL, secret: DING_SECRET }));
    const cases: [string, unknown, RegExp][] = [
      ['Bad_Name', { kind: 'wecom', url: WECOM_URL }, /^name: /],
      ['%00wecom', { kind: 'wecom', url: WECOM_URL }, /^name: /],
      ['x'.repeat(41), { kind: 'wecom', url: WECOM_URL }, /^name: /],
      ['wecom', '{"kind":"wecom",', /^body: not valid JSON/],
      ['wecom', [], /^body: /],
      ['wecom', { kind: 'sms', url: WECOM_URL }, /^kind: /],
      // A URL that is not the robot's: the message names the field, never the URL.
      ['wecom', { kind: 'wecom', url: DING_URL }, /^url: must be the robot's webhook URL, with its key= parameter/],
      ['wecom', { kind: 'wecom', url: WECOM_URL, secret: DING_SECRET }, /secret/],
      ['wecom', { kind: 'wecom', url: `${WECOM_URL}\u0000` }, /^url: must have no control characters/],
      ['mail', { ...MAIL, from: 'Lens\u0000 <lens@example.com>' }, /^from: must have no control characters/],
      ['mail', { ...MAIL, password: `${SMTP_PASSWORD}\ud800` }, /^password: .*well-formed Unicode/],
      ['mail', { ...MAIL, port: 0 }, /^port: /],
      ['mail', { ...MAIL, host: 'smtp.example.com/<script>' }, /^host: must be a host name or address/],
      ['mail', { ...MAIL, from: 'Lens <lens@example.com>\r\nBcc: x@example.com' }, /^from: /],
      ['ding', { kind: 'dingtalk', url: DING_URL, secret: `${DING_SECRET} x` }, /^secret: must have no spaces/],
      ['ding', { kind: 'dingtalk', secret: 'short' }, /^secret: /],
      ['ding', { kind: 'dingtalk', url: 'ftp://oapi.dingtalk.com/robot/send?access_token=b7e0c1d2a3f4e5d6c7b8a9f0' }, /^url: /],
      ['ding', '{"kind":"dingtalk","__proto__":{"url":"x"}}', /__proto__/],
    ];
    for (const [name, body, expected] of cases) {
      const a = await put(h, manager, name, body);
      const msg = expectError(a, 422, 'validation_failed');
      expect(msg, `${name} ${JSON.stringify(body)}`).toMatch(expected);
      noSecretIn(a.text);
    }
    // A password sent with an error elsewhere is not echoed either.
    const echoed = await put(h, manager, 'mail', { ...MAIL, extra: SMTP_PASSWORD });
    expect(expectError(echoed, 422, 'validation_failed')).toMatch(/extra/);
    noSecretIn(echoed.text);

    expect(await channelConfig(h.sql, 'team-a', 'ding')).toEqual({ kind: 'dingtalk', url: DING_URL, secret: DING_SECRET });
    expect(await channelConfig(h.sql, 'team-a', 'wecom')).toBeNull();
    expect(await channelConfig(h.sql, 'team-a', 'mail')).toBeNull();
    expectError(await send(h, manager, 'DELETE', '/v1/admin/channels/Bad%00'), 422, 'validation_failed');
    expect(logs.map((l) => JSON.parse(l) as { msg: string }).filter((l) => l.msg === 'channel')).toHaveLength(1);
    noSecretIn(logs.join('\n'));
  });
});
