import type { UrlTable } from './url-tables';

const A = '001Hn00001Xyz12IAB';
const O = '006Hn00000Opp01IAB';

/**
 * The URL table of the salesforce adapter (salesforce.ts). Host shapes:
 * Salesforce Help "My Domain URL Formats" and "Partitioned Domains" (demo,
 * develop, patch, scratch, sandbox, trailblaze partitions); Salesforce on
 * Alibaba Cloud hosts lightning.sfcrmapps.cn / my.sfcrmproducts.cn as public
 * extensions list them (Salesforce Inspector Reloaded's host checks); app
 * routes from Salesforce's "pageReference Types" (App type); one.app links as
 * public Lightning components still build them ("/one/one.app#/sObject/<id>/view");
 * the Defender for Cloud Apps suffix from Microsoft Learn (see proxy.ts).
 */
export const salesforceUrls: UrlTable = {
  crm: 'salesforce',
  positives: [
    { url: `https://acme.lightning.force.com/lightning/r/Account/${A}/view`, recordId: A, orgKey: 'acme' },
    // 15-character id in the URL is converted to its 18-character form.
    { url: 'https://acme.lightning.force.com/lightning/r/Account/001Hn00001Xyz12/view', recordId: A, orgKey: 'acme' },
    { url: `https://acme.lightning.force.com/lightning/r/${A}/view`, recordId: A, orgKey: 'acme' },
    { url: `https://acme--uat.sandbox.lightning.force.com/lightning/r/Account/${A}/view?ws=%2Flightning%2Fr`, recordId: A, orgKey: 'acme--uat' },
    // Classic: the id is the whole path.
    { url: 'https://acme.my.salesforce.com/001Hn00001Xyz12', recordId: A, orgKey: 'acme' },
    { url: `https://ACME.my.salesforce.com/${A}?srPos=0&srKp=001`, recordId: A, orgKey: 'acme' },
    { url: 'https://acme--uat.sandbox.my.salesforce.com/001Hn00001Xyz12', recordId: A, orgKey: 'acme--uat' },
    { url: `https://acme-dev-ed.develop.lightning.force.com/lightning/r/Account/${A}/view`, recordId: A, orgKey: 'acme-dev-ed' },
    // Partitions the My Domain name does not tell stay in the org key.
    { url: `https://acme.demo.lightning.force.com/lightning/r/Account/${A}/view`, recordId: A, orgKey: 'acme.demo' },
    { url: `https://acme.patch.my.salesforce.com/${A}`, recordId: A, orgKey: 'acme.patch' },
    { url: `https://brave-otter-4kq2x.scratch.lightning.force.com/lightning/r/Account/${A}/view`, recordId: A, orgKey: 'brave-otter-4kq2x.scratch' },
    { url: `https://acme.trailblaze.lightning.force.com/lightning/r/Account/${A}/view`, recordId: A, orgKey: 'acme.trailblaze' },
    // A patch org that got the develop partition before Winter '24 keeps a name without -dev-ed.
    { url: `https://acme.develop.lightning.force.com/lightning/r/Account/${A}/view`, recordId: A, orgKey: 'acme.develop' },
    // App-scoped Lightning routes (standard and custom apps, by developer name or app id).
    { url: `https://acme.lightning.force.com/lightning/app/standard__LightningSales/r/Account/${A}/view`, recordId: A, orgKey: 'acme' },
    { url: `https://acme.lightning.force.com/lightning/app/06mHn000000AbcdIAC/r/${A}/view`, recordId: A, orgKey: 'acme' },
    // Older one.app links: the route is in the hash.
    { url: `https://acme.lightning.force.com/one/one.app#/sObject/${A}/view`, recordId: A, orgKey: 'acme' },
    { url: 'https://acme.lightning.force.com/one/one.app#/sObject/001Hn00001Xyz12/view?t=1416299632331', recordId: A, orgKey: 'acme' },
    { url: `https://acme.lightning.force.com/one/one.app#/sObject/${A}`, recordId: A, orgKey: 'acme' },
    // Salesforce on Alibaba Cloud (China): its own My Domain namespace, marked in the org key.
    { url: `https://acme.lightning.sfcrmapps.cn/lightning/r/Account/${A}/view`, recordId: A, orgKey: 'acme.sfcrmapps.cn' },
    { url: `https://acme.my.sfcrmproducts.cn/${A}`, recordId: A, orgKey: 'acme.sfcrmapps.cn' },
    { url: `https://acme--uat.sandbox.lightning.sfcrmapps.cn/lightning/r/Account/${A}/view`, recordId: A, orgKey: 'acme--uat.sfcrmapps.cn' },
    // Through Microsoft Defender for Cloud Apps: the same record as without the proxy.
    { url: `https://acme.lightning.force.com.mcas.ms/lightning/r/Account/${A}/view`, recordId: A, orgKey: 'acme' },
    { url: `https://contoso.my.salesforce.com.mcas.ms/${A}`, recordId: A, orgKey: 'contoso' },
    { url: `https://agency--uat.sandbox.lightning.force.com.mcas-gov.us/lightning/r/Account/${A}/view`, recordId: A, orgKey: 'agency--uat' },
  ],
  deals: [
    { url: `https://acme.lightning.force.com/lightning/r/Opportunity/${O}/view`, recordId: O, orgKey: 'acme' },
    { url: 'https://acme.lightning.force.com/lightning/r/006Hn00000Opp01/view', recordId: O, orgKey: 'acme' },
    { url: `https://acme.my.salesforce.com/${O}`, recordId: O, orgKey: 'acme' },
    { url: `https://acme.lightning.force.com/one/one.app#/sObject/${O}/view`, recordId: O, orgKey: 'acme' },
    { url: `https://acme.lightning.force.com/lightning/app/standard__LightningSales/r/Opportunity/${O}/view`, recordId: O, orgKey: 'acme' },
    { url: `https://acme.lightning.sfcrmapps.cn/lightning/r/Opportunity/${O}/view`, recordId: O, orgKey: 'acme.sfcrmapps.cn' },
    { url: `https://acme.lightning.force.com.mcas.ms/lightning/r/Opportunity/${O}/view`, recordId: O, orgKey: 'acme' },
  ],
  negatives: [
    'https://acme.lightning.force.com/lightning/o/Account/list?filterName=Recent',
    'https://acme.lightning.force.com/lightning/o/Account/new',
    'https://acme.lightning.force.com/lightning/o/Opportunity/list',
    'https://acme.lightning.force.com/lightning/r/Contact/003Hn00001Abc12AAA/view',
    'https://acme.lightning.force.com/lightning/r/003Hn00001Abc12AAA/view',
    `https://acme.lightning.force.com/lightning/r/Account/${A}/edit`,
    `https://acme.lightning.force.com/lightning/r/Opportunity/${O}/edit`,
    `https://acme.lightning.force.com/lightning/r/constructor/${A}/view`,
    'https://acme.lightning.force.com/lightning/page/home',
    'https://acme.lightning.force.com/lightning/app/standard__LightningSales',
    'https://acme.lightning.force.com/one/one.app#/sObject/Account/home',
    'https://acme.lightning.force.com/one/one.app#/sObject/003Hn00001Abc12AAA/view',
    `https://acme.lightning.force.com/one/other.app#/sObject/${A}/view`,
    `http://acme.lightning.force.com/lightning/r/Account/${A}/view`,
    `https://lightning.force.com.evil.example/lightning/r/Account/${A}/view`,
    `https://acme.salesforce.com.evil.example/lightning/r/Account/${A}/view`,
    `https://acme.unknown.lightning.force.com/lightning/r/Account/${A}/view`,
    // Classic: edit, new, list, contact, Lightning path on the Classic host, lookalike host.
    'https://acme.my.salesforce.com/001Hn00001Xyz12/e?retURL=%2F001Hn00001Xyz12',
    'https://acme.my.salesforce.com/001/e',
    'https://acme.my.salesforce.com/001/o',
    'https://acme.my.salesforce.com/001?fcf=00BHn000001abcd',
    'https://acme.my.salesforce.com/003Hn00001Abc12',
    `https://acme.my.salesforce.com/lightning/r/Account/${A}/view`,
    'https://acme.my.salesforce.com.evil.example/001Hn00001Xyz12',
    'https://my.salesforce.com/001Hn00001Xyz12',
    'http://acme.my.salesforce.com/001Hn00001Xyz12',
    // China look-alikes: other hosts under the same names, and the Lightning host for Classic paths.
    `https://acme.lightning.sfcrmapps.cn.evil.example/lightning/r/Account/${A}/view`,
    `https://acme.sfcrmapps.cn/lightning/r/Account/${A}/view`,
    `https://acme.my.sfcrmapps.cn/${A}`,
    // Proxy look-alikes: the suffix must end the host, and what it wraps must be a CRM host.
    `https://acme.lightning.force.com.mcas.ms.evil.example/lightning/r/Account/${A}/view`,
    `https://mcas.ms.evil.example/lightning/r/Account/${A}/view`,
    `https://acme.lightning.force.com.evil.mcas.ms/lightning/r/Account/${A}/view`,
    `https://evil.example.mcas.ms/lightning/r/Account/${A}/view`,
    `https://acme.lightning.force.com.mcas.evil/lightning/r/Account/${A}/view`,
  ],
};
