/**
 * Chrome match patterns ("https://*.example.com/*") tested against a URL.
 * Used to check that a message claiming to come from a CRM page really does.
 */
export function matchesPattern(pattern: string, rawUrl: string): boolean {
  const m = /^(https?|\*):\/\/(\*|\*\.[^/*]+|[^/*]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  if (scheme === '*' ? !/^https?:$/.test(url.protocol) : url.protocol !== `${scheme}:`) return false;
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const base = host.slice(2).toLowerCase();
      if (url.hostname !== base && !url.hostname.endsWith(`.${base}`)) return false;
    } else if (url.hostname !== host.toLowerCase()) return false;
  }
  const re = new RegExp(`^${path.split('*').map(escapeRe).join('.*')}$`);
  return re.test(url.pathname + url.search);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const matchesAny = (patterns: readonly string[], url: string): boolean =>
  patterns.some((p) => matchesPattern(p, url));
