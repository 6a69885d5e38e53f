/**
 * JSON from a server the extension does not control. Keys that can reach an
 * object's prototype are refused outright rather than stripped: a server
 * sending them is broken or hostile, and the whole answer is distrusted.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export class UnsafeJsonError extends Error {
  override readonly name = 'UnsafeJsonError';
}

export function parseUntrustedJson(text: string): unknown {
  return JSON.parse(text, (key, value: unknown) => {
    if (FORBIDDEN_KEYS.has(key)) throw new UnsafeJsonError(`forbidden key "${key}"`);
    return value;
  });
}

/**
 * Reads a response body as UTF-8 text, giving up past maxBytes so a runaway
 * server cannot exhaust the service worker's memory.
 */
export async function readBodyCapped(res: Response, maxBytes: number): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new UnsafeJsonError(`response larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  try {
    // fatal: invalid UTF-8 is a malformed answer, not text with replacement characters.
    return new TextDecoder('utf-8', { fatal: true }).decode(all);
  } catch {
    throw new UnsafeJsonError('response is not UTF-8');
  }
}

/** JSON with object keys sorted: equal data gives equal text (idempotency bodies, change detection). */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
