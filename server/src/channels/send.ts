import { createHmac } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { ChannelConfig } from './store';
import { redact } from './store';

/**
 * Sending one message by one channel. Each vendor's documented request:
 * - WeCom group robot (企业微信群机器人): POST {"msgtype":"text","text":{"content":…}}
 *   to the webhook URL with its key; the answer is {"errcode":0,"errmsg":"ok"}
 *   (https://developer.work.weixin.qq.com/document/path/91770).
 * - DingTalk custom robot (钉钉自定义机器人): the same shape to the access_token URL;
 *   with 加签, `&timestamp=<ms>&sign=<urlencoded Base64(HMAC-SHA256(secret,
 *   timestamp + "\n" + secret))>`; the answer is {"errcode":0,"errmsg":"ok"}
 *   (https://open.dingtalk.com/document/orgapp/customize-robot-security-settings).
 * - Feishu custom bot (飞书自定义机器人): POST {"msg_type":"text","content":{"text":…}};
 *   with signature verification, also "timestamp" (seconds) and "sign" =
 *   Base64(HMAC-SHA256 keyed with timestamp + "\n" + secret, over no data); the
 *   answer is {"code":0,…} (older hooks: {"StatusCode":0,…})
 *   (https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot).
 * A vendor error code other than 0 is a failure, as much as an HTTP error.
 */
export interface Message {
  subject: string | null;
  text: string;
  to: string[];
}

export interface SendDeps {
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** A failed send, its message already free of the channel's secrets. */
export class SendError extends Error {
  override readonly name = 'SendError';
}

const hmacBase64 = (key: string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest('base64');

/** DingTalk's 加签: the millisecond timestamp and its signature, added to the URL's query. */
export function dingtalkSignedUrl(url: string, secret: string, now: Date): string {
  const timestamp = String(now.getTime());
  const sign = hmacBase64(secret, `${timestamp}\n${secret}`);
  const u = new URL(url);
  u.searchParams.set('timestamp', timestamp);
  u.searchParams.set('sign', sign);
  return u.toString();
}

/** Feishu's signature: the timestamp in seconds, and the HMAC keyed with it and the secret over an empty message. */
export function feishuSignature(secret: string, now: Date): { timestamp: string; sign: string } {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return { timestamp, sign: hmacBase64(`${timestamp}\n${secret}`, '') };
}

/** What a robot's group sees: the subject as a first line, then the text. */
export const robotText = (m: Pick<Message, 'subject' | 'text'>) => (m.subject ? `${m.subject}\n\n${m.text}` : m.text);

async function postJson(url: string, body: unknown, deps: SendDeps): Promise<unknown> {
  const doFetch = deps.fetch ?? globalThis.fetch;
  const res = await doFetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
    redirect: 'manual',
    signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
  });
  const text = (await res.text()).slice(0, 4000);
  if (res.status < 200 || res.status >= 300) throw new Error(`the robot answered HTTP ${res.status}`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error('the robot answered something that is not JSON');
  }
}

const field = (o: unknown, k: string): unknown => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined);

function checkErrcode(answer: unknown): void {
  const code = field(answer, 'errcode');
  if (code === 0) return;
  if (code === undefined) throw new Error('the robot answered without an errcode');
  throw new Error(`the robot refused the message: errcode ${String(code)}, ${String(field(answer, 'errmsg') ?? '')}`.trim());
}

function checkFeishuCode(answer: unknown): void {
  const code = field(answer, 'code') ?? field(answer, 'StatusCode');
  if (code === 0) return;
  if (code === undefined) throw new Error('the bot answered without a code');
  throw new Error(`the bot refused the message: code ${String(code)}, ${String(field(answer, 'msg') ?? field(answer, 'StatusMessage') ?? '')}`.trim());
}

async function sendMail(config: Extract<ChannelConfig, { kind: 'email' }>, m: Message, deps: SendDeps): Promise<void> {
  const timeout = deps.timeoutMs ?? 20_000;
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    ...(config.user ? { auth: { user: config.user, pass: config.password ?? '' } } : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  try {
    await transport.sendMail({ from: config.from, to: m.to, subject: m.subject ?? '', text: m.text, textEncoding: 'base64' });
  } finally {
    transport.close();
  }
}

/** Sends `m` by the channel; throws SendError (with no secret in its message) when it did not go out. */
export async function send(config: ChannelConfig, m: Message, now: Date, deps: SendDeps = {}): Promise<void> {
  try {
    if (config.kind === 'email') return await sendMail(config, m, deps);
    const content = robotText(m);
    if (config.kind === 'wecom') return checkErrcode(await postJson(config.url, { msgtype: 'text', text: { content } }, deps));
    if (config.kind === 'dingtalk') {
      const url = config.secret ? dingtalkSignedUrl(config.url, config.secret, now) : config.url;
      return checkErrcode(await postJson(url, { msgtype: 'text', text: { content } }, deps));
    }
    const signature = config.secret ? feishuSignature(config.secret, now) : {};
    return checkFeishuCode(await postJson(config.url, { ...signature, msg_type: 'text', content: { text: content } }, deps));
  } catch (err) {
    if (err instanceof SendError) throw err;
    throw new SendError(redact(describe(err), config));
  }
}

/** An error in words: a timeout as such, a network failure with its cause (ECONNREFUSED, ENOTFOUND…). */
function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return 'no answer in time';
  const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (cause && typeof cause.code === 'string') return `${err.message} (${cause.code})`;
  return err.message;
}
