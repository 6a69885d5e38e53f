import { ADAPTERS } from './registry';
import { matchRecord, matchUrl } from '.';
import { URL_TABLES } from './url-tables';

describe('URL tables', () => {
  it('has a table for every built-in adapter', () => {
    expect(URL_TABLES.map((t) => t.crm).sort()).toEqual(ADAPTERS.map((a) => a.crm).sort());
  });

  for (const table of URL_TABLES) {
    describe(table.crm, () => {
      it.each(table.positives)('$url is its account record', ({ url, recordId, orgKey }) => {
        const hit = matchUrl(url);
        expect(hit?.adapter.crm).toBe(table.crm);
        expect(hit?.match).toEqual(orgKey === undefined ? { recordId } : { recordId, orgKey });
      });
      it.each(table.deals)('$url is its deal record, and no account', ({ url, recordId, orgKey }) => {
        const hit = matchRecord(url);
        expect(hit?.adapter.crm).toBe(table.crm);
        expect(hit?.match).toEqual(orgKey === undefined ? { recordId, kind: 'deal' } : { recordId, orgKey, kind: 'deal' });
        expect(matchUrl(url)).toBeNull();
      });
      it.each(table.negatives)('%s is no record of ours', (url) => {
        expect(matchRecord(url)).toBeNull();
      });
    });
  }

  it('lists deal pages for every CRM', () => {
    for (const table of URL_TABLES) expect(table.deals.length, table.crm).toBeGreaterThan(0);
  });

  it('no adapter matches a URL listed for another CRM', () => {
    for (const table of URL_TABLES) {
      const urls = [...table.positives.map((p) => p.url), ...table.deals.map((d) => d.url), ...table.negatives];
      for (const adapter of ADAPTERS) {
        if (adapter.crm === table.crm) continue;
        for (const url of urls) {
          expect(matchRecord(url, [adapter]), `${adapter.crm} on ${url}`).toBeNull();
        }
      }
    }
  });
});
