import { ADAPTERS, CRM_MATCHES } from './registry';
import { URL_TABLES } from './url-tables';

/** Chrome's host rule for "https://<host>/*" patterns: "*." covers the domain and every subdomain. */
function covers(pattern: string, url: string): boolean {
  const m = /^https:\/\/([^/]+)\/\*$/.exec(pattern);
  if (!m?.[1]) return false;
  const host = new URL(url).hostname;
  const p = m[1];
  return p.startsWith('*.') ? host === p.slice(2) || host.endsWith(p.slice(1)) : host === p;
}

describe('match patterns', () => {
  it('are https host patterns', () => {
    for (const p of CRM_MATCHES) expect(p).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\/\*$/);
  });

  it('cover every record URL, so the content script is injected where an adapter matches', () => {
    for (const table of URL_TABLES) {
      const adapter = ADAPTERS.find((a) => a.crm === table.crm)!;
      for (const { url } of table.positives) {
        expect(adapter.matches.some((p) => covers(p, url)), url).toBe(true);
      }
    }
  });
});
