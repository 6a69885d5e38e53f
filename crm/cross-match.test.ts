import { ADAPTERS } from './registry';
import { matchUrl } from '.';
import { URL_TABLES } from './url-tables';

describe('URL tables', () => {
  it('has a table for every built-in adapter', () => {
    expect(URL_TABLES.map((t) => t.crm).sort()).toEqual(ADAPTERS.map((a) => a.crm).sort());
  });

  for (const table of URL_TABLES) {
    describe(table.crm, () => {
      it.each(table.positives)('$url is its record', ({ url, recordId, orgKey }) => {
        const hit = matchUrl(url);
        expect(hit?.adapter.crm).toBe(table.crm);
        expect(hit?.match.recordId).toBe(recordId);
        expect(hit?.match.orgKey).toBe(orgKey);
      });
      it.each(table.negatives)('%s is no account record', (url) => {
        expect(matchUrl(url)).toBeNull();
      });
    });
  }

  it('no adapter matches a URL listed for another CRM', () => {
    for (const table of URL_TABLES) {
      const urls = [...table.positives.map((p) => p.url), ...table.negatives];
      for (const adapter of ADAPTERS) {
        if (adapter.crm === table.crm) continue;
        for (const url of urls) {
          expect(adapter.matchUrl(new URL(url)), `${adapter.crm} on ${url}`).toBeNull();
        }
      }
    }
  });
});
