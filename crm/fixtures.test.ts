import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectAccount, type AccountRef } from '.';

/** Fixture pages, each with the URL it was "captured" at and what detection must report. */
interface FixtureCase {
  file: string;
  url: string;
  expected: AccountRef;
}

// Paths, not URL objects: under jsdom, URL is jsdom's class, which node:fs rejects.
const root = join(dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/crm');
const cases = JSON.parse(readFileSync(join(root, 'fixtures.json'), 'utf8')) as FixtureCase[];

function load(file: string): Document {
  return new DOMParser().parseFromString(readFileSync(join(root, file), 'utf8'), 'text/html');
}

describe('CRM fixtures', () => {
  it.each(cases)('$file', ({ file, url, expected }) => {
    expect(detectAccount(url, load(file))).toEqual(expected);
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
    for (const c of cases.filter((x) => x.file.includes('hostile'))) {
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
