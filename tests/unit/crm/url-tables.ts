import type { CrmId } from '../../../lib/crm';

/** Per CRM: URLs that are account records (with what they must yield) and URLs that are not. */
export interface UrlTable {
  crm: CrmId;
  positives: { url: string; recordId: string; orgKey?: string }[];
  negatives: string[];
}

export const salesforceUrls: UrlTable = {
  crm: 'salesforce',
  positives: [
    { url: 'https://acme.lightning.force.com/lightning/r/Account/001Hn00001Xyz12IAB/view', recordId: '001Hn00001Xyz12IAB', orgKey: 'acme' },
    // 15-character id in the URL is converted to its 18-character form.
    { url: 'https://acme.lightning.force.com/lightning/r/Account/001Hn00001Xyz12/view', recordId: '001Hn00001Xyz12IAB', orgKey: 'acme' },
    { url: 'https://acme.lightning.force.com/lightning/r/001Hn00001Xyz12IAB/view', recordId: '001Hn00001Xyz12IAB', orgKey: 'acme' },
    { url: 'https://acme--uat.sandbox.lightning.force.com/lightning/r/Account/001Hn00001Xyz12IAB/view?ws=%2Flightning%2Fr', recordId: '001Hn00001Xyz12IAB', orgKey: 'acme--uat' },
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
  ],
};

export const URL_TABLES: UrlTable[] = [salesforceUrls];
