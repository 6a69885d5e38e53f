import type { UrlTable } from './url-tables';

/** The URL table of the freshsales adapter (freshsales.ts): account-record URLs with what they must yield, and URLs that are not account records. */
export const freshsalesUrls: UrlTable = {
  crm: 'freshsales',
  positives: [
    { url: 'https://acme.myfreshworks.com/crm/sales/accounts/16000123456', recordId: '16000123456', orgKey: 'acme' },
    { url: 'https://acme-team.myfreshworks.com/crm/sales/accounts/16000123456/', recordId: '16000123456', orgKey: 'acme-team' },
    { url: 'https://globex.myfreshworks.com/crm/sales/accounts/42?tab=activities', recordId: '42', orgKey: 'globex' },
    { url: 'https://acme.freshsales.io/accounts/5001234567', recordId: '5001234567', orgKey: 'acme' },
  ],
  deals: [
    { url: 'https://acme.myfreshworks.com/crm/sales/deals/16000234567', recordId: '16000234567', orgKey: 'acme' },
    { url: 'https://acme.freshsales.io/deals/5002345678', recordId: '5002345678', orgKey: 'acme' },
    { url: 'https://acme.myfreshworks.com.mcas.ms/crm/sales/deals/16000234567', recordId: '16000234567', orgKey: 'acme' },
  ],
  negatives: [
    'https://acme.myfreshworks.com/crm/sales/contacts/16000123456',
    'https://acme.myfreshworks.com/crm/sales/deals/view/16000040002',
    'https://acme.myfreshworks.com/crm/sales/accounts/view/16000040001',
    'https://acme.myfreshworks.com/crm/sales/accounts/16000123456/edit',
    'https://acme.myfreshworks.com/crm/sales/leads/16000123456',
    'https://acme.myfreshworks.com/accounts/16000123456',
    'https://acme.freshsales.io/contacts/5001234567',
    'https://acme.myfreshworks.com.evil.example/crm/sales/accounts/16000123456',
    'https://acme.myfreshworks.com.mcas.ms.evil.example/crm/sales/accounts/16000123456',
    'https://www.myfreshworks.com/crm/sales/accounts/16000123456',
  ],
};
