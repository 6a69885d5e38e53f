/**
 * Ways a broken or hostile server can answer 200: each turns a good JSON
 * answer into a bad one, so tests prove the client never stores it.
 */
export const MALFORMED_MODES = ['wrong-types', 'huge-string', 'proto', 'constructor', 'not-json', 'truncated', 'bad-utf8'] as const;
export type MalformedMode = (typeof MALFORMED_MODES)[number];

/** The first string-valued property, depth first, preferring free-text keys. */
function firstString(value: unknown, prefer: readonly string[]): { obj: Record<string, unknown>; key: string } | undefined {
  const stack: unknown[] = [value];
  let fallback: { obj: Record<string, unknown>; key: string } | undefined;
  while (stack.length) {
    const v = stack.shift();
    if (!v || typeof v !== 'object') continue;
    const obj = v as Record<string, unknown>;
    for (const [k, child] of Object.entries(obj)) {
      if (typeof child === 'string') {
        if (prefer.includes(k)) return { obj, key: k };
        fallback ??= { obj, key: k };
      } else stack.push(child);
    }
  }
  return fallback;
}

/** The answer's bytes and content type for a malformed mode. */
export function malform(mode: MalformedMode, body: unknown): { text: string | Buffer; type: string } {
  const copy = JSON.parse(JSON.stringify(body)) as unknown;
  const json = 'application/json; charset=utf-8';
  switch (mode) {
    case 'wrong-types': {
      const hit = firstString(copy, ['id', 'name']);
      if (hit) hit.obj[hit.key] = 12345;
      return { text: JSON.stringify(copy), type: json };
    }
    case 'huge-string': {
      const hit = firstString(copy, ['name', 'text', 'title']);
      if (hit) hit.obj[hit.key] = 'x'.repeat(1 << 20);
      return { text: JSON.stringify(copy), type: json };
    }
    case 'proto':
      // Text level: JSON.stringify would never write an own __proto__ key.
      return { text: JSON.stringify(copy).replace(/^\{/, '{"__proto__":{"polluted":"yes"},'), type: json };
    case 'constructor': {
      const text = JSON.stringify(copy);
      const at = text.indexOf('{', 1);
      const nested = at > 0 ? at : 0;
      return { text: `${text.slice(0, nested + 1)}"constructor":{"prototype":{"polluted":"yes"}},${text.slice(nested + 1)}`, type: json };
    }
    case 'not-json':
      return { text: '<html><body>502 Bad Gateway</body></html>', type: 'text/html' };
    case 'truncated': {
      const text = JSON.stringify(copy);
      return { text: text.slice(0, Math.floor(text.length / 2)), type: json };
    }
    case 'bad-utf8':
      return { text: Buffer.concat([Buffer.from(JSON.stringify(copy).slice(0, -1)), Buffer.from([0xff, 0xfe, 0x7d])]), type: json };
  }
}
