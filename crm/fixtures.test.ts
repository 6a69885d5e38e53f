import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectAccount, type AccountRef, type DealRef } from '.';
import { detectDeal, linkedAccountRef } from './deal-detect';

/**
 * Fixture pages, each with the URL it was "captured" at and what detection
 * must report: an account (`expected`) or a deal (`deal`). Each page cites
 * the public material it was built from in its opening comment.
 */
interface FixtureCase {
  file: string;
  url: string;
  expected?: AccountRef;
  deal?: DealRef;
}

// Paths, not URL objects: under jsdom, URL is jsdom's class, which node:fs rejects.
const root = join(dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/crm');
const cases = JSON.parse(readFileSync(join(root, 'fixtures.json'), 'utf8')) as FixtureCase[];

function load(file: string): Document {
  return new DOMParser().parseFromString(readFileSync(join(root, file), 'utf8'), 'text/html');
}

const accounts = cases.filter((c) => c.expected);
const deals = cases.filter((c) => c.deal);

describe('CRM fixtures', () => {
  it('holds an account or a deal in every case', () => {
    for (const c of cases) expect(!!c.expected !== !!c.deal, c.file).toBe(true);
  });

  it.each(accounts)('$file at $url', ({ file, url, expected }) => {
    expect(detectAccount(url, load(file))).toEqual(expected);
    expect(detectDeal(url, load(file))).toBeNull();
  });

  it.each(deals)('deal: $file at $url', ({ file, url, deal }) => {
    const doc = load(file);
    expect(detectDeal(url, doc)).toEqual(deal);
    // A deal page is no account page: the content script reports nothing for it.
    expect(detectAccount(url, doc)).toBeNull();
  });

  it('has a deal page for every CRM', () => {
    expect(new Set(deals.map((c) => c.deal!.crm)).size).toBe(8);
  });

  it('turns a deal into its linked account only when the page links that account', () => {
    for (const { deal } of deals) {
      const ref = linkedAccountRef(deal!);
      if (deal!.account?.recordId) expect(ref).toEqual({ crm: deal!.crm, recordId: deal!.account.recordId, orgKey: deal!.account.orgKey ?? deal!.orgKey, name: deal!.account.name });
      else expect(ref).toBeNull();
    }
  });

  it('cites its public sources in every page', () => {
    for (const file of new Set(cases.map((c) => c.file))) {
      if (!file.includes('opportunity') && !file.includes('deal') && !file.includes('next-gen')) continue;
      expect(readFileSync(join(root, file), 'utf8'), file).toMatch(/<!-- Built from public material:/);
    }
  });

  it('lists every fixture file, at least three per CRM', () => {
    const listed = new Set(cases.map((c) => c.file));
    const dirs = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(dirs.map((d) => d.name).sort()).toEqual(
      ['dynamics', 'freshsales', 'fxiaoke', 'hubspot', 'pipedrive', 'salesforce', 'xiaoshouyi', 'zoho'],
    );
    for (const dir of dirs) {
      const files = readdirSync(join(root, dir.name)).filter((f) => f.endsWith('.html'));
      expect(files.length, dir.name).toBeGreaterThanOrEqual(3);
      for (const f of files) expect(listed, `${dir.name}/${f} is in fixtures.json`).toContain(`${dir.name}/${f}`);
    }
  });

  it('reads hostile names as text: nothing in the page is turned into markup', () => {
    for (const c of accounts.filter((x) => x.file.includes('hostile'))) {
      const doc = load(c.file);
      expect(detectAccount(c.url, doc)?.name, c.file).toBe('<img src=x onerror=alert(1)>');
      // Parsing the fixture created no <img> from the escaped name.
      expect(doc.querySelector('img[onerror]'), c.file).toBeNull();
    }
  });

  it('reports nothing for a fixture page opened at a non-account URL', () => {
    const doc = load('salesforce/lightning-record.html');
    expect(detectAccount('https://acme.lightning.force.com/lightning/r/Contact/003Hn00001Abc12AAA/view', doc)).toBeNull();
  });
});
