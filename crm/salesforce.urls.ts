import type { UrlTable } from './url-tables';

/** The URL table of the salesforce adapter (salesforce.ts): account-record URLs with what they must yield, and URLs that are not account records. */
export const salesforceUrls: UrlTable = {
  crm: 'salesforce',
  positives: [
    { url: 'https://acme.lightning.force.com/lightning/r/Account/001Hn00001Xyz12IAB/view', recordId: '001Hn00001Xyz12IAB', orgKey: 'acme' },
    // 15-character id in the URL is converted to its 18-character form.
    { url: 'https://acme.lightning.force.com/lightning/r/Account/001Hn00001Xyz12/view', recordId: '001Hn00001Xyz12IAB', orgKey: 'acme' },
    { url: 'https://acme.lightning.force.com/lightning/r/001Hn00001Xyz12IAB/view', recordId: '001Hn00001Xyz12IAB', orgKey: 'acme' },
    { url: 'https://acme--uat.sandbox.lightning.force.com/lightning/r/Account/001Hn00001Xyz12IAB/view?ws=%2Flightning%2Fr', recordId: '001Hn00001Xyz12IAB', orgKey: 'acme--uat' },
    // Classic: the id is the whole path.
    { url: 'https://acme.my.salesforce.com/001Hn00001Xyz12', recordId: '001Hn00001Xyz12IAB', orgKey: 'acme' },
    { url: 'https://ACME.my.salesforce.com/001Hn00001Xyz12IAB?srPos=0&srKp=001', recordId: '001Hn00001Xyz12IAB', orgKey: 'acme' },
    { url: 'https://acme--uat.sandbox.my.salesforce.com/001Hn00001Xyz12', recordId: '001Hn00001Xyz12IAB', orgKey: 'acme--uat' },
    { url: 'https://acme-dev-ed.develop.lightning.force.com/lightning/r/Account/001Hn00001Xyz12IAB/view', recordId: '001Hn00001Xyz12IAB', orgKey: 'acme-dev-ed' },
  ],
  negatives: [
    'https://acme.lightning.force.com/lightning/o/Account/list?filterName=Recent',
    'https://acme.lightning.force.com/lightning/o/Account/new',
    'https://acme.lightning.force.com/lightning/r/Contact/003Hn00001Abc12AAA/view',
    'https://acme.lightning.force.com/lightning/r/003Hn00001Abc12AAA/view',
    'https://acme.lightning.force.com/lightning/r/Account/001Hn00001Xyz12IAB/edit',
    'https://acme.lightning.force.com/lightning/page/home',
    'http://acme.lightning.force.com/lightning/r/Account/001Hn00001Xyz12IAB/view',
    'https://lightning.force.com.evil.example/lightning/r/Account/001Hn00001Xyz12IAB/view',
    // Classic: edit, new, list, contact, Lightning path on the Classic host, lookalike host.
    'https://acme.my.salesforce.com/001Hn00001Xyz12/e?retURL=%2F001Hn00001Xyz12',
    'https://acme.my.salesforce.com/001/e',
    'https://acme.my.salesforce.com/001/o',
    'https://acme.my.salesforce.com/001?fcf=00BHn000001abcd',
    'https://acme.my.salesforce.com/003Hn00001Abc12',
    'https://acme.my.salesforce.com/lightning/r/Account/001Hn00001Xyz12IAB/view',
    'https://acme.my.salesforce.com.evil.example/001Hn00001Xyz12',
    'https://my.salesforce.com/001Hn00001Xyz12',
    'http://acme.my.salesforce.com/001Hn00001Xyz12',
  ],
};
