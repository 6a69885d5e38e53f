import type { UrlTable } from './url-tables';

/** The URL table of the pipedrive adapter (pipedrive.ts): account-record URLs with what they must yield, and URLs that are not account records. */
export const pipedriveUrls: UrlTable = {
  crm: 'pipedrive',
  positives: [
    { url: 'https://acme.pipedrive.com/organization/42', recordId: '42', orgKey: 'acme' },
    { url: 'https://acme-eu.pipedrive.com/organization/1234/', recordId: '1234', orgKey: 'acme-eu' },
    { url: 'https://ACME.pipedrive.com/organization/7?tab=notes', recordId: '7', orgKey: 'acme' },
    { url: 'https://globex.pipedrive.com/organization/900001#activity', recordId: '900001', orgKey: 'globex' },
  ],
  deals: [
    { url: 'https://acme.pipedrive.com/deal/34', recordId: '34', orgKey: 'acme' },
    { url: 'https://acme.pipedrive.com/deal/1200/', recordId: '1200', orgKey: 'acme' },
    { url: 'https://acme.pipedrive.com.mcas.ms/deal/34', recordId: '34', orgKey: 'acme' },
  ],
  negatives: [
    'https://acme.pipedrive.com/person/12',
    'https://acme.pipedrive.com/deals/list/filter/all',
    'https://acme.pipedrive.com/pipeline/1/user/everyone',
    'https://app.pipedrive.com/deal/34',
    'https://acme.pipedrive.com/leads/inbox/0b9f3c40-1234-11ee-9a1b-7d2c3e4f5a6b',
    'https://acme.pipedrive.com/organizations/list/filter/all',
    'https://acme.pipedrive.com/organization/',
    'https://app.pipedrive.com/organization/42',
    'https://www.pipedrive.com/organization/42',
    'https://a.b.pipedrive.com/organization/42',
    'https://acme.pipedrive.com.evil.example/organization/42',
    'https://acme.pipedrive.com.mcas.ms.evil.example/organization/42',
  ],
};
