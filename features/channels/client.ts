import type { z } from 'zod';
import {
  ChannelListSchema, DeliveryAnswerSchema, DeliveryListSchema,
  type ChannelSummary, type Delivery, type DeliveryRequest,
} from './schemas';
import { RuleAnswerSchema, RuleListSchema, type AutomationRuleView, type RuleSettingsInput } from './automation';
import { ScheduledAnswerSchema, ScheduledListSchema, type AutomationRuleName, type ScheduleApi } from './scheduled';

/**
 * Delivery by the team server (docs/channels.md), for the extension: the
 * team's channels, queueing a delivery, an account's deliveries. It follows
 * the team-API client's rules (data/sync/client.ts): the token only in the
 * Authorization header, no redirects followed, no cookies, a timeout on the
 * whole answer, a size cap, JSON without prototype keys, every answer
 * validated. It runs where the stored token may be read (the background,
 * from readDataSource()); the panel reaches it through a ChannelsApi the
 * background serves, never with the token itself.
 */
export interface ChannelsApi {
  channels(): Promise<ChannelSummary[]>;
  deliveries(accountId: string): Promise<Delivery[]>;
  /** Queues a delivery; the same key with the same request queues it once. */
  deliver(request: DeliveryRequest, idempotencyKey: string): Promise<Delivery>;
}

export type ChannelsErrorKind = 'offline' | 'timeout' | 'unauthorized' | 'rejected' | 'not_found' | 'conflict' | 'server' | 'malformed';

export class ChannelsError extends Error {
  override readonly name = 'ChannelsError';
  constructor(
    readonly kind: ChannelsErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface ChannelsClientOptions {
  /** The team server's base URL and the person's token, as the data source stores them. */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** A hundred deliveries of 4,000 characters fit well under this. */
const MAX_ANSWER_CHARS = 4 * 1024 * 1024;

const kindOf = (status: number): ChannelsErrorKind =>
  status === 401 ? 'unauthorized' : status === 404 ? 'not_found' : status === 409 ? 'conflict' : status === 429 || status >= 500 ? 'server' : status === 408 ? 'timeout' : 'rejected';

function parseAnswer(text: string): unknown {
  let unsafe = false;
  const value: unknown = JSON.parse(text, (k, v: unknown) => {
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') unsafe = true;
    return v;
  });
  if (unsafe) throw new SyntaxError('prototype keys');
  return value;
}

/** The team's automation rules as the server stores them. */
export interface RulesClient {
  rules(): Promise<AutomationRuleView[]>;
  setRule(rule: AutomationRuleName, settings: RuleSettingsInput): Promise<AutomationRuleView>;
}

/** The channels, the automation's rules and its scheduled messages (docs/channels.md, automation), on one client. */
export function createChannelsClient(opts: ChannelsClientOptions): ChannelsApi & ScheduleApi & RulesClient {
  const { token, timeoutMs = 10_000 } = opts;
  const doFetch = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const base = opts.baseUrl.replace(/\/+$/, '');
  // A server that echoes the request must not put the token in front of the person.
  const clean = (s: string) => (token.length >= 4 ? s.split(token).join('[redacted]') : s).slice(0, 300);

  async function call<T>(method: 'GET' | 'POST' | 'PUT', path: string, schema: z.ZodType<T>, extra: { body?: string; headers?: Record<string, string> } = {}): Promise<T> {
    let res: Response;
    let text: string;
    try {
      const signal = AbortSignal.timeout(timeoutMs);
      res = await doFetch(`${base}/v1${path}`, {
        method,
        headers: { Accept: 'application/json', Authorization: `Bearer ${token}`, ...extra.headers },
        ...(extra.body !== undefined ? { body: extra.body } : {}),
        redirect: 'manual',
        credentials: 'omit',
        signal,
      });
      text = await res.text();
    } catch (err) {
      const name = err instanceof Error || err instanceof DOMException ? err.name : '';
      throw name === 'TimeoutError' || name === 'AbortError'
        ? new ChannelsError('timeout', 'The team server did not answer in time.')
        : new ChannelsError('offline', 'Could not reach the team server.');
    }
    if (res.status === 0 || (res.status >= 300 && res.status < 400)) throw new ChannelsError('rejected', 'The team server redirected the request; check the server address.', res.status);
    if (text.length > MAX_ANSWER_CHARS) throw new ChannelsError('malformed', 'The team server sent an oversized answer.', res.status);
    let data: unknown;
    try {
      data = parseAnswer(text);
    } catch {
      if (res.status >= 400) throw new ChannelsError(kindOf(res.status), `The team server answered ${res.status}.`, res.status);
      throw new ChannelsError('malformed', 'The team server sent an answer that is not safe JSON.', res.status);
    }
    if (res.status >= 400) {
      const message = (data as { error?: { message?: unknown } } | null)?.error?.message;
      throw new ChannelsError(kindOf(res.status), clean(typeof message === 'string' ? message : `The team server answered ${res.status}.`), res.status);
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new ChannelsError('malformed', 'The team server sent an invalid answer.', res.status);
    return parsed.data;
  }

  return {
    channels: async () => (await call('GET', '/channels', ChannelListSchema)).items,
    deliveries: async (accountId) => (await call('GET', `/deliveries?${new URLSearchParams({ accountId })}`, DeliveryListSchema)).items,
    async deliver(request, idempotencyKey) {
      const answer = await call('POST', '/deliveries', DeliveryAnswerSchema, {
        body: JSON.stringify(request),
        headers: { 'Content-Type': 'application/json; charset=utf-8', 'Idempotency-Key': idempotencyKey },
      });
      return answer.delivery;
    },
    scheduled: async (accountId) => (await call('GET', `/automation/scheduled?${new URLSearchParams({ accountId })}`, ScheduledListSchema)).items,
    cancelScheduled: async (id) => (await call('POST', `/automation/scheduled/${encodeURIComponent(id)}/cancel`, ScheduledAnswerSchema)).scheduled,
    rules: async () => (await call('GET', '/automation/rules', RuleListSchema)).items,
    async setRule(rule, settings) {
      const answer = await call('PUT', `/automation/rules/${encodeURIComponent(rule)}`, RuleAnswerSchema, {
        body: JSON.stringify(settings),
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
      });
      return answer.rule;
    },
  };
}
