import { matchRecord, matchUrl, refFrom } from '.';
import { detectDeal } from './deal-detect';
import { DEAL_READERS } from './deal-readers';
import { readDealDetails } from './deal';
import { salesforce } from './salesforce';

const O = '006Hn00000Opp01IAB';
const A = '001Hn00001Xyz12IAB';
const PAGE = `https://acme.lightning.force.com/lightning/r/Opportunity/${O}/view`;

function page(accountCell: string, amount = '$1,000.00'): Document {
  return new DOMParser().parseFromString(
    `<div class="windowViewMode-normal active" data-record-id="${O}">
       <h1><span class="slds-page-header__title">Deal</span></h1>
       <div><p>Account Name</p><p>${accountCell}</p></div>
       <div><p>Amount</p><p>${amount}</p></div>
     </div>`,
    'text/html',
  );
}

describe('deal pages', () => {
  it('links the account the field opens, relative or absolute', () => {
    for (const href of [`/lightning/r/${A}/view`, `https://acme.lightning.force.com/lightning/r/Account/${A}/view`, `/${A}`.replace('/', '/one/one.app#/sObject/')]) {
      expect(detectDeal(PAGE, page(`<a href="${href}">Acme</a>`))?.account, href).toEqual({ recordId: A, orgKey: 'acme', name: 'Acme' });
    }
  });

  it('keeps only the name when the link opens no account of this CRM', () => {
    for (const href of [
      `https://evil.example/lightning/r/${A}/view`,
      `https://acme.lightning.force.com.evil.example/lightning/r/${A}/view`,
      `javascript:location='/lightning/r/${A}/view'`,
      `http://acme.lightning.force.com/lightning/r/${A}/view`,
      '/lightning/r/003Hn00001Abc12AAA/view',
      `/lightning/r/Opportunity/${O}/view`,
      'https://app.hubspot.com/contacts/1/record/0-2/2',
      'http://[::1',
    ]) {
      expect(detectDeal(PAGE, page(`<a href="${href}">Acme</a>`))?.account, href).toEqual({ name: 'Acme' });
    }
  });

  it('reads an account link through the proxy the page is served by', () => {
    const proxied = `https://acme.lightning.force.com.mcas.ms/lightning/r/Opportunity/${O}/view`;
    const doc = page(`<a href="https://acme.lightning.force.com.mcas.ms/lightning/r/${A}/view">Acme</a>`);
    expect(detectDeal(proxied, doc)?.account).toEqual({ recordId: A, orgKey: 'acme', name: 'Acme' });
  });

  it('reads a hostile account name as text', () => {
    const doc = page(`<a href="/lightning/r/${A}/view">&lt;img src=x onerror=alert(1)&gt;</a>`);
    expect(detectDeal(PAGE, doc)?.account?.name).toBe('<img src=x onerror=alert(1)>');
    expect(doc.querySelector('img')).toBeNull();
  });

  it('leaves out an account field that is empty and an amount that is no number', () => {
    const deal = detectDeal(PAGE, page('--', 'Not set'))!;
    expect(deal.account).toBeUndefined();
    expect(deal.amount).toBeUndefined();
    expect(deal.name).toBe('Deal');
  });

  it('reads nothing from a page without the record', () => {
    const hit = matchRecord(PAGE)!;
    expect(readDealDetails(salesforce, null, new URL(PAGE))).toEqual({});
    // A stale active view (another record) is not read.
    const stale = new DOMParser().parseFromString(`<div class="windowViewMode-normal active" data-record-id="006Hn00000Old77"><p>Amount</p><p>$9</p></div>`, 'text/html');
    expect(DEAL_READERS.salesforce(stale, hit.match, new URL(PAGE))).toEqual({});
  });

  it('is null on account pages and on pages that are no records', () => {
    expect(detectDeal(`https://acme.lightning.force.com/lightning/r/Account/${A}/view`, document)).toBeNull();
    expect(detectDeal('https://example.com/deal/1', document)).toBeNull();
    expect(detectDeal('not a url', document)).toBeNull();
  });

  it('the content script’s reference of a deal page: the deal’s own id and name, marked a deal, no account fields', () => {
    const doc = page(`<a href="/lightning/r/${A}/view">Acme</a>`);
    const hit = matchRecord(PAGE)!;
    expect(refFrom(hit, doc)).toEqual({ crm: 'salesforce', recordId: O, orgKey: 'acme', name: 'Deal', kind: 'deal' });
    expect(matchUrl(PAGE)).toBeNull(); // what looks up accounts never takes a deal for one
    const account = matchRecord(`https://acme.lightning.force.com/lightning/r/Account/${A}/view`)!;
    expect(refFrom(account, doc)).not.toHaveProperty('kind');
  });
});
