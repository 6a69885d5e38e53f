import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { PageMessage, PortRequest, PortResult } from '../messaging/protocol';
import type { TodayData } from '../background/data-port';
import type { WrittenKind } from '../../data/model/records';
import type { RecordOf } from '../../data/sync/schemas';
import { DATA_PORT } from './keys';

/*
 * The panel's line to the background: one port carrying every live watch, and
 * the named writes. Types only from the protocol and the records: this module
 * is on the path to the first screen, which must not wait for zod's schemas
 * (platform/panel/data-client.ts adds the validated hooks on top).
 */

type Listener = (value: unknown, error?: string) => void;

let port: ReturnType<typeof browser.runtime.connect> | undefined;
let nextId = 1;
const watches = new Map<number, { request: PortRequest; listener: Listener }>();

/**
 * One port to the background per panel. When the service worker stops, the
 * port disconnects; the next watch or the reconnect below re-sends every watch.
 */
function connect() {
  if (port) return port;
  const p = browser.runtime.connect({ name: DATA_PORT });
  port = p;
  p.onMessage.addListener((msg: PortResult) => {
    const w = watches.get(msg.id);
    if (!w) return;
    if (msg.type === 'result') w.listener(msg.value);
    else w.listener(undefined, msg.message);
  });
  p.onDisconnect.addListener(() => {
    port = undefined;
    if (watches.size > 0) queueMicrotask(() => {
      const fresh = connect();
      for (const w of watches.values()) fresh.postMessage(w.request);
    });
  });
  return p;
}

export type WatchBody = PortRequest extends infer R ? (R extends { type: 'unwatch' } ? never : Omit<R, 'id'>) : never;

export function watch(body: WatchBody, listener: Listener): () => void {
  const id = nextId++;
  const request = { ...body, id } as PortRequest;
  watches.set(id, { request, listener });
  connect().postMessage(request);
  return () => {
    watches.delete(id);
    port?.postMessage({ type: 'unwatch', id });
  };
}

/** A live value from the background: undefined while loading. The caller validates what it uses. */
export function useWatch<T>(body: WatchBody | null, key: string): { value: T | undefined; error?: string } {
  const [state, setState] = useState<{ value: T | undefined; error?: string }>({ value: undefined });
  useEffect(() => {
    setState({ value: undefined });
    if (!body) return;
    return watch(body, (value, error) => setState(error ? { value: undefined, error } : { value: value as T }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}

/** The Today list for a person (undefined: mine; null: the whole team), live. */
export function useWorklist(person: string | null | undefined, limit?: number) {
  const fromEarly = person === undefined && early !== undefined && early.limit === limit;
  const mine = useEarlyToday(fromEarly);
  const body = { type: 'watch/today' as const, ...(person !== undefined ? { person } : {}), ...(limit !== undefined ? { limit } : {}) };
  const watched = useWatch<TodayData>(fromEarly ? null : body, `today|${person === undefined ? '~me' : (person ?? '~team')}|${limit ?? ''}`);
  return fromEarly ? mine : watched;
}

/** My Today list, asked for as the panel starts (prefetchToday), before the panel knows whether a record is open. */
interface EarlyToday {
  limit: number | undefined;
  value?: TodayData;
  error?: string;
  listeners: Set<() => void>;
}
let early: EarlyToday | undefined;

/**
 * Asks for my Today list at once, while the panel is still finding out which
 * tab it follows: when no record is open, the list is there as it mounts
 * instead of one more round trip later. The watch lives as long as the page.
 */
export function prefetchToday(limit?: number): void {
  if (early) return;
  const state: EarlyToday = { limit, listeners: new Set() };
  early = state;
  watch({ type: 'watch/today', ...(limit !== undefined ? { limit } : {}) }, (value, error) => {
    Object.assign(state, error ? { value: undefined, error } : { value: value as TodayData, error: undefined });
    state.listeners.forEach((l) => l());
  });
}

function useEarlyToday(wanted: boolean): { value: TodayData | undefined; error?: string } {
  const [, rerender] = useState(0);
  useEffect(() => {
    if (!wanted || !early) return;
    const listener = () => rerender((n) => n + 1);
    early.listeners.add(listener);
    return () => void early?.listeners.delete(listener);
  }, [wanted]);
  return early?.error ? { value: undefined, error: early.error } : { value: early?.value };
}

export type Request = Extract<PageMessage, { type: 'record/create' | 'record/update' | 'record/put' | 'record/remove' | 'conflict/settle' | 'term/outcome' | 'term/plan' | 'term/paid' }>;

/** The one way the panel asks the background to write: the answer's error becomes a thrown Error. */
export async function send(message: Request): Promise<{ id?: string }> {
  const answer = (await browser.runtime.sendMessage(message)) as { ok?: boolean; error?: string; id?: string } | null;
  if (!answer?.ok) throw new Error(answer?.error ?? 'no answer from the extension');
  return answer;
}

/** Changes fields of a stored record; `record` is the copy the person saw (its version is the edit's base). */
export async function updateRecordVia<K extends WrittenKind>(kind: K, record: { id: string; version?: number }, patch: Partial<RecordOf<K>>): Promise<void> {
  await send({ type: 'record/update', kind, id: record.id, patch: patch as Record<string, unknown>, ...(record.version !== undefined ? { version: record.version } : {}) });
}
