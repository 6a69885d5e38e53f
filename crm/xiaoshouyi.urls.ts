import type { UrlTable } from './url-tables';

/** The URL table of the xiaoshouyi adapter (xiaoshouyi.ts): account-record URLs with what they must yield, and URLs that are not account records. */
export const xiaoshouyiUrls: UrlTable = {
  crm: 'xiaoshouyi',
  positives: [
    { url: 'https://crm.xiaoshouyi.com/final/account.action?id=1234567890', recordId: '1234567890' },
    { url: 'https://crm.xiaoshouyi.com/final/account.action?tab=detail&id=987654321012', recordId: '987654321012' },
    { url: 'https://crm.xiaoshouyi.com/final/account.action?id=5550001#activity', recordId: '5550001' },
    { url: 'https://crm.xiaoshouyi.com/final/account.action?id=%20424242%20', recordId: '424242' },
  ],
  deals: [
    { url: 'https://crm.xiaoshouyi.com/final/opportunity.action?id=2233445566', recordId: '2233445566' },
    { url: 'https://crm.xiaoshouyi.com/final/opportunity.action?tab=detail&id=998877', recordId: '998877' },
  ],
  negatives: [
    'https://crm.xiaoshouyi.com/final/contact.action?id=1234567890',
    'https://crm.xiaoshouyi.com/final/opportunity.action',
    'https://crm.xiaoshouyi.com/final/opportunity.action?id=abc',
    'https://crm.xiaoshouyi.com/final/customize.action?id=1234567890&belongId=100018388',
    'https://crm.xiaoshouyi.com/final/lead.action?id=1234567890',
    'https://crm.xiaoshouyi.com/final/account.action',
    'https://crm.xiaoshouyi.com/final/account.action?id=abc',
    'https://crm.xiaoshouyi.com/final/accountList.action?id=1234567890',
    'https://crm.xiaoshouyi.com.evil.example/final/account.action?id=1234567890',
    'http://crm.xiaoshouyi.com/final/account.action?id=1234567890',
  ],
};
