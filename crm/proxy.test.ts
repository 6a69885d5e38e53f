import { unproxied, withProxies } from './proxy';

describe('security proxy hosts', () => {
  it.each([
    ['https://contoso.my.salesforce.com.mcas.ms/001Hn00001Xyz12', 'contoso.my.salesforce.com'],
    ['https://acme.lightning.force.com.mcas-gov.us/lightning/page/home', 'acme.lightning.force.com'],
    ['https://contoso.crm9.dynamics.com.mcas-gov.ms/main.aspx', 'contoso.crm9.dynamics.com'],
    ['https://APP.HUBSPOT.COM.MCAS.MS/contacts/1/record/0-2/2', 'app.hubspot.com'],
  ])('%s is %s behind Defender for Cloud Apps', (raw, host) => {
    const url = unproxied(new URL(raw));
    expect(url.hostname).toBe(host);
    expect(url.pathname).toBe(new URL(raw).pathname);
  });

  it.each([
    'https://mcas.ms/x',
    'https://evil.mcas.ms/x',
    'https://contoso.my.salesforce.com.mcas.ms.evil.example/x',
    'https://mcas.ms.evil.example/x',
    'https://contoso.my.salesforce.com.notmcas.ms/x',
    'https://contoso.my.salesforce.com/x',
  ])('leaves %s as it is', (raw) => {
    expect(unproxied(new URL(raw)).href).toBe(new URL(raw).href);
  });

  it('adds the proxied form of each host pattern', () => {
    expect(withProxies(['https://*.pipedrive.com/*'])).toEqual([
      'https://*.pipedrive.com/*',
      'https://*.pipedrive.com.mcas.ms/*',
      'https://*.pipedrive.com.mcas-gov.us/*',
      'https://*.pipedrive.com.mcas-gov.ms/*',
    ]);
  });
});
