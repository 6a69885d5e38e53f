import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { AccountRef } from '../crm/types';
import { DATA_PORT, type PortRequest, type PortResult } from '../messaging/protocol';
import { AccountSchema, type Account } from '../model/account';

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

function watch(ref: AccountRef, listener: Listener): () => void {
  const id = nextId++;
  const request: PortRequest = { type: 'watch/account', id, ref };
  watches.set(id, { request, listener });
  connect().postMessage(request);
  return () => {
    watches.delete(id);
    port?.postMessage({ type: 'unwatch', id });
  };
}

/** The stored account for a CRM record: undefined while loading, null when not stored. */
export function useAccount(ref: AccountRef | null): { account: Account | null | undefined; error?: string } {
  const [state, setState] = useState<{ account: Account | null | undefined; error?: string }>({ account: undefined });
  const key = ref ? `${ref.crm}|${ref.orgKey ?? ''}|${ref.recordId}` : '';
  useEffect(() => {
    setState({ account: ref ? undefined : null });
    if (!ref) return;
    return watch(ref, (value, error) => {
      if (error) return setState({ account: null, error });
      // The background validated it on write; parse again so a bad row shows an error, not a crash.
      const parsed = value === null ? null : AccountSchema.safeParse(value);
      setState(parsed === null ? { account: null } : parsed.success ? { account: parsed.data } : { account: null, error: 'invalid stored record' });
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}
