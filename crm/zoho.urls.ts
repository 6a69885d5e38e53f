import type { UrlTable } from './url-tables';

/** The URL table of the zoho adapter (zoho.ts): account-record URLs with what they must yield, and URLs that are not account records. */
export const zohoUrls: UrlTable = {
  crm: 'zoho',
  positives: [
    { url: 'https://crm.zoho.com/crm/org60012345/tab/Accounts/4876876000000411001', recordId: '4876876000000411001', orgKey: '60012345' },
    { url: 'https://crm.zoho.eu/crm/tab/Accounts/4876876000000411001', recordId: '4876876000000411001' },
    { url: 'https://crm.zoho.com.cn/crm/org7001/tab/Accounts/123/', recordId: '123', orgKey: '7001' },
    { url: 'https://crm.zoho.in/crm/org60012345/tab/Accounts/4876876000000411001?sub_module=', recordId: '4876876000000411001', orgKey: '60012345' },
    { url: 'https://crm.zoho.com.au/crm/org1/tab/Accounts/55', recordId: '55', orgKey: '1' },
    { url: 'https://crm.zoho.eu.mcas.ms/crm/org20012345/tab/Accounts/55', recordId: '55', orgKey: '20012345' },
  ],
  // Deal URLs as public scripts and integrations build them (crm.zoho.<dc>/crm/org<id>/tab/Potentials/<id>).
  deals: [
    { url: 'https://crm.zoho.com/crm/org60012345/tab/Potentials/4876876000000522001', recordId: '4876876000000522001', orgKey: '60012345' },
    { url: 'https://crm.zoho.com.au/crm/org7004062519/tab/Potentials/88', recordId: '88', orgKey: '7004062519' },
    { url: 'https://crm.zoho.in/crm/tab/Potentials/1418411000000553001', recordId: '1418411000000553001' },
  ],
  negatives: [
    'https://crm.zoho.com/crm/org60012345/tab/Contacts/4876876000000411001',
    'https://crm.zoho.com/crm/org60012345/tab/Potentials/create',
    'https://crm.zoho.com/crm/org60012345/tab/Leads/4876876000000411001',
    'https://crm.zoho.com/crm/org60012345/tab/Accounts/create',
    'https://crm.zoho.com/crm/org60012345/tab/Accounts/4876876000000411001/edit?layoutId=4876876000000091055',
    'https://crm.zoho.com/crm/org60012345/tab/Accounts/custom-view/4876876000000087501/list',
    'https://crm.zoho.com/crm/org60012345/tab/Accounts',
    'https://crm.zoho.com.evil.example/crm/org60012345/tab/Accounts/4876876000000411001',
    'https://crm.zoho.com.mcas.ms.evil.example/crm/org60012345/tab/Accounts/4876876000000411001',
    'https://crm.zoho.org/crm/org60012345/tab/Accounts/4876876000000411001',
    'https://www.zoho.com/crm/org60012345/tab/Accounts/4876876000000411001',
  ],
};
