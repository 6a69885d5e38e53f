import type { UrlTable } from './url-tables';

/** The URL table of the hubspot adapter (hubspot.ts): account-record URLs with what they must yield, and URLs that are not account records. */
export const hubspotUrls: UrlTable = {
  crm: 'hubspot',
  positives: [
    { url: 'https://app.hubspot.com/contacts/123456/record/0-2/987654321', recordId: '987654321', orgKey: '123456' },
    { url: 'https://app-eu1.hubspot.com/contacts/26543210/record/0-2/11223344556/', recordId: '11223344556', orgKey: '26543210' },
    { url: 'https://app-na2.hubspot.com/contacts/243001/record/0-2/5566/view/1?eschref=%2Fcontacts', recordId: '5566', orgKey: '243001' },
    { url: 'https://app-ap1.hubspot.com/contacts/9/record/0-2/42', recordId: '42', orgKey: '9' },
    // The older company URL, still linked from notification emails.
    { url: 'https://app.hubspot.com/contacts/123456/company/987654321/', recordId: '987654321', orgKey: '123456' },
    { url: 'https://app.hubspot.com.mcas.ms/contacts/123456/record/0-2/987654321', recordId: '987654321', orgKey: '123456' },
  ],
  deals: [
    { url: 'https://app.hubspot.com/contacts/123456/record/0-3/77', recordId: '77', orgKey: '123456' },
    { url: 'https://app-eu1.hubspot.com/contacts/26543210/record/0-3/9988776655/view/1', recordId: '9988776655', orgKey: '26543210' },
    { url: 'https://app.hubspot.com/contacts/123456/deal/77/', recordId: '77', orgKey: '123456' },
    { url: 'https://app.hubspot.com.mcas.ms/contacts/123456/record/0-3/77', recordId: '77', orgKey: '123456' },
  ],
  negatives: [
    'https://app.hubspot.com/contacts/123456/record/0-1/51',
    'https://app.hubspot.com/contacts/123456/record/0-4/77',
    'https://app.hubspot.com/contacts/123456/objects/0-3/views/all/board',
    'https://app.hubspot.com/contacts/123456/record/0-5/88',
    'https://app.hubspot.com/contacts/123456/objects/0-2/views/all/list',
    'https://app.hubspot.com/contacts/123456/contact/51',
    'https://app.hubspot.com/contacts/123456/record/0-2/',
    'https://app.hubspot.com/contacts/acme/record/0-2/987654321',
    'https://app.hubspot.com.evil.example/contacts/123456/record/0-2/987654321',
    'https://app.hubspot.com.mcas.ms.evil.example/contacts/123456/record/0-2/987654321',
    'https://evil.example/app.hubspot.com/contacts/123456/record/0-2/987654321',
    'https://www.hubspot.com/contacts/123456/record/0-2/987654321',
    'http://app.hubspot.com/contacts/123456/record/0-2/987654321',
  ],
};
