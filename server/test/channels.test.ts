// @vitest-environment node
import { createHmac } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { createChannelsClient } from '../../features/channels/client';
import { ChannelListSchema, DeliveryAnswerSchema, DeliveryListSchema, type Delivery } from '../../features/channels/schemas';
import { channelsCli } from '../src/channels/cli';
import { BACKOFF_MS, MAX_ATTEMPTS, runDueDeliveries } from '../src/channels/deliveries';
import { dingtalkSignedUrl, feishuSignature } from '../src/channels/send';
import type { Log } from '../src/log';
import { fakeAccounts } from '../../tests/support/fake-api-data';
import { backends, expectError, Harness, useBackend, type Answer } from './helpers';

/**
 * Delivery by the team server: a real SMTP server (smtp-server) receives the
 * e-mail, and local HTTP receivers stand in for the three robots, each
 * checking the request its vendor documents and answering as the vendor does:
 * - WeCom group robot: POST {"msgtype":"text","text":{"content":"…"}} to
 *   /cgi-bin/webhook/send?key=…, answered {"errcode":0,"errmsg":"ok"}
 *   (https://developer.work.weixin.qq.com/document/path/91770).
 * - DingTalk custom robot: the same body to /robot/send?access_token=…; with 加签
 *   `timestamp` (ms, within an hour) and `sign` = URL-encoded
 *   Base64(HMAC-SHA256(secret, timestamp + "\n" + secret)) in the query;
 *   a bad signature is answered {"errcode":310000,"errmsg":"sign not match…"}
 *   (https://open.dingtalk.com/document/orgapp/customize-robot-security-settings).
 * - Feishu custom bot: POST {"msg_type":"text","content":{"text":"…"},"timestamp","sign"}
 *   to /open-apis/bot/v2/hook/…, sign = Base64(HMAC-SHA256 keyed with
 *   timestamp + "\n" + secret over an empty message), timestamp in seconds;
 *   answered {"code":0,"msg":"success","data":{}}, a bad signature
 *   {"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"}
 *   (https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot,
 *   https://www.feishu.cn/hc/en-US/articles/360024984973).
 */
const NOW = new Date('2026-11-20T09:30:00.000Z');
const WECOM_KEY = '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';
const DING_TOKEN = 'b7e0c1d2a3f4e5d6c7b8a9f0e1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a7f8e9d0';
const DING_SECRET = 'SECa1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9';
const FEISHU_HOOK = '5f0c9e2a-1b3d-4e6f-8a7b-9c0d1e2f3a4b';
const FEISHU_SECRET = 'qN3mX8vR2tY6wZ9pL4kJ7h';
const SMTP_USER = 'lens-mailer';
const SMTP_PASSWORD = 'correct horse battery staple 九';
const ALL_SECRETS = [WECOM_KEY, DING_TOKEN, DING_SECRET, FEISHU_HOOK, FEISHU_SECRET, SMTP_PASSWORD];

const b64hmac = (key: string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest('base64');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

// ------------------------------------------------------------- robot receivers

interface Received {
  path: string;
  query: URLSearchParams;
  contentType: string;
  body: Record<string, unknown>;
}
type Reply = { status?: number; json: unknown };

async function receiver(answer: (r: Received, n: number) => Reply) {
  const got: Received[] = [];
  const server = createServer((req, res) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (data += c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://receiver');
      const r: Received = { path: url.pathname, query: url.searchParams, contentType: req.headers['content-type'] ?? '', body: JSON.parse(data) as Record<string, unknown> };
      got.push(r);
      const a = answer(r, got.length);
      res.writeHead(a.status ?? 200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(a.json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, got, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const OK_ERRCODE = { errcode: 0, errmsg: 'ok' };

/** WeCom: the key in the query, a text message body. */
const wecomAnswer = (r: Received): Reply =>
  r.path === '/cgi-bin/webhook/send' && r.query.get('key') === WECOM_KEY && r.body.msgtype === 'text'
    ? { json: OK_ERRCODE }
    : { json: { errcode: 93000, errmsg: 'invalid webhook url' } };

/** DingTalk with 加签: the signature of the query's timestamp, which must be within an hour of now. */
const dingtalkAnswer = (r: Received): Reply => {
  if (r.path !== '/robot/send' || r.query.get('access_token') !== DING_TOKEN) return { json: { errcode: 300001, errmsg: 'token is not exist' } };
  const ts = r.query.get('timestamp') ?? '';
  const fresh = Math.abs(Number(ts) - NOW.getTime()) <= 3_600_000;
  if (!fresh || r.query.get('sign') !== b64hmac(DING_SECRET, `${ts}\n${DING_SECRET}`)) return { json: { errcode: 310000, errmsg: 'sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]' } };
  return { json: OK_ERRCODE };
};

/** Feishu with signature verification: timestamp (seconds) and sign in the body. */
const feishuAnswer = (r: Received): Reply => {
  const ts = String(r.body.timestamp ?? '');
  const fresh = Math.abs(Number(ts) * 1000 - NOW.getTime()) <= 3_600_000;
  if (r.path !== `/open-apis/bot/v2/hook/${FEISHU_HOOK}` || !fresh || r.body.sign !== b64hmac(`${ts}\n${FEISHU_SECRET}`, '')) {
    return { json: { code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time', data: {} } };
  }
  return { json: { code: 0, msg: 'success', data: {} } };
};

// ------------------------------------------------------------- an SMTP server

interface Mail {
  from: string;
  rcptTo: string[];
  raw: string;
}

async function smtp() {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, cb) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) return cb(null, { user: SMTP_USER });
      return cb(new Error('Invalid username or password'));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const env = session.envelope;
        mails.push({ from: env.mailFrom ? env.mailFrom.address : '', rcptTo: env.rcptTo.map((a) => a.address), raw: Buffer.concat(chunks).toString('utf8') });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** RFC 2047 encoded words (B and Q), as a mail reader shows them. */
function decodeWords(v: string): string {
  return v.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
  );
}

/** Headers (unfolded, decoded) and the text body (by its Content-Transfer-Encoding) of one message. */
function parseMail(raw: string): { header: (name: string) => string; body: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const i = line.indexOf(':');
    headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  const header = (name: string) => decodeWords(headers.get(name.toLowerCase()) ?? '');
  const encoded = raw.slice(split + 4);
  const cte = header('Content-Transfer-Encoding').toLowerCase();
  const body = cte === 'base64'
    ? Buffer.from(encoded.replace(/\s+/g, ''), 'base64').toString('utf8')
    : cte === 'quoted-printable'
      ? Buffer.from(encoded.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8')
      : encoded;
  return { header, body: body.replace(/\r\n/g, '\n').replace(/\n$/, '') };
}

// ------------------------------------------------------------- the tests

describe('robot signatures', () => {
  it('signs DingTalk’s query with the millisecond timestamp and Feishu’s body with the second timestamp', () => {
    const url = new URL(dingtalkSignedUrl(`https://oapi.dingtalk.com/robot/send?access_token=${DING_TOKEN}`, DING_SECRET, NOW));
    expect(url.searchParams.get('access_token')).toBe(DING_TOKEN);
    expect(url.searchParams.get('timestamp')).toBe('1795167000000');
    expect(url.searchParams.get('sign')).toBe(b64hmac(DING_SECRET, `1795167000000\n${DING_SECRET}`));
    // Base64 has + / =: in the query they are percent-encoded, as DingTalk's documentation asks.
    expect(url.search).not.toMatch(/sign=[^&]*[+/=][^&]*$/);
    expect(feishuSignature(FEISHU_SECRET, NOW)).toEqual({ timestamp: '1795167000', sign: b64hmac(`1795167000\n${FEISHU_SECRET}`, '') });
  });
});

describe.each(backends())('delivery by channels on $name', (backend) => {
  useBackend(backend);
  const ACCOUNT = fakeAccounts(1)[0]!.id;

  async function setup() {
    const logs: string[] = [];
    const log: Log = (level, msg, fields = {}) => void logs.push(JSON.stringify({ level, msg, ...fields }));
    const h = new Harness(await backend.fresh(), () => NOW, log);
    await h.seed('team-a', fakeAccounts(1));
    const token = await h.token('team-a', 'Dana Lee', 'csm');
    const out: string[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'lens-channels-'));
    let n = 0;
    const file = (content: string) => {
      const path = join(dir, `f${++n}`);
      writeFileSync(path, `${content}\n`);
      return path;
    };
    const cli = (...argv: string[]) => channelsCli(h.sql, argv, (s) => out.push(s));
    const post = (body: unknown, headers: Record<string, string> = {}) =>
      h.request('/v1/deliveries', { method: 'POST', token, headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    const queue = async (body: Record<string, unknown>): Promise<Delivery> => {
      const a = await post({ accountId: ACCOUNT, ...body });
      expect(a.status, a.text).toBe(202);
      return DeliveryAnswerSchema.parse(a.json).delivery;
    };
    const list = async (): Promise<Delivery[]> => {
      const a = await h.get(token, `/v1/deliveries?accountId=${encodeURIComponent(ACCOUNT)}`);
      expect(a.status, a.text).toBe(200);
      return DeliveryListSchema.parse(a.json).items;
    };
    const run = (at: Date) => runDueDeliveries(h.sql, log, at);
    return { h, token, logs, out, file, cli, post, queue, list, run };
  }

  it('sends by WeCom, signed DingTalk and signed Feishu robots with each one’s documented payload', async () => {
    const { cli, file, queue, list, run, out } = await setup();
    const [wecom, ding, feishu] = await Promise.all([receiver(wecomAnswer), receiver(dingtalkAnswer), receiver(feishuAnswer)]);
    try {
      expect(await cli('channels', 'set', '--team', 'team-a', '--kind', 'wecom', '--url-file', file(`${wecom.base}/cgi-bin/webhook/send?key=${WECOM_KEY}`))).toBe(0);
      expect(await cli('channels', 'set', '--team', 'team-a', '--kind', 'dingtalk', '--name', 'cs-group', '--url-file', file(`${ding.base}/robot/send?access_token=${DING_TOKEN}`), '--secret-file', file(DING_SECRET))).toBe(0);
      expect(await cli('channels', 'set', '--team', 'team-a', '--kind', 'feishu', '--url-file', file(`${feishu.base}/open-apis/bot/v2/hook/${FEISHU_HOOK}`), '--secret-file', file(FEISHU_SECRET))).toBe(0);
      const text = '本月服务日：11 月 27 日（周五），30 分钟业务团队 + 30 分钟老板复盘。';
      const d1 = await queue({ channel: 'wecom', text });
      expect(d1).toMatchObject({ state: 'queued', attempts: 0, kind: 'wecom', createdBy: 'Dana Lee', nextAttemptAt: NOW.toISOString(), sentAt: null });
      await queue({ channel: 'cs-group', subject: '续约提醒', text });
      await queue({ channel: 'feishu', text });
      expect(await run(NOW)).toEqual({ sent: 3, retrying: 0, failed: 0 });
      expect(wecom.got.map((r) => r.body)).toEqual([{ msgtype: 'text', text: { content: text } }]);
      expect(wecom.got[0]!.contentType).toMatch(/^application\/json/);
      expect(ding.got.map((r) => r.body)).toEqual([{ msgtype: 'text', text: { content: `续约提醒\n\n${text}` } }]);
      expect(ding.got[0]!.query.get('timestamp')).toBe(String(NOW.getTime()));
      expect(feishu.got.map((r) => r.body)).toEqual([{ msg_type: 'text', content: { text }, timestamp: String(NOW.getTime() / 1000), sign: expect.any(String) }]);
      const states = await list();
      // Queued in one instant: compared by channel.
      expect(states.map((d) => [d.channel, d.state, d.attempts, d.sentAt, d.lastError]).sort()).toEqual([
        ['cs-group', 'sent', 1, NOW.toISOString(), null], ['feishu', 'sent', 1, NOW.toISOString(), null], ['wecom', 'sent', 1, NOW.toISOString(), null],
      ]);
      expect(await run(minutes(10))).toEqual({ sent: 0, retrying: 0, failed: 0 });
      expect(wecom.got.length + ding.got.length + feishu.got.length).toBe(3);
      expect(await cli('channels', 'list', '--team', 'team-a')).toBe(0);
      expect(out.at(-3)).toMatch(/^cs-group\tdingtalk\t127\.0\.0\.1:\d+, signed\t/);
      expect(out.join('\n')).not.toMatch(new RegExp(ALL_SECRETS.join('|')));
    } finally {
      await Promise.all([wecom.close(), ding.close(), feishu.close()]);
    }
  });

  it('a robot’s error code or an HTTP error fails the attempt; it is tried again after 1, then 5 minutes, then sent', async () => {
    const { cli, file, queue, list, run, logs } = await setup();
    const flaky = await receiver((r, n) => (n === 1 ? { json: { errcode: 45009, errmsg: 'api freq out of limit' } } : n === 2 ? { status: 502, json: {} } : dingtalkAnswer(r)));
    try {
      await cli('channels', 'set', '--team', 'team-a', '--kind', 'dingtalk', '--url-file', file(`${flaky.base}/robot/send?access_token=${DING_TOKEN}`), '--secret-file', file(DING_SECRET));
      const d = await queue({ channel: 'dingtalk', text: 'Renewal call moved to Friday' });
      expect(await run(NOW)).toEqual({ sent: 0, retrying: 1, failed: 0 });
      let [now] = await list();
      expect(now).toMatchObject({ id: d.id, state: 'queued', attempts: 1, lastError: 'the robot refused the message: errcode 45009, api freq out of limit', nextAttemptAt: minutes(1).toISOString() });
      expect(await run(new Date(minutes(1).getTime() - 1))).toEqual({ sent: 0, retrying: 0, failed: 0 });
      expect(await run(minutes(1))).toEqual({ sent: 0, retrying: 1, failed: 0 });
      [now] = await list();
      expect(now).toMatchObject({ state: 'queued', attempts: 2, lastError: 'the robot answered HTTP 502', nextAttemptAt: minutes(6).toISOString() });
      // The third attempt is signed at its own time: within DingTalk's hour of NOW.
      expect(await run(minutes(6))).toEqual({ sent: 1, retrying: 0, failed: 0 });
      [now] = await list();
      expect(now).toMatchObject({ state: 'sent', attempts: 3, lastError: null, sentAt: minutes(6).toISOString(), nextAttemptAt: null });
      expect(flaky.got).toHaveLength(3);
      const attempts = logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'delivery');
      expect(attempts.map((l) => [l.attempt, l.outcome])).toEqual([[1, 'retrying'], [2, 'retrying'], [3, 'sent']]);
      expect(attempts[0]).toMatchObject({ level: 'warn', delivery: d.id, team: 'team-a', channel: 'dingtalk', kind: 'dingtalk', error: expect.stringContaining('45009') });
    } finally {
      await flaky.close();
    }
  });

  it('fails a delivery after five attempts with the last error, and one whose channel was removed at once', async () => {
    const { cli, file, queue, list, run } = await setup();
    const refusing = await receiver(() => ({ json: { code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time', data: {} } }));
    try {
      await cli('channels', 'set', '--team', 'team-a', '--kind', 'feishu', '--url-file', file(`${refusing.base}/open-apis/bot/v2/hook/${FEISHU_HOOK}`), '--secret-file', file(FEISHU_SECRET));
      await queue({ channel: 'feishu', text: 'Health dropped to yellow' });
      let at = NOW;
      for (let i = 0; i < MAX_ATTEMPTS; i++) {
        const r = await run(at);
        expect(r).toEqual(i < MAX_ATTEMPTS - 1 ? { sent: 0, retrying: 1, failed: 0 } : { sent: 0, retrying: 0, failed: 1 });
        if (i < BACKOFF_MS.length) at = new Date(at.getTime() + BACKOFF_MS[i]!);
      }
      expect(refusing.got).toHaveLength(5);
      expect((await list())[0]).toMatchObject({ state: 'failed', attempts: 5, nextAttemptAt: null, lastError: expect.stringContaining('code 19021') });
      expect(await run(new Date(at.getTime() + 86_400_000))).toEqual({ sent: 0, retrying: 0, failed: 0 });

      await cli('channels', 'set', '--team', 'team-a', '--kind', 'wecom', '--url-file', file(`${refusing.base}/cgi-bin/webhook/send?key=${WECOM_KEY}`));
      const orphan = await queue({ channel: 'wecom', text: 'Next steps' });
      expect(await cli('channels', 'remove', '--team', 'team-a', '--name', 'wecom')).toBe(0);
      expect(await run(NOW)).toEqual({ sent: 0, retrying: 0, failed: 1 });
      expect((await list()).find((d) => d.id === orphan.id)).toMatchObject({ state: 'failed', attempts: 1, lastError: 'the team has no wecom channel named wecom any more' });
      expect(refusing.got).toHaveLength(5);
    } finally {
      await refusing.close();
    }
  });

  it('e-mail reaches a real SMTP server with From, To, Subject and a Chinese body intact; a refused login is retried', async () => {
    const { cli, file, queue, list, run } = await setup();
    const server = await smtp();
    try {
      const set = (password: string) =>
        cli('channels', 'set', '--team', 'team-a', '--kind', 'email', '--host', '127.0.0.1', '--port', String(server.port), '--user', SMTP_USER, '--password-file', file(password), '--from', '客户之镜 Account Lens <lens@example.com>');
      expect(await set('not the password')).toBe(0);
      const subject = '11 月服务报告：华东区客户';
      const text = '王总您好，\n\n本月我们完成了两次培训，活跃用户率达到 82%。\n下次服务日：11 月 27 日。\n\n— Dana';
      await queue({ channel: 'email', subject, text, to: ['wang.zong@example.cn', 'ops@example.cn'] });
      expect(await run(NOW)).toEqual({ sent: 0, retrying: 1, failed: 0 });
      const [refused] = await list();
      expect(refused!.lastError).toMatch(/535/);
      expect(refused!.lastError).not.toContain('not the password');
      expect(server.mails).toHaveLength(0);
      expect(await set(SMTP_PASSWORD)).toBe(0);
      expect(await run(minutes(1))).toEqual({ sent: 1, retrying: 0, failed: 0 });
      expect(server.mails).toHaveLength(1);
      const mail = server.mails[0]!;
      expect(mail.from).toBe('lens@example.com');
      expect(mail.rcptTo).toEqual(['wang.zong@example.cn', 'ops@example.cn']);
      const parsed = parseMail(mail.raw);
      expect(parsed.header('From')).toBe('客户之镜 Account Lens <lens@example.com>');
      expect(parsed.header('To')).toBe('wang.zong@example.cn, ops@example.cn');
      expect(parsed.header('Subject')).toBe(subject);
      expect(parsed.header('Content-Type')).toMatch(/text\/plain; charset=utf-8/i);
      expect(parsed.body).toBe(text);
      expect((await list())[0]).toMatchObject({ state: 'sent', attempts: 2, to: ['wang.zong@example.cn', 'ops@example.cn'], subject });
    } finally {
      await server.close();
    }
  });

  it('refuses bad deliveries with a clear 422 and loses nothing; a repeated Idempotency-Key queues once', async () => {
    const { h, cli, file, post, list } = await setup();
    await cli('channels', 'set', '--team', 'team-a', '--kind', 'wecom', '--url-file', file(`http://127.0.0.1:9/cgi-bin/webhook/send?key=${WECOM_KEY}`));
    await cli('channels', 'set', '--team', 'team-a', '--kind', 'email', '--host', 'smtp.example.com', '--port', '465', '--secure', '--from', 'lens@example.com');
    const bad = async (body: unknown, status = 422, code = 'validation_failed') => expectError(await post(body), status, code);
    expect(await bad({ channel: 'wecom', accountId: ACCOUNT, text: 'a\u0000b' })).toBe('text: must not contain the NUL character (U+0000)');
    expect(await bad({ channel: 'wecom', accountId: ACCOUNT, text: 'x'.repeat(4001) })).toMatch(/^text: /);
    expect(await bad({ channel: 'wecom', accountId: ACCOUNT, text: '   ' })).toBe('text: must not be blank');
    expect(await bad({ channel: 'wecom', accountId: ACCOUNT, text: '汉'.repeat(700) })).toMatch(/at most 2048 bytes.*this one is 2100/);
    expect(await bad({ channel: 'sms', accountId: ACCOUNT, text: 'hi' })).toBe('channel: the team has no channel sms (it has: email, wecom)');
    expect(await bad({ channel: 'email', accountId: ACCOUNT, subject: 'Hi', text: 'hi' })).toMatch(/^to: /);
    expect(await bad({ channel: 'email', accountId: ACCOUNT, text: 'hi', to: ['a@example.com'] })).toMatch(/^subject: /);
    expect(await bad({ channel: 'email', accountId: ACCOUNT, subject: 'Hi\r\nBcc: x@evil.test', text: 'hi', to: ['a@example.com'] })).toBe('subject: must be one line');
    expect(await bad({ channel: 'email', accountId: ACCOUNT, subject: 'Hi', text: 'hi', to: ['a@example.com\r\nBcc: x@evil.test'] })).toMatch(/^to\.0: /);
    expect(await bad({ channel: 'wecom', accountId: ACCOUNT, text: 'hi', to: ['a@example.com'] })).toMatch(/^to: a wecom robot/);
    expect(await bad({ channel: 'wecom', accountId: ACCOUNT, text: 'hi', extra: 1 })).toMatch(/extra/);
    expect(await bad('{"channel":')).toBe('body: not valid JSON');
    expect(await bad({ channel: 'wecom', accountId: 'no-such-account', text: 'hi' }, 404, 'not_found')).toBe('no such account');
    expectError(await h.get((await h.token('team-a', 'Dana Lee')), '/v1/deliveries'), 422, 'validation_failed');
    expect(await list()).toEqual([]);

    const body = { channel: 'wecom', accountId: ACCOUNT, text: 'Kick-off on Monday' };
    const first = await post(body, { 'Idempotency-Key': 'k-1' });
    const again = await post(body, { 'Idempotency-Key': 'k-1' });
    expect([first.status, again.status]).toEqual([202, 200]);
    expect(DeliveryAnswerSchema.parse(again.json).delivery.id).toBe(DeliveryAnswerSchema.parse(first.json).delivery.id);
    expectError(await post({ ...body, text: 'Kick-off on Tuesday' }, { 'Idempotency-Key': 'k-1' }), 409, 'idempotency_conflict');
    expect(await list()).toHaveLength(1);

    // Another team sees neither the channels nor the deliveries.
    await h.seed('team-b', fakeAccounts(1));
    const other = await h.token('team-b', 'Lee', 'manager');
    expect(ChannelListSchema.parse((await h.get(other, '/v1/channels')).json).items).toEqual([]);
    expect(DeliveryListSchema.parse((await h.get(other, `/v1/deliveries?accountId=${ACCOUNT}`)).json).items).toEqual([]);
  });

  it('the extension’s channels client reads and writes through the real API', async () => {
    const { h, token, cli, file, run } = await setup();
    const wecom = await receiver(wecomAnswer);
    try {
      await cli('channels', 'set', '--team', 'team-a', '--kind', 'wecom', '--url-file', file(`${wecom.base}/cgi-bin/webhook/send?key=${WECOM_KEY}`));
      const api = createChannelsClient({ baseUrl: 'http://127.0.0.1:8787', token, fetch: ((input: RequestInfo | URL, init?: RequestInit) => h.app.request(String(input), init)) as typeof fetch });
      expect(await api.channels()).toEqual([{ name: 'wecom', kind: 'wecom' }]);
      const d = await api.deliver({ channel: 'wecom', accountId: ACCOUNT, text: '下周一启动会' }, 'ext-1');
      expect(await api.deliver({ channel: 'wecom', accountId: ACCOUNT, text: '下周一启动会' }, 'ext-1')).toEqual(d);
      await expect(api.deliver({ channel: 'wecom', accountId: ACCOUNT, text: 'a\u0000' }, 'ext-2')).rejects.toMatchObject({ kind: 'rejected', status: 422, message: 'text: must not contain the NUL character (U+0000)' });
      await run(NOW);
      expect(await api.deliveries(ACCOUNT)).toEqual([{ ...d, state: 'sent', attempts: 1, sentAt: NOW.toISOString(), nextAttemptAt: null, updatedAt: NOW.toISOString() }]);
      expect(wecom.got).toHaveLength(1);
    } finally {
      await wecom.close();
    }
  });

  it('never puts a secret in an answer or a log line, even when a robot echoes its URL in an error', async () => {
    const { h, token, cli, file, queue, post, list, run, logs, out } = await setup();
    // A careless receiver: its error message repeats what it was sent (the URL, its key, the hook id).
    const echo = await receiver((r) =>
      r.path.startsWith('/open-apis/')
        ? { json: { code: 9499, msg: `Bad Request: hook ${r.path.split('/').at(-1)} sign ${String(r.body.sign)}` } }
        : r.path === '/robot/send'
          ? { json: { errcode: 40058, errmsg: `bad request to http://127.0.0.1${r.path}?${r.query.toString()}` } }
          : { json: { errcode: 93000, errmsg: `invalid webhook url, key=${r.query.get('key') ?? ''}` } });
    const server = await smtp();
    try {
      await cli('channels', 'set', '--team', 'team-a', '--kind', 'dingtalk', '--url-file', file(`${echo.base}/robot/send?access_token=${DING_TOKEN}`), '--secret-file', file(DING_SECRET));
      await cli('channels', 'set', '--team', 'team-a', '--kind', 'wecom', '--url-file', file(`${echo.base}/cgi-bin/webhook/send?key=${WECOM_KEY}`));
      await cli('channels', 'set', '--team', 'team-a', '--kind', 'feishu', '--url-file', file(`${echo.base}/open-apis/bot/v2/hook/${FEISHU_HOOK}`), '--secret-file', file(FEISHU_SECRET));
      await cli('channels', 'set', '--team', 'team-a', '--kind', 'email', '--host', '127.0.0.1', '--port', String(server.port), '--user', SMTP_USER, '--password-file', file(`${SMTP_PASSWORD}x`), '--from', 'lens@example.com');
      const answers: Answer[] = [];
      answers.push(await h.get(token, '/v1/channels'));
      expect(ChannelListSchema.parse(answers[0]!.json).items).toEqual([
        { name: 'dingtalk', kind: 'dingtalk' }, { name: 'email', kind: 'email' }, { name: 'feishu', kind: 'feishu' }, { name: 'wecom', kind: 'wecom' },
      ]);
      for (const channel of ['dingtalk', 'wecom', 'feishu']) await queue({ channel, text: 'Quarterly review booked' });
      await queue({ channel: 'email', subject: 'Review', text: 'Booked', to: ['boss@example.com'] });
      answers.push(await post({ channel: 'wecom', accountId: ACCOUNT, text: `oops ${'\u0000'}` }));
      expect(await run(NOW)).toEqual({ sent: 0, retrying: 4, failed: 0 });
      answers.push(await h.get(token, `/v1/deliveries?accountId=${ACCOUNT}`));
      const errors = (await list()).map((d) => d.lastError);
      expect(errors).toHaveLength(4);
      for (const e of errors) expect(e).toBeTruthy();
      expect(errors.sort()).toEqual([
        'Invalid login: 535 Invalid username or password',
        expect.stringMatching(/^the bot refused the message: code 9499, Bad Request: hook \[redacted\] sign \S+$/),
        'the robot refused the message: errcode 40058, bad request to [url]',
        'the robot refused the message: errcode 93000, invalid webhook url, key=[redacted]',
      ]);
      await cli('channels', 'list', '--team', 'team-a');
      await cli('channels', 'set', '--team', 'team-a', '--kind', 'dingtalk', '--url-file', file(`ftp://x/robot/send?access_token=${DING_TOKEN}`));
      const everything = [...answers.map((a) => a.text), ...logs, ...out].join('\n');
      for (const s of [...ALL_SECRETS, `${SMTP_PASSWORD}x`]) expect(everything).not.toContain(s);
      expect(logs.some((l) => l.includes('"msg":"delivery"'))).toBe(true);
    } finally {
      await Promise.all([echo.close(), server.close()]);
    }
  });
});
