import { detectAccount, type CrmId } from '.';
import { ADAPTERS } from './registry';
import { parse } from './test-helpers';
import { recordUrl, type RecordRef } from './urls';
import { URL_TABLES } from './url-tables';

const G = '5a8b2c1d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
const SF18 = '001Hn00001Xyz12IAB';
const SF15 = '001Hn00001Xyz12';

/** One valid reference per built-in CRM. */
const VALID: Record<Exclude<CrmId, 'custom'>, RecordRef> = {
  salesforce: { crm: 'salesforce', recordId: SF18, orgKey: 'acme' },
  hubspot: { crm: 'hubspot', recordId: '987654321', orgKey: '123456' },
  dynamics: { crm: 'dynamics', recordId: G, orgKey: 'contoso.crm4.dynamics.com' },
  zoho: { crm: 'zoho', recordId: '4876876000000411001', orgKey: '60012345' },
  pipedrive: { crm: 'pipedrive', recordId: '42', orgKey: 'acme' },
  freshsales: { crm: 'freshsales', recordId: '16000123456', orgKey: 'acme' },
  fxiaoke: { crm: 'fxiaoke', recordId: '5f8a1c2e9b3d4a0012c4e7f1' },
  xiaoshouyi: { crm: 'xiaoshouyi', recordId: '1234567890' },
};

describe('recordUrl round trip through detection', () => {
  for (const table of URL_TABLES) {
    it.each(table.positives)(`${table.crm}: $url`, ({ url }) => {
      const ref = parse(url)!;
      expect(ref.crm).toBe(table.crm);
      const built = recordUrl(ref);
      expect(built).not.toBeNull();
      expect(new URL(built!).protocol).toBe('https:');
      // Read back by the same matching the content script runs, over every adapter.
      expect(parse(built!)).toEqual(ref);
      // Canonical: rebuilding from the rebuilt URL gives the same URL.
      expect(recordUrl(parse(built!)!)).toBe(built);
    });
  }

  it('covers every built-in CRM', () => {
    expect(URL_TABLES.map((t) => t.crm).sort()).toEqual(Object.keys(VALID).sort());
  });

  it('also round-trips through detectAccount with a document', () => {
    const url = recordUrl(VALID.salesforce)!;
    expect(detectAccount(url, document)).toMatchObject(VALID.salesforce);
  });
});

describe('recordUrl shapes', () => {
  it.each([
    [VALID.salesforce, `https://acme.lightning.force.com/lightning/r/Account/${SF18}/view`],
    [VALID.hubspot, 'https://app.hubspot.com/contacts/123456/record/0-2/987654321'],
    [VALID.dynamics, `https://contoso.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=${G}`],
    [VALID.zoho, 'https://crm.zoho.com/crm/org60012345/tab/Accounts/4876876000000411001'],
    [VALID.pipedrive, 'https://acme.pipedrive.com/organization/42'],
    [VALID.freshsales, 'https://acme.myfreshworks.com/crm/sales/accounts/16000123456'],
    [VALID.fxiaoke, 'https://www.fxiaoke.com/XV/UI/Home#crm/detail/=/AccountObj/5f8a1c2e9b3d4a0012c4e7f1'],
    [VALID.xiaoshouyi, 'https://crm.xiaoshouyi.com/final/account.action?id=1234567890'],
  ])('%o → %s', (ref, url) => {
    expect(recordUrl(ref)).toBe(url);
  });

  it('keeps a Salesforce id as stored, 15 or 18 characters', () => {
    expect(recordUrl({ ...VALID.salesforce, recordId: SF15 })).toBe(`https://acme.lightning.force.com/lightning/r/Account/${SF15}/view`);
    expect(recordUrl({ ...VALID.salesforce, recordId: SF18 })).toContain(`/Account/${SF18}/view`);
    // Either form opens the same record.
    expect(parse(recordUrl({ ...VALID.salesforce, recordId: SF15 })!)?.recordId).toBe(SF18);
  });

  it('puts Salesforce sandboxes and Developer Edition orgs on their enhanced-domain hosts', () => {
    expect(recordUrl({ ...VALID.salesforce, orgKey: 'acme--uat' })).toBe(`https://acme--uat.sandbox.lightning.force.com/lightning/r/Account/${SF18}/view`);
    expect(recordUrl({ ...VALID.salesforce, orgKey: 'acme-dev-ed' })).toBe(`https://acme-dev-ed.develop.lightning.force.com/lightning/r/Account/${SF18}/view`);
  });

  it('puts partitioned and China Salesforce orgs on their own hosts', () => {
    expect(recordUrl({ ...VALID.salesforce, orgKey: 'acme.demo' })).toBe(`https://acme.demo.lightning.force.com/lightning/r/Account/${SF18}/view`);
    expect(recordUrl({ ...VALID.salesforce, orgKey: 'acme.patch' })).toBe(`https://acme.patch.lightning.force.com/lightning/r/Account/${SF18}/view`);
    expect(recordUrl({ ...VALID.salesforce, orgKey: 'acme.sfcrmapps.cn' })).toBe(`https://acme.lightning.sfcrmapps.cn/lightning/r/Account/${SF18}/view`);
    expect(recordUrl({ ...VALID.salesforce, orgKey: 'acme--uat.sfcrmapps.cn' })).toBe(`https://acme--uat.sandbox.lightning.sfcrmapps.cn/lightning/r/Account/${SF18}/view`);
  });

  it('rejects Salesforce org keys that are not what detection stores', () => {
    for (const orgKey of ['acme--uat.sandbox', 'acme-dev-ed.develop', 'acme.unknown', 'acme.sfcrmapps.cn.evil', 'acme.demo.evil.example', 'acme.my.salesforce.com', 'sfcrmapps.cn']) {
      expect(recordUrl({ ...VALID.salesforce, orgKey }), orgKey).toBeNull();
    }
  });

  it('opens 纷享销客 records on the tenant subdomain the reference names', () => {
    expect(recordUrl({ ...VALID.fxiaoke, orgKey: 'hws' })).toBe('https://hws.fxiaoke.com/XV/UI/Home#crm/detail/=/AccountObj/5f8a1c2e9b3d4a0012c4e7f1');
    // Vendor service hosts are no tenants: the record opens on www.
    expect(recordUrl({ ...VALID.fxiaoke, orgKey: 'open' })).toBe(recordUrl(VALID.fxiaoke));
  });

  it('builds Zoho without the org segment when the reference has none', () => {
    expect(recordUrl({ crm: 'zoho', recordId: '55' })).toBe('https://crm.zoho.com/crm/tab/Accounts/55');
    expect(parse('https://crm.zoho.com/crm/tab/Accounts/55')).toEqual({ crm: 'zoho', recordId: '55' });
  });

  it('normalises Dynamics GUIDs and host case', () => {
    expect(recordUrl({ crm: 'dynamics', recordId: `{${G.toUpperCase()}}`, orgKey: 'Contoso.CRM4.dynamics.com' })).toBe(recordUrl(VALID.dynamics));
  });

  it('ignores an org key where the CRM keeps the tenant in the session', () => {
    expect(recordUrl({ ...VALID.fxiaoke, orgKey: 'evil.example' })).toBe(recordUrl(VALID.fxiaoke));
    expect(recordUrl({ ...VALID.xiaoshouyi, orgKey: 'x' })).toBe(recordUrl(VALID.xiaoshouyi));
  });
});

describe('recordUrl without what the URL needs', () => {
  it.each(['salesforce', 'hubspot', 'dynamics', 'pipedrive', 'freshsales'] as const)('%s without an org key is null', (crm) => {
    expect(recordUrl({ crm, recordId: VALID[crm].recordId })).toBeNull();
    expect(recordUrl({ crm, recordId: VALID[crm].recordId, orgKey: '' })).toBeNull();
  });

  it('rejects a Dynamics org key that is not a CRM host', () => {
    for (const orgKey of ['contoso', 'contoso.operations.dynamics.com', 'evil.example', 'contoso.crm4.dynamics.com.evil.example', 'dynamics.com']) {
      expect(recordUrl({ ...VALID.dynamics, orgKey }), orgKey).toBeNull();
    }
  });

  it('rejects ids of the wrong shape for the CRM', () => {
    expect(recordUrl({ ...VALID.salesforce, recordId: '001Hn00001Xyz1' })).toBeNull();
    // 18 characters whose case suffix does not fit: not a Salesforce id.
    expect(recordUrl({ ...VALID.salesforce, recordId: '001Hn00001Xyz12999' })).toBeNull();
    expect(recordUrl({ ...VALID.dynamics, recordId: 'not-a-guid' })).toBeNull();
    expect(recordUrl({ ...VALID.hubspot, recordId: 'abc' })).toBeNull();
    expect(recordUrl({ ...VALID.hubspot, orgKey: 'acme' })).toBeNull();
    expect(recordUrl({ ...VALID.zoho, orgKey: 'org1' })).toBeNull();
    expect(recordUrl({ ...VALID.xiaoshouyi, recordId: ' 42 ' })).toBeNull();
  });

  it('rejects reserved Pipedrive and Freshsales subdomains', () => {
    expect(recordUrl({ ...VALID.pipedrive, orgKey: 'app' })).toBeNull();
    expect(recordUrl({ ...VALID.pipedrive, orgKey: 'www' })).toBeNull();
    expect(recordUrl({ ...VALID.freshsales, orgKey: 'www' })).toBeNull();
  });

  it('is null for an unknown CRM or an empty id', () => {
    expect(recordUrl({ crm: 'nope' as CrmId, recordId: '1' })).toBeNull();
    expect(recordUrl({ crm: '__proto__' as CrmId, recordId: '1' })).toBeNull();
    expect(recordUrl({ ...VALID.hubspot, recordId: '' })).toBeNull();
  });
});

describe('recordUrl with hostile stored values', () => {
  const HOSTILE_ORG_KEYS = [
    'evil.com/x?',
    'evil.com#',
    'javascript:',
    'javascript:alert(1)//',
    'acme.evil.example',
    'user@evil.example',
    'evil.example:443',
    'acme/../../evil',
    'acme%2eevil',
    ' acme',
    'ac\nme',
    '-acme',
  ];
  const HOSTILE_IDS = ['42/../../evil', '42#x', '42?x=1', 'javascript:alert(1)', '../42', '//evil.example/42', '42\n', '%34%32'];
  const withOrg = ['salesforce', 'hubspot', 'dynamics', 'zoho', 'pipedrive', 'freshsales'] as const;

  it.each(withOrg)('%s: no hostile org key makes a URL', (crm) => {
    for (const orgKey of HOSTILE_ORG_KEYS) {
      expect(recordUrl({ ...VALID[crm], orgKey }), orgKey).toBeNull();
    }
  });

  it.each(Object.keys(VALID) as (keyof typeof VALID)[])('%s: no hostile record id makes a URL', (crm) => {
    for (const recordId of HOSTILE_IDS) {
      expect(recordUrl({ ...VALID[crm], recordId }), recordId).toBeNull();
    }
  });

  it('only ever returns https URLs on the CRM’s own hosts', () => {
    const refs: RecordRef[] = [...Object.values(VALID), ...URL_TABLES.flatMap((t) => t.positives.map((p) => parse(p.url)!))];
    for (const ref of refs) {
      const url = new URL(recordUrl(ref)!);
      expect(url.protocol).toBe('https:');
      expect(url.username + url.password + url.port).toBe('');
      const adapter = ADAPTERS.find((a) => a.crm === ref.crm)!;
      expect(adapter.matchUrl(url), url.href).not.toBeNull();
    }
  });
});
